import type { Position } from '@tayari/shared/eventstore/EventStore';
import { esdbPosition } from '@tayari/shared/eventstore/esdb/esdbPosition';
import { sqlitePosition } from '@tayari/shared/eventstore/sqlite/sqlitePosition';
import type { EventStoreChoice } from './chooseStores';

export interface PositionOrder {
  compare(a: Position, b: Position): number;
  /** The position before the first event, as this store writes positions. */
  zero: Position;
}

/**
 * How the event store in use orders positions, known from the configuration alone: the live gateway
 * compares positions but never connects to the event store. The adapters' comparePositions use the
 * same functions.
 */
export function positionsOf(kind: EventStoreChoice['kind']): PositionOrder {
  if (kind === 'eventstoredb') return { compare: (a, b) => esdbPosition.compare(a, b), zero: esdbPosition.encode({ commit: 0n, prepare: 0n }) };
  return { compare: (a, b) => sqlitePosition.compare(a, b), zero: '0' };
}

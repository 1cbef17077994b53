import type { Position } from '@tayari/shared/eventstore/EventStore';
import { esdbPosition } from '@tayari/shared/eventstore/esdb/esdbPosition';
import type { EventStoreChoice } from './chooseStores';

export interface PositionOrder {
  compare(a: Position, b: Position): number;
  /** The position before the first event, as this store writes positions. */
  zero: Position;
}

const SEQUENCE = /^\d{1,15}$/;

function sequence(position: Position): number {
  if (!SEQUENCE.test(position)) throw new RangeError(`not a position of the SQLite event store: ${JSON.stringify(position)}`);
  return Number(position);
}

/**
 * How the event store in use orders positions, known from the configuration alone: the live gateway
 * compares positions but never connects to the event store. Same order as the adapters' own
 * comparePositions.
 */
export function positionsOf(kind: EventStoreChoice['kind']): PositionOrder {
  if (kind === 'eventstoredb') return { compare: (a, b) => esdbPosition.compare(a, b), zero: esdbPosition.encode({ commit: 0n, prepare: 0n }) };
  return { compare: (a, b) => Math.sign(sequence(a) - sequence(b)), zero: '0' };
}

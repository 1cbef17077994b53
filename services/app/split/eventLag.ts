import type { Position } from '@tayari/shared/eventstore/EventStore';

const COUNTED = /^\d{1,15}$/;

/**
 * Events written but not yet projected, where positions count events (the SQLite store); undefined
 * where they do not (EventStoreDB positions are log offsets in bytes), so no gauge lies.
 */
export function eventLag(head: Position | undefined, position: Position): number | undefined {
  if (!COUNTED.test(position)) return undefined;
  if (head === undefined) return 0;
  if (!COUNTED.test(head)) return undefined;
  return Math.max(0, Number(head) - Number(position));
}

import type { Position } from '../eventstore/EventStore';

/**
 * A fixed-width key that sorts like positions: SQLite positions are integers ("42"), EventStoreDB
 * positions are "<commit>/<prepare>" in decimal. Both are zero-padded to 20 digits per part.
 */
export function positionKey(position: Position): string {
  if (!/^\d{1,20}(\/\d{1,20})?$/.test(position)) throw new Error(`not a position: ${position}`);
  return position
    .split('/')
    .map((part) => part.padStart(20, '0'))
    .join('/');
}

import type { Position } from '../EventStore';

const SEQUENCE = /^\d{1,15}$/;

/** The SQLite store's `Position`: its global sequence number as decimal digits ("0" before the first event). */
export const sqlitePosition = {
  /** The sequence number of a position; undefined means before the first event. Throws RangeError for anything else. */
  decode(position: Position | undefined): number {
    if (position === undefined) return 0;
    if (!SEQUENCE.test(position)) throw new RangeError(`not a position of the SQLite event store: ${JSON.stringify(position)}`);
    return Number(position);
  },

  compare(a: Position, b: Position): number {
    return Math.sign(sqlitePosition.decode(a) - sqlitePosition.decode(b));
  },
};

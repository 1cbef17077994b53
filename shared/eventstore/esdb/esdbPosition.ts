import type { Position as EsdbPosition } from '@eventstore/db-client';
import type { Position } from '../EventStore';

/** Both halves are unsigned 64-bit on the server; 20 decimal digits hold any of them. */
const DIGITS = 20;
const MAX = 2n ** 64n - 1n;
const PATTERN = /^(\d{1,20})\/(\d{1,20})$/;

function checked(value: bigint, what: string): bigint {
  if (value < 0n || value > MAX) throw new RangeError(`EventStoreDB ${what} position out of range: ${value}`);
  return value;
}

/**
 * Our `Position` string for EventStoreDB's `{ commit, prepare }` pair of bigints
 * (`JSON.stringify` throws on bigint, and a number loses precision past 2^53).
 * Both halves are zero-padded so that plain string order is also log order.
 */
export const esdbPosition = {
  encode(position: EsdbPosition): Position {
    const commit = checked(position.commit, 'commit').toString(10).padStart(DIGITS, '0');
    const prepare = checked(position.prepare, 'prepare').toString(10).padStart(DIGITS, '0');
    return `${commit}/${prepare}`;
  },

  /** Accepts padded and unpadded digits; anything else is not one of ours. */
  decode(position: Position): EsdbPosition {
    const [, commit, prepare] = PATTERN.exec(position) ?? [];
    if (commit === undefined || prepare === undefined) throw new RangeError(`not an EventStoreDB position: ${JSON.stringify(position)}`);
    return { commit: checked(BigInt(commit), 'commit'), prepare: checked(BigInt(prepare), 'prepare') };
  },

  /** Orders two of our position strings in log order. */
  compare(a: Position, b: Position): number {
    return esdbPosition.order(esdbPosition.decode(a), esdbPosition.decode(b));
  },

  /** Log order of the client's pairs: by commit position, then by prepare position within one commit. */
  order(a: EsdbPosition, b: EsdbPosition): number {
    if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
    if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
    return 0;
  },
};

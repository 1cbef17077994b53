import { ANY, NO_STREAM, STREAM_EXISTS, type AppendExpectedRevision } from '@eventstore/db-client';
import type { ExpectedVersion } from '../EventStore';

/**
 * Our expected version (a count of events) as the client's expected revision (the 0-based number
 * of the last event). The client defaults to ANY, which also turns off its idempotency by event id,
 * so every append passes the result of this function and ANY only when the caller asked for it.
 */
export function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
  }
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new RangeError(`expected version must be a non-negative integer, got ${expected}`);
  }
  // Version 0 is a stream without events; revision 0 would mean "one event".
  return expected === 0 ? NO_STREAM : BigInt(expected - 1);
}

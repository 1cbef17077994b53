import {
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type CurrentRevision,
} from '@eventstore/db-client';
import { ConcurrencyError, StoreUnavailable } from '../../common/errors';
import type { ExpectedVersion } from '../EventStore';

/**
 * The stream's actual revision (0-based number of its last event) as our version (count of events);
 * a stream that does not exist is named "no_stream", as the port's other adapters do.
 */
function versionOf(revision: CurrentRevision): string {
  return revision === 'no_stream' ? 'no_stream' : (revision + 1n).toString(10);
}

/** What the append expected, in our terms; the named expectations keep their names. */
function expectationOf(revision: AppendExpectedRevision): string {
  return typeof revision === 'bigint' ? (revision + 1n).toString(10) : revision;
}

/**
 * Translates an error of @eventstore/db-client into ours: a version mismatch into `ConcurrencyError`,
 * a server that cannot be reached or answered too late into `StoreUnavailable`. Anything else is
 * returned unchanged. Pure: it never throws and does no I/O.
 *
 * `expected` is what our caller asked for; when given it is reported instead of the client's
 * translation (which cannot tell "version 0" from "no_stream").
 */
export function esdbErrors(error: unknown, context: { expected?: ExpectedVersion } = {}): unknown {
  // Raw gRPC errors can escape a few client paths; the client's own converter gives them a class.
  const converted = error instanceof Error ? convertToCommandError(error) : error;
  if (converted instanceof WrongExpectedVersionError) {
    const expected = context.expected === undefined ? expectationOf(converted.expectedVersion) : String(context.expected);
    return new ConcurrencyError(converted.streamName, expected, versionOf(converted.actualVersion));
  }
  if (
    converted instanceof UnavailableError ||
    converted instanceof DeadlineExceededError ||
    converted instanceof TimeoutError ||
    converted instanceof CancelledError ||
    converted instanceof NotLeaderError
  ) {
    return new StoreUnavailable(`EventStoreDB unavailable (${converted.type}): ${converted.message}`, converted);
  }
  return converted;
}

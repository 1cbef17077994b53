import { ConcurrencyError } from '../../common/errors';
import type { WriteFailure } from './writerProtocol';

/** Turns a refused append, as the writer reports it, into the error the port promises. */
export function errorOf(failure: WriteFailure): Error {
  if (failure.kind === 'concurrency') return new ConcurrencyError(failure.streamId, failure.expected, failure.actual);
  return new Error(failure.message);
}

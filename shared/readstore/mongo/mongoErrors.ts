import { StoreUnavailable } from '../../common/errors';
import { mongoErrorKind } from './mongoErrorKind';

/**
 * Translates an error of the mongodb driver into ours: every kind that means "the store could not do
 * it now, nothing is known about a write" (unreachable, no primary, timeouts, a transaction the driver
 * gave up retrying, an unknown commit result) becomes `StoreUnavailable` (503 at the HTTP edge; the
 * projection runner retries the batch, which is safe: see commitOperations). Anything else, including
 * duplicate keys, is returned unchanged. Pure: it never throws and does no I/O.
 */
export function mongoErrors(error: unknown): unknown {
  const kind = mongoErrorKind(error);
  if (kind === 'unavailable' || kind === 'transient-transaction' || kind === 'unknown-commit-result') {
    const { name, message } = error as Error;
    return new StoreUnavailable(`MongoDB unavailable (${name}): ${message}`, error);
  }
  return error;
}

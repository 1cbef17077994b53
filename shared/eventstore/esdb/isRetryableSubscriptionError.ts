import { UnknownError } from '@eventstore/db-client';
import { StoreUnavailable } from '../../common/errors';
import { esdbErrors } from './esdbErrors';
import { SubscriptionEnded } from './SubscriptionEnded';

/**
 * Whether subscribeAll subscribes again after `error` (with backoff) instead of failing: a lost or
 * stalled server, a subscription the server ended, and the client's UnknownError (what a reset
 * HTTP/2 stream or a server restart surfaces as). Anything else (an event we cannot read, access
 * denied) would fail the same way again, so it is passed on.
 */
export function isRetryableSubscriptionError(error: unknown): boolean {
  if (error instanceof SubscriptionEnded) return true;
  const mapped = esdbErrors(error);
  return mapped instanceof StoreUnavailable || mapped instanceof UnknownError;
}

import { AccessDeniedError, DeadlineExceededError, StreamNotFoundError, UnavailableError, UnknownError } from '@eventstore/db-client';
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { isRetryableSubscriptionError } from './isRetryableSubscriptionError';
import { SubscriptionEnded } from './SubscriptionEnded';

function serviceError(code: status, details: string): ServiceError {
  return Object.assign(new Error(`${code} ${status[code]}: ${details}`), { code, details, metadata: new Metadata() });
}

describe('isRetryableSubscriptionError', () => {
  test.each([
    ['the subscription ended', new SubscriptionEnded('end')],
    ['the subscription closed', new SubscriptionEnded('close')],
    ['UnknownError (a reset stream, a server restart)', new UnknownError()],
    ['a raw gRPC UNKNOWN', serviceError(status.UNKNOWN, 'Stream removed')],
    ['a raw gRPC INTERNAL', serviceError(status.INTERNAL, 'Received RST_STREAM with code 2')],
    ['UnavailableError', new UnavailableError(serviceError(status.UNAVAILABLE, 'No connection established'))],
    ['DeadlineExceededError', new DeadlineExceededError()],
  ])('%s: subscribe again', (_why, error) => {
    expect(isRetryableSubscriptionError(error)).toBe(true);
  });

  test.each([
    ['AccessDeniedError', new AccessDeniedError()],
    ['StreamNotFoundError', new StreamNotFoundError(undefined, 'x')],
    ['an event we cannot read', new RangeError('stream tour-1 is too long for a numeric version')],
    ['a plain Error', new Error('boom')],
  ])('%s: fail', (_why, error) => {
    expect(isRetryableSubscriptionError(error)).toBe(false);
  });
});

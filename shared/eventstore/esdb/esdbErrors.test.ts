import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
// The protobuf message batch append unpacks a version conflict from (what current servers send).
import { WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { ConcurrencyError, StoreUnavailable } from '../../common/errors';
import { esdbErrors } from './esdbErrors';

/** A gRPC failure shaped as @grpc/grpc-js produces it (an Error with code, details and metadata). */
function serviceError(code: status, details: string, entries: Record<string, string> = {}): ServiceError {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(entries)) metadata.set(key, value);
  return Object.assign(new Error(`${code} ${status[code]}: ${details}`), { code, details, metadata });
}

function concurrency(error: unknown): ConcurrencyError {
  expect(error).toBeInstanceOf(ConcurrencyError);
  return error as ConcurrencyError;
}

const BIG = 2n ** 60n; // well past Number.MAX_SAFE_INTEGER

describe('esdbErrors: version conflicts', () => {
  test('append path: actual revision bigint becomes our version revision + 1', () => {
    // As append.js builds it from the AppendResp.
    const error = new WrongExpectedVersionError(undefined, { streamName: 'tour-7', expected: 4n, current: 6n });
    const mapped = concurrency(esdbErrors(error));
    expect(mapped.streamId).toBe('tour-7');
    expect(mapped.expected).toBe('5');
    expect(mapped.actual).toBe('7');
  });

  test('actualVersion "no_stream" (the stream does not exist) stays "no_stream"', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'task-1', expected: 2n, current: 'no_stream' });
    expect(error.actualVersion).toBe('no_stream');
    expect(concurrency(esdbErrors(error)).actual).toBe('no_stream');
  });

  test('revisions beyond 2^53 stay exact', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'tour-big', expected: BIG, current: BIG + 1n });
    const mapped = concurrency(esdbErrors(error));
    expect(mapped.expected).toBe((BIG + 1n).toString());
    expect(mapped.actual).toBe((BIG + 2n).toString());
    expect(mapped.actual).toBe('1152921504606846978');
  });

  test('named expectations are reported as such; the caller’s own expectation wins when given', () => {
    const noStream = new WrongExpectedVersionError(undefined, { streamName: 'tour-1', expected: 'no_stream', current: 0n });
    expect(concurrency(esdbErrors(noStream)).expected).toBe('no_stream');
    expect(concurrency(esdbErrors(noStream)).actual).toBe('1');
    // We send NO_STREAM for version 0; the caller said 0, so the error says 0.
    expect(concurrency(esdbErrors(noStream, { expected: 0 })).expected).toBe('0');
    const exists = new WrongExpectedVersionError(undefined, { streamName: 'tour-2', expected: 'stream_exists', current: 'no_stream' });
    expect(concurrency(esdbErrors(exists, { expected: 'stream_exists' })).expected).toBe('stream_exists');
  });

  test('batch append path: from the protobuf WrongExpectedVersion details', () => {
    const details = new WrongExpectedVersion();
    details.setExpectedStreamPosition('2');
    details.setCurrentStreamRevision((BIG + 4n).toString());
    const error = WrongExpectedVersionError.fromWrongExpectedVersion(details, 'meeting-9');
    expect(error.actualVersion).toBe(BIG + 4n);
    const mapped = concurrency(esdbErrors(error, { expected: 3 }));
    expect(mapped).toMatchObject({ streamId: 'meeting-9', expected: '3', actual: (BIG + 5n).toString() });

    const missing = new WrongExpectedVersion();
    missing.setExpectedStreamPosition('0');
    const noStream = WrongExpectedVersionError.fromWrongExpectedVersion(missing, 'meeting-10');
    expect(noStream.actualVersion).toBe('no_stream');
    expect(concurrency(esdbErrors(noStream)).actual).toBe('no_stream');
  });

  test('gRPC trailer path: a raw ServiceError is converted by the client, then mapped', () => {
    const withActual = serviceError(status.UNKNOWN, 'Append failed due to WrongExpectedVersion.', {
      exception: 'wrong-expected-version',
      'stream-name': 'responsibility-3',
      'expected-version': '1',
      'actual-version': '3',
    });
    expect(concurrency(esdbErrors(withActual))).toMatchObject({ streamId: 'responsibility-3', expected: '2', actual: '4' });

    // No actual-version trailer: the stream does not exist.
    const withoutActual = serviceError(status.UNKNOWN, 'Append failed due to WrongExpectedVersion.', {
      exception: 'wrong-expected-version',
      'stream-name': 'responsibility-4',
      'expected-version': '1',
    });
    expect(concurrency(esdbErrors(withoutActual)).actual).toBe('no_stream');
  });
});

describe('esdbErrors: unavailable', () => {
  test.each([
    ['UnavailableError', new UnavailableError(serviceError(status.UNAVAILABLE, 'No connection established'))],
    ['DeadlineExceededError', new DeadlineExceededError(serviceError(status.DEADLINE_EXCEEDED, 'Deadline exceeded'))],
    ['TimeoutError', new TimeoutError(serviceError(status.ABORTED, 'Operation timed out'))],
    ['CancelledError', new CancelledError(serviceError(status.CANCELLED, 'Cancelled by server'))],
    ['DeadlineExceededError from a Timeout detail', new DeadlineExceededError()],
  ])('%s → StoreUnavailable with the client error as cause', (_name, error) => {
    const mapped = esdbErrors(error);
    expect(mapped).toBeInstanceOf(StoreUnavailable);
    expect(mapped).toBeInstanceOf(Error);
    expect((mapped as StoreUnavailable).cause).toBe(error);
    expect((mapped as StoreUnavailable).name).toBe('StoreUnavailable');
  });

  test('raw gRPC UNAVAILABLE / DEADLINE_EXCEEDED errors are recognised too', () => {
    const unavailable = esdbErrors(serviceError(status.UNAVAILABLE, 'No connection established'));
    expect(unavailable).toBeInstanceOf(StoreUnavailable);
    expect((unavailable as StoreUnavailable).cause).toBeInstanceOf(UnavailableError);
    expect(esdbErrors(serviceError(status.DEADLINE_EXCEEDED, 'Deadline exceeded'))).toBeInstanceOf(StoreUnavailable);
  });

  test('a follower answering "not leader" is unavailable for writes', () => {
    const notLeader = serviceError(status.NOT_FOUND, 'Leader info available', {
      exception: 'not-leader',
      'leader-endpoint-host': '10.0.0.2',
      'leader-endpoint-port': '2113',
    });
    expect(esdbErrors(notLeader)).toBeInstanceOf(StoreUnavailable);
  });
});

describe('esdbErrors: everything else is left alone', () => {
  test.each([
    ['StreamNotFoundError', new StreamNotFoundError(undefined, 'tour-x')],
    ['AccessDeniedError', new AccessDeniedError()],
    ['UnknownError', new UnknownError()],
    ['a plain Error', new Error('boom')],
  ])('%s is returned as is', (_name, error) => {
    expect(esdbErrors(error)).toBe(error);
  });

  test('non-Error values pass through', () => {
    expect(esdbErrors('text')).toBe('text');
    expect(esdbErrors(undefined)).toBeUndefined();
  });
});

import { createServer } from 'node:net';
import {
  MongoClient,
  MongoError,
  MongoInvalidArgumentError,
  MongoNetworkError,
  MongoNetworkTimeoutError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerError,
  MongoServerSelectionError,
  MongoWriteConcernError,
} from 'mongodb';
import { StoreUnavailable } from '../../common/errors';
import { mongoErrorKind } from './mongoErrorKind';
import { mongoErrors } from './mongoErrors';

/** A port where nothing listens (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

/**
 * A MongoServerSelectionError as the driver makes it: its constructor needs a TopologyDescription,
 * which the package does not export at run time, so let the real driver fail to select a server.
 */
async function realServerSelectionError(): Promise<MongoServerSelectionError> {
  const client = new MongoClient(`mongodb://127.0.0.1:${await closedPort()}/?directConnection=true`, { serverSelectionTimeoutMS: 100 });
  try {
    await client.db('x').command({ ping: 1 });
  } catch (error) {
    if (error instanceof MongoServerSelectionError) return error;
    throw error;
  } finally {
    await client.close();
  }
  throw new Error('a server answered on a closed port');
}

function serverError(code: number, codeName: string, errorLabels: string[] = []): MongoServerError {
  return new MongoServerError({ code, codeName, errmsg: `${codeName} (test)`, errorLabels });
}

function unavailable(error: unknown): StoreUnavailable {
  const mapped = mongoErrors(error);
  expect(mapped).toBeInstanceOf(StoreUnavailable);
  expect((mapped as StoreUnavailable).cause).toBe(error);
  expect((mapped as StoreUnavailable).name).toBe('StoreUnavailable');
  return mapped as StoreUnavailable;
}

describe('mongoErrors: unreachable or unanswering servers → StoreUnavailable', () => {
  let selection: MongoServerSelectionError;

  beforeAll(async () => {
    selection = await realServerSelectionError();
  });

  test('MongoServerSelectionError (no server answered in serverSelectionTimeoutMS)', () => {
    expect(mongoErrorKind(selection)).toBe('unavailable');
    expect(unavailable(selection).message).toMatch(/^MongoDB unavailable \(MongoServerSelectionError\): /);
  });

  test.each([
    ['MongoNetworkError', new MongoNetworkError('connection 3 to 127.0.0.1:27017 closed')],
    ['MongoNetworkTimeoutError', new MongoNetworkTimeoutError('connection timed out')],
    ['MongoNotConnectedError', new MongoNotConnectedError('Client must be connected before running operations')],
    ['MongoOperationTimeoutError', new MongoOperationTimeoutError('Timed out during operation')],
  ])('%s', (_name, error) => {
    expect(mongoErrorKind(error)).toBe('unavailable');
    unavailable(error);
  });

  test.each([
    [10107, 'NotWritablePrimary'],
    [11602, 'InterruptedDueToReplStateChange'],
    [189, 'PrimarySteppedDown'],
    [91, 'ShutdownInProgress'],
    [13436, 'NotPrimaryOrSecondary'],
  ])('a server answering %i %s (failover, shutdown)', (code, codeName) => {
    expect(mongoErrorKind(serverError(code, codeName))).toBe('unavailable');
    unavailable(serverError(code, codeName));
  });

  test('a majority write concern not reached in time (wtimeout, code 64 in writeConcernError)', () => {
    const error = new MongoWriteConcernError({
      writeConcernError: { code: 64, codeName: 'WriteConcernFailed', errmsg: 'waiting for replication timed out' },
      ok: 1,
    });
    expect(mongoErrorKind(error)).toBe('unavailable');
    unavailable(error);
  });
});

describe('mongoErrors: transaction outcomes withTransaction retries itself', () => {
  test('TransientTransactionError label (e.g. a write conflict) is recognised by its label', () => {
    const error = serverError(112, 'WriteConflict', ['TransientTransactionError']);
    expect(error.hasErrorLabel('TransientTransactionError')).toBe(true);
    expect(mongoErrorKind(error)).toBe('transient-transaction');
    // Reaching us means withTransaction stopped retrying (120 s): the store is not usable now.
    unavailable(error);
  });

  test('the label on a network error inside a transaction: still unavailable', () => {
    const error = new MongoNetworkError('connection reset');
    error.addErrorLabel('TransientTransactionError');
    expect(mongoErrorKind(error)).toBe('unavailable');
  });

  test('UnknownTransactionCommitResult: the commit may or may not have happened', () => {
    const error = serverError(50, 'MaxTimeMSExpired', ['UnknownTransactionCommitResult']);
    expect(mongoErrorKind(error)).toBe('unknown-commit-result');
    unavailable(error);
  });
});

describe('mongoErrors: everything else is left alone', () => {
  test('duplicate key 11000 is classified (ignorable on a history replay outside a transaction), not mapped', () => {
    const error = new MongoServerError({
      code: 11000,
      codeName: 'DuplicateKey',
      errmsg:
        'E11000 duplicate key error collection: tayari.history index: programmeId_sortKey dup key: { programmeId: "p1", sortKey: "00000000000000000005" }',
      keyPattern: { programmeId: 1, sortKey: 1 },
    });
    expect(mongoErrorKind(error)).toBe('duplicate-key');
    expect(mongoErrors(error)).toBe(error);
  });

  test('change stream history lost (286) is classified for watchCheckpoints, not mapped', () => {
    const error = serverError(286, 'ChangeStreamHistoryLost');
    expect(mongoErrorKind(error)).toBe('history-lost');
    expect(mongoErrors(error)).toBe(error);
  });

  test.each([
    ['Unauthorized', serverError(13, 'Unauthorized')],
    ['a bad argument', new MongoInvalidArgumentError('Invalid BulkOperation, Batch cannot be empty')],
    ['a plain MongoError', new MongoError('something')],
    ['a plain Error', new Error('boom')],
    ['a TypeError (a model that is not JSON)', new TypeError('Converting circular structure to JSON')],
  ])('%s is returned as is', (_name, error) => {
    expect(mongoErrorKind(error)).toBe('other');
    expect(mongoErrors(error)).toBe(error);
  });

  test('non-Error values pass through', () => {
    expect(mongoErrors('text')).toBe('text');
    expect(mongoErrors(undefined)).toBeUndefined();
    expect(mongoErrorKind(null)).toBe('other');
  });
});

import { MongoNetworkError } from 'mongodb';
import { keyWriteFailure } from './keyWriteFailure';

const RAW_KEY = 'c2VjcmV0LWtleS1ieXRlcw==';

/**
 * The driver exports neither WriteError nor WriteConcernError at run time, and a MongoBulkWriteError
 * needs a BulkWriteResult (no public constructor): these are structurally what it throws.
 */
interface WriteError {
  index: number;
  code: number;
  errmsg: string;
  /** The failed operation, its raw key included (as the driver's `getOperation()` answers it). */
  op: unknown;
}
interface WriteConcernError {
  code: number;
  errmsg: string;
}

function writeError(code: number, index = 0): WriteError {
  const op = { q: { _id: `drive.e${index}.k` }, u: { $setOnInsert: { key: RAW_KEY } }, upsert: true };
  return { index, code, errmsg: `E${code} dup key: { _id: "drive.e${index}.k" }`, op };
}

/** A MongoBulkWriteError as the driver's constructor leaves it (`err` only when the concern is the error). */
function bulkFailure(writeErrors: WriteError[], concern?: WriteConcernError) {
  return Object.assign(new Error(writeErrors[0]?.errmsg ?? concern?.errmsg ?? 'bulk write failed'), {
    name: 'MongoBulkWriteError',
    code: writeErrors[0]?.code ?? concern?.code,
    writeErrors,
    err: writeErrors.length === 0 ? concern : undefined,
    result: { getWriteConcernError: () => concern, getWriteErrors: () => writeErrors },
  });
}

describe('keyWriteFailure (a failed bulk key write, mapped without its keys)', () => {
  it('is harmless when every write error is a duplicate key and the writes are durable', () => {
    expect(keyWriteFailure(bulkFailure([writeError(11000, 0), writeError(11000, 3)]))).toBeUndefined();
  });

  it('fails on a write-concern error even when every write error is a duplicate key', () => {
    const concern = { code: 64, errmsg: 'waiting for replication timed out' };
    const failure = keyWriteFailure(bulkFailure([writeError(11000)], concern));
    expect(failure?.message).toContain('write concern error 64');
  });

  it('fails on a write-concern error with no write error at all', () => {
    const failure = keyWriteFailure(bulkFailure([], { code: 100, errmsg: 'not enough data-bearing nodes' }));
    expect(failure?.message).toContain('write concern error 100');
  });

  it('fails on any other write error, with codes and a count, never the operation or its key', () => {
    const error = bulkFailure([writeError(11000, 0), writeError(121, 1), writeError(121, 2)]);
    expect(JSON.stringify(error.writeErrors)).toContain(RAW_KEY);
    const failure = keyWriteFailure(error);
    expect(failure?.message).toBe('the keys could not be stored (MongoBulkWriteError: 3 write error(s), codes 11000, 121)');
    expect(failure?.cause).toBeUndefined();
    expect(JSON.stringify(failure) + String(failure?.stack)).not.toContain(RAW_KEY);
  });

  it('reads a single write error (the driver types it one or more)', () => {
    expect(keyWriteFailure({ ...bulkFailure([]), writeErrors: writeError(11000) })).toBeUndefined();
    expect(keyWriteFailure({ ...bulkFailure([]), writeErrors: writeError(2) })?.message).toContain('1 write error(s), codes 2');
  });

  it('replaces an error that is no bulk failure too (only its name and code are kept)', () => {
    expect(keyWriteFailure(new MongoNetworkError('connection reset'))?.message).toBe('the keys could not be stored (MongoNetworkError: code none)');
    expect(keyWriteFailure('odd')?.message).toBe('the keys could not be stored');
  });
});

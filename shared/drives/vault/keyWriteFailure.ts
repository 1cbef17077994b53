/** The parts of the driver's MongoBulkWriteError this reads (a structural view: tests need no server). */
interface BulkFailure {
  code?: unknown;
  writeErrors?: unknown;
  err?: unknown;
  result?: { getWriteConcernError?: () => unknown } | undefined;
}

/** MongoDB's duplicate key: another process upserted the same id first, so the key is there. */
const DUPLICATE_KEY = 11000;

/**
 * What a failed key write means: `undefined` when it is harmless (only duplicate keys, every write
 * durable), else an error to throw in its place. The fresh error holds codes and a count only: the
 * driver's error carries the failed operations, and with them the raw keys (`$setOnInsert.key`),
 * which must reach neither a caller nor a log.
 */
export function keyWriteFailure(error: unknown): Error | undefined {
  if (typeof error !== 'object' || error === null) return new Error('the keys could not be stored');
  const failure: BulkFailure = error;
  const writeErrors = failure.writeErrors === undefined ? [] : Array.isArray(failure.writeErrors) ? failure.writeErrors : [failure.writeErrors];
  const codes = writeErrors.map(codeOf);
  // A write-concern error: the upserts may not survive a failover, so even all-duplicates is not "stored".
  const concern = failure.err ?? failure.result?.getWriteConcernError?.();
  if (codes.length > 0 && codes.every((code) => code === DUPLICATE_KEY) && concern === undefined) return undefined;
  const name = error instanceof Error ? error.name : 'Error';
  const concernCode = concern === undefined ? '' : `, write concern error ${codeOf(concern) ?? 'without a code'}`;
  const listed = codes.length === 0 ? `code ${codeOf(error) ?? 'none'}` : `${codes.length} write error(s), codes ${[...new Set(codes)].join(', ')}`;
  return new Error(`the keys could not be stored (${name}: ${listed}${concernCode})`);
}

function codeOf(value: unknown): number | string | undefined {
  if (typeof value !== 'object' || value === null || !('code' in value)) return undefined;
  return typeof value.code === 'number' || typeof value.code === 'string' ? value.code : undefined;
}

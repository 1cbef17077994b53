import {
  MongoError,
  MongoErrorLabel,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerError,
  MongoServerSelectionError,
} from 'mongodb';

/**
 * - `duplicate-key`: E11000 on a unique index. On our log replays it means "already there" and is
 *   harmless, but only outside a transaction (inside one it has already aborted the transaction).
 * - `unavailable`: the server could not be reached, was not primary, or did not answer in time.
 * - `transient-transaction`: the transaction may succeed if run again (write conflict, failover);
 *   `session.withTransaction` retries these itself, so one reaching us means it gave up (120 s).
 * - `unknown-commit-result`: the commit may or may not have happened (also retried by withTransaction).
 * - `history-lost`: a change stream cannot resume from its token (the oplog moved on).
 * - `other`: bugs, bad input, authentication: not retried.
 */
export type MongoErrorKind = 'duplicate-key' | 'unavailable' | 'transient-transaction' | 'unknown-commit-result' | 'history-lost' | 'other';

/** Server codes that mean "this member cannot serve you now" (stepdown, shutdown, unreachable). */
const UNAVAILABLE_CODES = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  89, // NetworkTimeout
  91, // ShutdownInProgress
  189, // PrimarySteppedDown
  262, // ExceededTimeLimit
  9001, // SocketException
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
  64, // WriteConcernFailed (wtimeout): majority not reached in time
  133, // FailedToSatisfyReadPreference
  134, // ReadConcernMajorityNotAvailableYet
]);

const DUPLICATE_KEY_CODES = new Set([11000, 11001]);
/** ChangeStreamHistoryLost, and ChangeStreamFatalError (e.g. the resume token is no longer in the oplog). */
const HISTORY_LOST_CODES = new Set([286, 280]);

function codeOf(error: MongoError): number | undefined {
  const code = Number(error.code);
  return Number.isInteger(code) ? code : undefined;
}

/** Classifies an error of the mongodb driver (anything else is `other`). Pure. */
export function mongoErrorKind(error: unknown): MongoErrorKind {
  if (!(error instanceof MongoError)) return 'other';
  if (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoOperationTimeoutError
  ) {
    return 'unavailable';
  }
  const code = codeOf(error);
  if (error instanceof MongoServerError && code !== undefined) {
    if (DUPLICATE_KEY_CODES.has(code)) return 'duplicate-key';
    if (HISTORY_LOST_CODES.has(code)) return 'history-lost';
  }
  if (error.hasErrorLabel(MongoErrorLabel.TransientTransactionError)) return 'transient-transaction';
  if (error.hasErrorLabel(MongoErrorLabel.UnknownTransactionCommitResult)) return 'unknown-commit-result';
  if (code !== undefined && UNAVAILABLE_CODES.has(code)) return 'unavailable';
  // A write that succeeded but whose write concern failed (e.g. 64, majority not reached in time)
  // carries that code in `writeConcernError`, beside an ok command.
  if (error instanceof MongoServerError && UNAVAILABLE_CODES.has(Number(error.writeConcernError?.code))) return 'unavailable';
  return 'other';
}

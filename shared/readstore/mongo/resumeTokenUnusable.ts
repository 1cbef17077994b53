import { MongoServerError } from 'mongodb';

/**
 * Server codes after which a change stream cannot go on from its resume token, so it must start
 * over from a fresh read:
 * - 136 CappedPositionLost, 286 ChangeStreamHistoryLost: the oplog no longer holds the token;
 * - 280 ChangeStreamFatalError: e.g. the token's event is gone;
 * - 260 InvalidResumeToken: a token the server cannot parse, or from another collection;
 * - 40585: "resume of change stream was not possible, as the resume token was not found" (older servers).
 */
const UNUSABLE_TOKEN_CODES = new Set([136, 260, 280, 286, 40585]);

/** Whether `error` says the change stream's resume token cannot be used again. Pure. */
export function resumeTokenUnusable(error: unknown): boolean {
  return error instanceof MongoServerError && UNUSABLE_TOKEN_CODES.has(Number(error.code));
}

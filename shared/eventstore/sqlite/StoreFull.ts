/**
 * The event store's database or disk is full (SQLite `SQLITE_FULL`: the disk, or `max_page_count`).
 * The whole batch was rolled back, so nothing of it was written: a retry with the same event ids is
 * safe once space returns. The HTTP edge answers 503 `store-full` (matched by `name`, as it does not
 * depend on this adapter).
 */
export class StoreFull extends Error {
  readonly code = 'SQLITE_FULL';

  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'StoreFull';
  }
}

/** The SQLite result code of an error thrown by better-sqlite3 (e.g. `SQLITE_FULL`), if it has one. */
export function sqliteCodeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** `SQLITE_FULL` becomes `StoreFull`; anything else is left as it is. */
export function storeErrorOf(error: unknown): unknown {
  if (sqliteCodeOf(error) !== 'SQLITE_FULL') return error;
  const message = error instanceof Error ? error.message : 'database or disk is full';
  return new StoreFull(`the event store is full (${message}); nothing of this batch was written`, error);
}

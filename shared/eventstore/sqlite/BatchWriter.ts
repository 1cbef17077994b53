import type { AppendOutcome, AppendRequest, IdempotencyFields } from './writerProtocol';

/**
 * Where the store's writes happen: a worker thread with its own connection, or the main thread.
 * Calls are serialised by the implementation; `commit` runs one batch as one transaction.
 */
export interface BatchWriter {
  /** Commits a batch, with the idempotency records of the appends that succeed, in one transaction. */
  commit(appends: AppendRequest[]): Promise<AppendOutcome[]>;
  put(record: IdempotencyFields, body: string): Promise<void>;
  /** Removes idempotency records expired at `nowMs`; answers how many. */
  prune(nowMs: number): Promise<number>;
  /** Sets SQLite's `max_page_count` on the write connection; answers the cap now in force. */
  setMaxPageCount(pages: number): Promise<number>;
  close(): Promise<void>;
}

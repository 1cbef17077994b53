import type { AppendOutcome, AppendRequest, BodiesFor, IdempotencyFields } from './writerProtocol';

/**
 * Where the store's writes happen: a worker thread with its own connection, or the main thread.
 * Calls are serialised by the implementation; `commit` runs one batch as one transaction.
 */
export interface BatchWriter {
  /**
   * Commits a batch. `bodies` is called while the transaction is still open, with the outcomes, to
   * make the idempotency records' bodies; if it throws, the transaction is rolled back and this rejects.
   */
  commit(appends: AppendRequest[], bodies: BodiesFor): Promise<AppendOutcome[]>;
  put(record: IdempotencyFields, body: string): Promise<void>;
  /** Removes idempotency records expired at `nowMs`; answers how many. */
  prune(nowMs: number): Promise<number>;
  /** Sets SQLite's `max_page_count` on the write connection; answers the cap now in force. */
  setMaxPageCount(pages: number): Promise<number>;
  close(): Promise<void>;
}

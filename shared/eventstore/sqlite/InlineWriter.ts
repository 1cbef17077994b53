import type Database from 'better-sqlite3';
import type { BatchWriter } from './BatchWriter';
import { SqliteWriter } from './SqliteWriter';
import { storeErrorOf } from './StoreFull';
import type { AppendOutcome, AppendRequest, IdempotencyFields } from './writerProtocol';

/**
 * Writes on the main thread's own connection: needed for `:memory:` (a worker cannot share it) and
 * kept as an option to compare with. The commit's fsync then blocks the event loop.
 */
export class InlineWriter implements BatchWriter {
  private readonly writer: SqliteWriter;

  constructor(db: Database.Database) {
    this.writer = new SqliteWriter(db);
  }

  async commit(appends: AppendRequest[]): Promise<AppendOutcome[]> {
    return guarded(() => this.writer.runBatch(appends));
  }

  async put(record: IdempotencyFields, body: string): Promise<void> {
    guarded(() => this.writer.putIdempotency(record, body));
  }

  async prune(nowMs: number): Promise<number> {
    return guarded(() => this.writer.prune(nowMs));
  }

  async setMaxPageCount(pages: number): Promise<number> {
    return this.writer.setMaxPageCount(pages);
  }

  async close(): Promise<void> {
    // The connection belongs to the store, which closes it.
  }
}

/** A full database is reported as `StoreFull`, as the worker writer does. */
function guarded<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw storeErrorOf(error);
  }
}

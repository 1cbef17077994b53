import type Database from 'better-sqlite3';
import type { BatchWriter } from './BatchWriter';
import { SqliteWriter } from './SqliteWriter';
import type { AppendOutcome, AppendRequest, BodiesFor, IdempotencyFields } from './writerProtocol';

/**
 * Writes on the main thread's own connection: needed for `:memory:` (a worker cannot share it) and
 * kept as an option to compare with. The commit's fsync then blocks the event loop.
 */
export class InlineWriter implements BatchWriter {
  private readonly writer: SqliteWriter;

  constructor(db: Database.Database) {
    this.writer = new SqliteWriter(db);
  }

  async commit(appends: AppendRequest[], bodies: BodiesFor): Promise<AppendOutcome[]> {
    return this.writer.runBatch(appends, bodies);
  }

  async put(record: IdempotencyFields, body: string): Promise<void> {
    this.writer.putIdempotency(record, body);
  }

  async prune(nowMs: number): Promise<number> {
    return this.writer.prune(nowMs);
  }

  async close(): Promise<void> {
    // The connection belongs to the store, which closes it.
  }
}

import Database from 'better-sqlite3';
import { newDataKey } from '../sealing';
import { KeyBatcher } from './KeyBatcher';
import type { KeyVault } from './KeyVault';

/**
 * Keys in a SQLite file of their own (`keys.db` in the data folder), apart from the events and read
 * models. `secure_delete` overwrites a deleted key's bytes, and a delete truncates the WAL at once, so
 * no old copy of the page stays behind either. New keys are group-committed (`KeyBatcher`): a burst
 * of enrolments costs one transaction and one WAL fsync, not one each; deletes are rare.
 */
export class SqliteKeyVault implements KeyVault {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly batcher = new KeyBatcher(async (ids) => this.createAll(ids));

  constructor(file: string) {
    this.db = new Database(file);
    try {
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('secure_delete = ON');
      this.db.exec('CREATE TABLE IF NOT EXISTS enrolment_keys (id TEXT PRIMARY KEY, key BLOB NOT NULL) WITHOUT ROWID');
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  create(id: string): Promise<Buffer> {
    return this.batcher.create(id);
  }

  /** One transaction for a batch of ids: a new key for each id without one, then every id's key. */
  private createAll(ids: readonly string[]): ReadonlyMap<string, Buffer> {
    const insert = this.db.prepare('INSERT OR IGNORE INTO enrolment_keys (id, key) VALUES (?, ?)');
    const select = this.db.prepare<[string], { key: Buffer }>('SELECT key FROM enrolment_keys WHERE id = ?');
    return this.db.transaction(() => {
      const keys = new Map<string, Buffer>();
      for (const id of ids) {
        insert.run(id, newDataKey());
        const row = select.get(id);
        if (row !== undefined) keys.set(id, row.key);
      }
      return keys;
    })();
  }

  async get(ids: readonly string[]): Promise<ReadonlyMap<string, Buffer>> {
    const select = this.db.prepare<[string], { key: Buffer }>('SELECT key FROM enrolment_keys WHERE id = ?');
    const keys = new Map<string, Buffer>();
    for (const id of ids) {
      const row = select.get(id);
      if (row !== undefined) keys.set(id, row.key);
    }
    return keys;
  }

  async delete(id: string): Promise<void> {
    this.db.prepare('DELETE FROM enrolment_keys WHERE id = ?').run(id);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    await this.batcher.close();
    if (this.db.open) this.db.close();
  }
}

import Database from 'better-sqlite3';
import type { Position } from '../../eventstore/EventStore';
import type { ReadBatch, ReadStore } from '../ReadStore';

export interface SqliteReadStoreOptions {
  /** The database file (e.g. `<dataDir>/read.db`); `:memory:` keeps it in memory. */
  file: string;
}

/**
 * 2: docs carry a group; 3: logs of any log model replace the history table. Older tables are
 * dropped: read models are rebuilt from the events.
 */
const SCHEMA_VERSION = 3;

/**
 * The embedded ReadStore: its own SQLite file, apart from the events. synchronous=NORMAL: a power
 * loss may lose the last commits, but never tears one, and the checkpoint is in the same
 * transaction as the models, so the runner simply re-applies what was lost (the models can always be
 * rebuilt from the events anyway).
 */
export class SqliteReadStore implements ReadStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly statements: ReturnType<typeof prepare>;
  private readonly commitTransaction: (batch: ReadBatch) => void;
  private closed = false;

  constructor(options: SqliteReadStoreOptions) {
    this.db = new Database(options.file);
    try {
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      createSchema(this.db);
      this.statements = prepare(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
    const s = this.statements;
    // One transaction: serialising a doc happens inside it, so a failure anywhere writes nothing.
    this.commitTransaction = this.db.transaction((batch: ReadBatch) => {
      for (const write of batch.docs) s.putDoc.run(write.collection, write.id, write.group ?? null, toJson(write.doc, `${write.collection}/${write.id}`));
      for (const gone of batch.deletes ?? []) s.deleteDoc.run(gone.collection, gone.id);
      for (const write of batch.logs ?? []) s.putLog.run(write.log, write.group, write.key, toJson(write.entry, `${write.log}/${write.group}/${write.key}`));
      for (const [name, position] of Object.entries(batch.checkpoints)) s.putCheckpoint.run(name, position);
    });
  }

  async checkpoints(): Promise<Record<string, Position>> {
    const rows = this.statements.checkpoints.all() as { name: string; position: string }[];
    return Object.fromEntries(rows.map((row) => [row.name, row.position]));
  }

  async get(collection: string, id: string): Promise<unknown | undefined> {
    const row = this.statements.getDoc.get(collection, id) as { json: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.json) as unknown);
  }

  async all(collection: string): Promise<unknown[]> {
    const rows = this.statements.allDocs.all(collection) as { json: string }[];
    return rows.map((row) => JSON.parse(row.json) as unknown);
  }

  async group(collection: string, group: string): Promise<unknown[]> {
    const rows = this.statements.groupDocs.all(collection, group) as { json: string }[];
    return rows.map((row) => JSON.parse(row.json) as unknown);
  }

  async log(log: string, group: string, afterKey: string | undefined, limit: number): Promise<unknown[]> {
    const rows = this.statements.log.all(log, group, afterKey ?? '', Math.max(0, Math.floor(limit))) as { json: string }[];
    return rows.map((row) => JSON.parse(row.json) as unknown);
  }

  async logBefore(log: string, group: string, beforeKey: string | undefined, limit: number): Promise<unknown[]> {
    const count = Math.max(0, Math.floor(limit));
    const s = this.statements;
    const rows = beforeKey === undefined ? s.logNewest.all(log, group, count) : s.logBefore.all(log, group, beforeKey, count);
    return (rows as { json: string }[]).map((row) => JSON.parse(row.json) as unknown);
  }

  async commit(batch: ReadBatch): Promise<void> {
    if (this.closed) throw new Error('the read store is closed');
    this.commitTransaction(batch);
  }

  async clear(): Promise<void> {
    this.db.exec('BEGIN IMMEDIATE; DELETE FROM docs; DELETE FROM logs; DELETE FROM checkpoints; COMMIT;');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

function createSchema(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true });
  if (version === SCHEMA_VERSION) return;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new Error(`read store schema version ${version} is newer than this program (${SCHEMA_VERSION})`);
  }
  db.exec(`
    BEGIN IMMEDIATE;
    DROP TABLE IF EXISTS docs;
    DROP TABLE IF EXISTS history;
    DROP TABLE IF EXISTS logs;
    DROP TABLE IF EXISTS checkpoints;
    CREATE TABLE docs (
      collection TEXT NOT NULL,
      id TEXT NOT NULL,
      grp TEXT,
      json TEXT NOT NULL,
      PRIMARY KEY (collection, id)
    );
    CREATE INDEX docs_group ON docs (collection, grp) WHERE grp IS NOT NULL;
    CREATE TABLE logs (
      log TEXT NOT NULL,
      grp TEXT NOT NULL,
      key TEXT NOT NULL,
      json TEXT NOT NULL,
      PRIMARY KEY (log, grp, key)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS checkpoints (
      name TEXT PRIMARY KEY,
      position TEXT NOT NULL
    ) WITHOUT ROWID;
    PRAGMA user_version = ${SCHEMA_VERSION};
    COMMIT;
  `);
}

/** The primary key (log, grp, key) walked backwards: the newest page costs the page, not the log (a storage test plans these). */
export const LOG_NEWEST_SQL = 'SELECT json FROM logs WHERE log = ? AND grp = ? ORDER BY key DESC LIMIT ?';
export const LOG_BEFORE_SQL = 'SELECT json FROM logs WHERE log = ? AND grp = ? AND key < ? ORDER BY key DESC LIMIT ?';

function prepare(db: Database.Database) {
  return {
    putDoc: db.prepare(
      'INSERT INTO docs (collection, id, grp, json) VALUES (?, ?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET grp = excluded.grp, json = excluded.json',
    ),
    deleteDoc: db.prepare('DELETE FROM docs WHERE collection = ? AND id = ?'),
    getDoc: db.prepare('SELECT json FROM docs WHERE collection = ? AND id = ?'),
    allDocs: db.prepare('SELECT json FROM docs WHERE collection = ? ORDER BY id'),
    groupDocs: db.prepare('SELECT json FROM docs WHERE collection = ? AND grp = ? ORDER BY id'),
    // An entry delivered twice (at-least-once) replaces itself instead of duplicating.
    putLog: db.prepare('INSERT OR REPLACE INTO logs (log, grp, key, json) VALUES (?, ?, ?, ?)'),
    log: db.prepare('SELECT json FROM logs WHERE log = ? AND grp = ? AND key > ? ORDER BY key LIMIT ?'),
    logNewest: db.prepare(LOG_NEWEST_SQL),
    logBefore: db.prepare(LOG_BEFORE_SQL),
    putCheckpoint: db.prepare('INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position'),
    checkpoints: db.prepare('SELECT name, position FROM checkpoints ORDER BY name'),
  };
}

function toJson(value: unknown, what: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`read model ${what} is not JSON`);
  return text;
}

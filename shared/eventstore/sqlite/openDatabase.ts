import Database from 'better-sqlite3';

const SCHEMA_VERSION = 1;

/**
 * Opens a connection to the event store file with the settings every connection needs, and creates
 * the schema when it is missing. Safe to call from the main thread and from the writer worker.
 */
export function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  try {
    // Wait for a lock instead of failing at once (e.g. a checkpoint by another connection).
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // FULL: the WAL is fsynced at every commit, so an acknowledged append survives a power loss.
    db.pragma('synchronous = FULL');
    // Keep the WAL file from staying large after a burst.
    db.pragma('journal_size_limit = 67108864');
    createSchema(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function createSchema(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true });
  if (version === SCHEMA_VERSION) return;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new Error(`event store schema version ${version} is newer than this program (${SCHEMA_VERSION})`);
  }
  // One transaction, so that a crash while creating leaves no half-made schema.
  db.exec(`
    BEGIN IMMEDIATE;
    CREATE TABLE IF NOT EXISTS events (
      seq INTEGER PRIMARY KEY,
      stream_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      event_id TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL,
      data TEXT NOT NULL,
      metadata TEXT NOT NULL,
      UNIQUE (stream_id, version)
    );
    CREATE TABLE IF NOT EXISTS streams (
      stream_id TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      last_seq INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS idempotency (
      key TEXT PRIMARY KEY,
      request_hash TEXT NOT NULL,
      status INTEGER NOT NULL,
      body TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      expires_ms INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS idempotency_expiry ON idempotency (expires_ms);
    PRAGMA user_version = ${SCHEMA_VERSION};
    COMMIT;
  `);
}

import type Database from 'better-sqlite3';
import type { IdempotencyRecord, RecordedEvent } from '../EventStore';

interface EventRow {
  seq: number;
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
}

interface IdempotencyRow {
  key: string;
  request_hash: string;
  status: number;
  body: string;
  expires_at: string;
}

const COLUMNS = 'seq, stream_id, version, event_id, type, data, metadata';

/** Synchronous reads on the main thread's connection (WAL: they never wait for the writer). */
export class SqliteReader {
  private readonly byStream: Database.Statement<[string], EventRow>;
  private readonly after: Database.Statement<[number, number], EventRow>;
  private readonly head: Database.Statement<[], { seq: number | null }>;
  private readonly idempotency: Database.Statement<[string, number], IdempotencyRow>;

  constructor(db: Database.Database) {
    this.byStream = db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? ORDER BY version`);
    this.after = db.prepare(`SELECT ${COLUMNS} FROM events WHERE seq > ? ORDER BY seq LIMIT ?`);
    this.head = db.prepare('SELECT max(seq) AS seq FROM events');
    this.idempotency = db.prepare('SELECT key, request_hash, status, body, expires_at FROM idempotency WHERE key = ? AND expires_ms > ?');
  }

  readStream(streamId: string): RecordedEvent[] {
    return this.byStream.all(streamId).map(toRecordedEvent);
  }

  /** Events after position `after` (0: from the start), at most `limit`. */
  readAll(after: number, limit: number): RecordedEvent[] {
    return this.after.all(after, limit).map(toRecordedEvent);
  }

  headPosition(): number | undefined {
    return this.head.get()?.seq ?? undefined;
  }

  /** The record under `key` unless it expired at `nowMs`. */
  idempotencyRecord(key: string, nowMs: number): IdempotencyRecord | undefined {
    const row = this.idempotency.get(key, nowMs);
    if (!row) return undefined;
    return {
      key: row.key,
      requestHash: row.request_hash,
      status: row.status,
      body: JSON.parse(row.body) as unknown,
      expiresAt: row.expires_at,
    };
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as unknown,
    version: row.version,
    position: String(row.seq),
  };
}

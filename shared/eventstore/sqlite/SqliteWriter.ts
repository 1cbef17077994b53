import type Database from 'better-sqlite3';
import type { ExpectedVersion } from '../EventStore';
import type { AppendOutcome, AppendRequest, IdempotencyFields, WriteFailure } from './writerProtocol';

interface StreamRow {
  version: number;
  last_seq: number;
}

interface EventIdRow {
  stream_id: string;
  version: number;
  seq: number;
}

/** Raised inside an append's savepoint to roll back only that append. */
class AppendRefused extends Error {
  constructor(readonly failure: WriteFailure) {
    super(failure.kind === 'error' ? failure.message : `version mismatch on ${failure.streamId}`);
  }
}

/**
 * The write side of the SQLite store, synchronous, on one connection. A batch is one transaction;
 * each append in it runs in its own savepoint, so a refused append leaves the others of the batch.
 * Used in the writer worker and, for `:memory:` or `writer: 'inline'`, on the main thread.
 */
export class SqliteWriter {
  private readonly stream: Database.Statement<[string], StreamRow>;
  private readonly eventById: Database.Statement<[string], EventIdRow>;
  private readonly insertEvent: Database.Statement<[string, number, string, string, string, string]>;
  private readonly upsertStream: Database.Statement<[string, number, number]>;
  private readonly upsertIdempotency: Database.Statement<[string, string, number, string, string, number]>;
  private readonly pruneStatement: Database.Statement<[number]>;

  constructor(private readonly db: Database.Database) {
    this.stream = db.prepare('SELECT version, last_seq FROM streams WHERE stream_id = ?');
    this.eventById = db.prepare('SELECT stream_id, version, seq FROM events WHERE event_id = ?');
    this.insertEvent = db.prepare('INSERT INTO events (stream_id, version, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
    this.upsertStream = db.prepare(
      `INSERT INTO streams (stream_id, version, last_seq) VALUES (?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_seq = excluded.last_seq`,
    );
    this.upsertIdempotency = db.prepare(
      `INSERT INTO idempotency (key, request_hash, status, body, expires_at, expires_ms) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET request_hash = excluded.request_hash, status = excluded.status,
         body = excluded.body, expires_at = excluded.expires_at, expires_ms = excluded.expires_ms`,
    );
    this.pruneStatement = db.prepare('DELETE FROM idempotency WHERE expires_ms <= ?');
  }

  /** Runs a whole batch in one transaction, idempotency records included; rolled back if anything throws. */
  runBatch(appends: AppendRequest[]): AppendOutcome[] {
    this.begin();
    try {
      const outcomes = this.applyAll(appends);
      this.writeIdempotency(appends, outcomes);
      this.commit();
      return outcomes;
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
  }

  commit(): void {
    this.db.exec('COMMIT');
  }

  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  applyAll(appends: AppendRequest[]): AppendOutcome[] {
    return appends.map((append) => this.apply(append));
  }

  /** Writes the idempotency records of the appends that succeeded: the answer with the append's version and position. */
  writeIdempotency(appends: AppendRequest[], outcomes: AppendOutcome[]): void {
    appends.forEach((append, i) => {
      const outcome = outcomes[i];
      if (!append.idempotency || !outcome?.ok) return;
      const { answer, ...record } = append.idempotency;
      this.putIdempotency(record, JSON.stringify({ ...answer, version: outcome.version, position: outcome.position }));
    });
  }

  /** Stores a record; a later one under the same key replaces it (the caller checked it first). */
  putIdempotency(record: IdempotencyFields, body: string): void {
    this.upsertIdempotency.run(record.key, record.requestHash, record.status, body, record.expiresAt, record.expiresMs);
  }

  /** Removes the idempotency records that expired at `nowMs`; answers how many. */
  prune(nowMs: number): number {
    return this.pruneStatement.run(nowMs).changes;
  }

  /**
   * Caps the database at `pages` pages on this connection (SQLite `max_page_count`; never below its
   * current size); answers the cap now in force. A write that needs more fails with SQLITE_FULL.
   */
  setMaxPageCount(pages: number): number {
    if (!Number.isSafeInteger(pages) || pages < 1) throw new Error(`max_page_count must be a whole number ≥ 1, got ${pages}`);
    return Number(this.db.pragma(`max_page_count = ${pages}`, { simple: true }));
  }

  private apply(append: AppendRequest): AppendOutcome {
    this.db.exec('SAVEPOINT append');
    try {
      const outcome = this.applyUnguarded(append);
      this.db.exec('RELEASE append');
      return outcome;
    } catch (error) {
      const refusal = refusalOf(error);
      // Anything but a refusal (disk full, I/O) concerns the whole transaction: the batch fails.
      if (!refusal || !this.db.inTransaction) throw error;
      this.db.exec('ROLLBACK TO append');
      this.db.exec('RELEASE append');
      return { ok: false, error: refusal };
    }
  }

  private applyUnguarded(append: AppendRequest): AppendOutcome {
    const { streamId, events, expected } = append;
    const replay = this.replayOf(append);
    if (replay) return replay;

    const current = this.stream.get(streamId);
    checkExpected(streamId, expected, current?.version);
    for (const condition of append.conditions ?? []) checkExpected(condition.streamId, condition.expected, this.stream.get(condition.streamId)?.version);

    const startVersion = current?.version ?? 0;
    if (events.length === 0) {
      return { ok: true, version: startVersion, position: String(current?.last_seq ?? 0), positions: [], startVersion };
    }
    const positions: number[] = [];
    events.forEach((event, i) => {
      const info = this.insertEvent.run(streamId, startVersion + i + 1, event.id, event.type, event.data, event.metadata);
      positions.push(Number(info.lastInsertRowid));
    });
    const version = startVersion + events.length;
    const last = positions.at(-1) ?? current?.last_seq ?? 0;
    this.upsertStream.run(streamId, version, last);
    return { ok: true, version, position: String(last), positions, startVersion };
  }

  /**
   * The first result again when every event id of the append is already stored, as the same
   * contiguous run in this stream; undefined when none is stored; refused on a partial overlap.
   */
  private replayOf(append: AppendRequest): AppendOutcome | undefined {
    const found = append.events.map((event) => this.eventById.get(event.id));
    const stored = found.filter((row): row is EventIdRow => row !== undefined);
    if (stored.length === 0) return undefined;
    const first = found[0];
    const last = found.at(-1);
    const sameRun =
      stored.length === found.length &&
      first !== undefined &&
      last !== undefined &&
      found.every((row, i) => row !== undefined && row.stream_id === append.streamId && row.version === first.version + i);
    if (!sameRun) {
      throw new AppendRefused({
        kind: 'error',
        message: `append to ${append.streamId}: some of its event ids are already stored elsewhere or in another order`,
      });
    }
    return { ok: true, version: last.version, position: String(last.seq), positions: [], startVersion: first.version - 1 };
  }
}

/** What refuses one append alone: our own checks, or a constraint (e.g. an event id twice in it). */
function refusalOf(error: unknown): WriteFailure | undefined {
  if (error instanceof AppendRefused) return error.failure;
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return { kind: 'error', message: `append refused by the store: ${error instanceof Error ? error.message : code}` };
  }
  return undefined;
}

function checkExpected(streamId: string, expected: ExpectedVersion, actual: number | undefined): void {
  const fits =
    expected === 'any' ||
    (expected === 'no_stream' && actual === undefined) ||
    (expected === 'stream_exists' && actual !== undefined) ||
    (typeof expected === 'number' && expected === (actual ?? 0));
  if (!fits) {
    throw new AppendRefused({
      kind: 'concurrency',
      streamId,
      expected: String(expected),
      actual: actual === undefined ? 'no_stream' : String(actual),
    });
  }
}

import type Database from 'better-sqlite3';
import { type Observable, Subject } from 'rxjs';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedVersion,
  IdempotencyRecord,
  IdempotencyStore,
  Position,
  RecordedEvent,
} from '../EventStore';
import type { BatchWriter } from './BatchWriter';
import { catchUpThenLive } from './catchUpThenLive';
import { acquireDataLock, type ReleaseDataLock } from './dataLock';
import { GroupCommitQueue, type GroupCommitStats } from './GroupCommitQueue';
import { InlineWriter } from './InlineWriter';
import { openDatabase } from './openDatabase';
import { SqliteReader } from './SqliteReader';
import { sqlitePosition } from './sqlitePosition';
import { WorkerWriter } from './WorkerWriter';
import type { AppendOutcome, AppendRequest } from './writerProtocol';

export interface SqliteEventStoreOptions {
  /** The database file; `:memory:` keeps everything in memory (and writes on the main thread). */
  file: string;
  /**
   * `worker` (default for a file): commits, and their fsync, happen in a worker thread with its own
   * connection. `inline`: on the main thread (always so for `:memory:`).
   */
  writer?: 'worker' | 'inline' | undefined;
  /**
   * Take an exclusive lock so that no other process writes the same store: `true` (default for a
   * file) locks `<file>.lock`; a string names the lock file (e.g. one per data folder); `false` none.
   */
  lock?: boolean | string;
  /** The clock that decides which idempotency records expired. */
  now?: () => Date;
  /** How often expired idempotency records are removed (ms); also once at open. Default one hour. */
  pruneEveryMs?: number;
  /** Most appends in one transaction. Default 500. */
  maxBatch?: number;
  /** Events per page when a subscription catches up. Default 500. */
  pageSize?: number;
  /**
   * A cap on the database's size in pages (SQLite `max_page_count` on the write connection; a page is
   * 4 KiB by default). Default none (the disk is the limit). Past it, appends fail with `StoreFull`
   * and write nothing, as on a full disk: meant for quotas and for testing that path. See also
   * `setMaxPageCount`.
   */
  maxPageCount?: number;
}

/**
 * The embedded EventStore: one SQLite file in WAL mode with synchronous=FULL. Appends are group
 * committed (see GroupCommitQueue) by a writer in a worker thread; reads and subscriptions use the
 * main thread's connection, which WAL lets read while the writer writes.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  readonly idempotency: IdempotencyStore;

  private readonly db: Database.Database;
  private readonly reader: SqliteReader;
  private readonly writer: BatchWriter;
  private readonly queue: GroupCommitQueue;
  private readonly live = new Subject<RecordedEvent>();
  private readonly now: () => Date;
  private readonly pageSize: number;
  private readonly pruneTimer: NodeJS.Timeout | undefined;
  private readonly releaseLock: ReleaseDataLock;
  /** The `maxPageCount` option, applied before any write (the writer serialises its requests). */
  private readonly capApplied: Promise<unknown>;
  private closing: Promise<void> | undefined;

  /** Opens the store and waits until its writer is ready (an open failure rejects here). */
  static async open(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
    const store = new SqliteEventStore(options);
    try {
      await store.ready();
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
    return store;
  }

  constructor(options: SqliteEventStoreOptions) {
    const inMemory = options.file === ':memory:' || options.file === '';
    const lock = options.lock ?? !inMemory;
    this.releaseLock = lock === false ? () => undefined : acquireDataLock(lock === true ? `${options.file}.lock` : lock, options.file);
    let db: Database.Database | undefined;
    try {
      // Creates the schema before the worker and the reader prepare their statements.
      db = openDatabase(options.file);
      this.db = db;
      this.reader = new SqliteReader(db);
      this.writer = inMemory || options.writer === 'inline' ? new InlineWriter(db) : new WorkerWriter(options.file);
    } catch (error) {
      db?.close();
      this.releaseLock();
      throw error;
    }
    this.now = options.now ?? (() => new Date());
    this.pageSize = options.pageSize ?? 500;
    this.capApplied = options.maxPageCount === undefined ? Promise.resolve() : this.writer.setMaxPageCount(options.maxPageCount);
    // Reported by ready(); appends queued meanwhile fail on their own if the writer is broken.
    this.capApplied.catch(() => undefined);
    this.queue = new GroupCommitQueue(this.writer, (batch, outcomes) => this.publish(batch, outcomes), options.maxBatch);
    this.idempotency = {
      get: async (key, now) => this.reader.idempotencyRecord(key, now.getTime()),
      put: (record) => this.putIdempotency(record),
    };
    const pruneEveryMs = options.pruneEveryMs ?? 3_600_000;
    this.pruneTimer = setInterval(() => void this.pruneExpired().catch(() => undefined), pruneEveryMs);
    this.pruneTimer.unref();
    void this.pruneExpired().catch(() => undefined);
  }

  append(streamId: string, events: EventToAppend[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      if (this.closing !== undefined) throw new Error('the event store is closed');
      if (typeof expected === 'number' && !(Number.isSafeInteger(expected) && expected >= 0)) {
        throw new Error(`expected version must be a whole number ≥ 0, got ${expected}`);
      }
      const record = options?.idempotency;
      // Serialised here so that data that is not JSON fails this append alone, before any batch.
      const request: AppendRequest = {
        streamId,
        expected,
        ...(options?.conditions?.length ? { conditions: options.conditions.map((condition) => ({ ...condition })) } : {}),
        events: events.map((event) => ({
          id: event.id,
          type: event.type,
          data: toJson(event.data, 'data'),
          metadata: toJson(event.metadata, 'metadata'),
        })),
        ...(record && {
          idempotency: {
            key: record.key,
            requestHash: record.requestHash,
            status: record.status,
            expiresAt: record.expiresAt,
            expiresMs: expiryMs(record.expiresAt),
            // A plain JSON copy: what is not JSON fails this append alone, and the copy crosses to the writer thread.
            answer: JSON.parse(toJson(record.answer, 'idempotency answer')) as Record<string, unknown>,
          },
        }),
      };
      this.queue.enqueue({
        request,
        resolve: (outcome) => resolve({ version: outcome.version, position: outcome.position }),
        reject,
      });
    });
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.reader.readStream(streamId);
  }

  async readAll(after: Position | undefined, limit: number): Promise<RecordedEvent[]> {
    // SQLite reads a negative LIMIT as "no limit".
    if (!(limit > 0)) return [];
    return this.reader.readAll(sqlitePosition.decode(after), Math.floor(limit));
  }

  /** A position that is not this store's fails the subscription (on subscribe, as it is cold). */
  subscribeAll(after: Position | undefined): Observable<RecordedEvent> {
    return catchUpThenLive(
      {
        readPage: (from, limit) => this.reader.readAll(sqlitePosition.decode(from), limit),
        live: this.live,
        comparePositions: (a, b) => this.comparePositions(a, b),
        pageSize: this.pageSize,
      },
      after,
    );
  }

  async headPosition(): Promise<Position | undefined> {
    const head = this.reader.headPosition();
    return head === undefined ? undefined : String(head);
  }

  comparePositions(a: Position, b: Position): number {
    return sqlitePosition.compare(a, b);
  }

  /** Group-commit counters: how many transactions the appends so far took. */
  stats(): GroupCommitStats {
    return this.queue.stats();
  }

  /** Removes the idempotency records that expired; answers how many. */
  pruneExpired(now: Date = this.now()): Promise<number> {
    return this.writer.prune(now.getTime());
  }

  /**
   * Caps (or, with a larger number, frees) the database's size while the store runs: SQLite
   * `max_page_count` on the write connection, never below the current size. Answers the cap in force.
   */
  setMaxPageCount(pages: number): Promise<number> {
    return this.writer.setMaxPageCount(pages);
  }

  /** Resolves when the writer opened the database (rejects if it could not), with `maxPageCount` applied. */
  async ready(): Promise<void> {
    if (this.writer instanceof WorkerWriter) await this.writer.whenReady();
    await this.capApplied;
  }

  /** Waits for queued and in-flight appends, then closes the writer, the connection and the lock. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.pruneTimer);
      await this.queue.idle();
      try {
        await this.writer.close();
      } finally {
        this.live.complete();
        this.db.close();
        this.releaseLock();
      }
    })();
    return this.closing;
  }

  private async putIdempotency(record: IdempotencyRecord): Promise<void> {
    const { body, ...fields } = record;
    await this.writer.put({ ...fields, expiresMs: expiryMs(record.expiresAt) }, toJson(body, 'body'));
  }

  /** Emits the events of a committed batch to live subscriptions, in position order. */
  private publish(batch: AppendRequest[], outcomes: AppendOutcome[]): void {
    if (!this.live.observed) return;
    batch.forEach((append, i) => {
      const outcome = outcomes[i];
      // A missing outcome fails its append in the queue; nothing was acknowledged to publish.
      if (!outcome?.ok) return;
      outcome.positions.forEach((position, k) => {
        const event = append.events[k];
        if (event === undefined) throw new Error(`the writer answered ${outcome.positions.length} positions for ${append.events.length} events`);
        this.live.next({
          id: event.id,
          streamId: append.streamId,
          type: event.type,
          data: JSON.parse(event.data) as unknown,
          metadata: JSON.parse(event.metadata) as unknown,
          version: outcome.startVersion + k + 1,
          position: String(position),
        });
      });
    });
  }
}

function toJson(value: unknown, what: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) {
    if (value === undefined) return 'null';
    throw new Error(`event ${what} is not JSON`);
  }
  return text;
}

function expiryMs(expiresAt: string): number {
  const ms = Date.parse(expiresAt);
  if (Number.isNaN(ms)) throw new Error(`idempotency expiresAt is not a time: "${expiresAt}"`);
  return ms;
}

import type { Observable } from 'rxjs';

/**
 * The expected version of a stream for an append. A number is the stream's version, i.e. how many
 * events it holds (1 after its first event); it is what the API's ETag and If-Match carry.
 */
export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | number;

/** A global position. Stores count differently (SQLite: a sequence, EventStoreDB: commit/prepare). */
export type Position = string;

export interface EventToAppend {
  /** A UUID derived from the command id and the event's index, so that a retried append is recognised. */
  id: string;
  type: string;
  data: unknown;
  metadata: unknown;
}

export interface RecordedEvent {
  id: string;
  streamId: string;
  type: string;
  data: unknown;
  metadata: unknown;
  /** The stream's version after this event (1-based). */
  version: number;
  position: Position;
}

export interface AppendResult {
  /** The stream's version after the append. */
  version: number;
  /** The position of the last event appended. */
  position: Position;
}

/** A record kept with the events of a command, so that its retry gets the same answer. */
export interface IdempotencyRecord {
  /** Scoped by the caller (e.g. `<sub>:<key>`). */
  key: string;
  requestHash: string;
  status: number;
  body: unknown;
  expiresAt: string;
}

/**
 * Another stream that must still be at `expected` when the append commits: the facts a decision read
 * from other streams (a programme not cancelled, an id not taken) hold at the moment it lands.
 */
export interface AppendCondition {
  streamId: string;
  expected: 'no_stream' | number;
}

export interface AppendOptions {
  /**
   * Checked in the append's own transaction: a stream that moved fails the append with a
   * ConcurrencyError naming that stream. EventStoreDB, which appends to one stream at a time,
   * checks them just before appending instead (see its checkConditions and docs/production.md).
   */
  conditions?: readonly AppendCondition[];
  /**
   * Stored in the same transaction as the events (where the store can). Its body is `answer` with
   * the append's `version` and `position` added: plain data, so that a store writing in another
   * thread needs nothing back from the caller while its transaction is open.
   */
  idempotency?: Omit<IdempotencyRecord, 'body'> & { answer: Readonly<Record<string, unknown>> };
}

export interface EventStore {
  readonly kind: string;
  /**
   * Appends atomically, checking `expected`. Retrying the same event ids at the same place succeeds
   * without duplicating and answers the first result. Throws `ConcurrencyError` on a version mismatch.
   */
  append(streamId: string, events: EventToAppend[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult>;
  /** Every event of one stream in order; [] when the stream does not exist. */
  readStream(streamId: string): Promise<RecordedEvent[]>;
  /** Events of every stream after `after` (exclusive; from the start when undefined), at most `limit`. */
  readAll(after: Position | undefined, limit: number): Promise<RecordedEvent[]>;
  /** Catch-up from `after` (exclusive), then follows new commits; no gap and no duplicate at the switch. */
  subscribeAll(after: Position | undefined): Observable<RecordedEvent>;
  /** The position of the newest event, undefined when the store is empty. */
  headPosition(): Promise<Position | undefined>;
  /** Orders two positions of this store: negative, zero or positive. */
  comparePositions(a: Position, b: Position): number;
  /** Stored idempotency records (may be absent in stores that keep them elsewhere). */
  readonly idempotency: IdempotencyStore;
  close(): Promise<void>;
}

export interface IdempotencyStore {
  get(key: string, now: Date): Promise<IdempotencyRecord | undefined>;
  put(record: IdempotencyRecord): Promise<void>;
}

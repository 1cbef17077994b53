import type { ExpectedVersion } from '../EventStore';

/** One append as the writer sees it: data and metadata already serialised (so bad JSON fails early). */
export interface AppendRequest {
  streamId: string;
  events: { id: string; type: string; data: string; metadata: string }[];
  expected: ExpectedVersion;
  /** Other streams that must be at these versions (see AppendOptions.conditions). */
  conditions?: { streamId: string; expected: 'no_stream' | number }[];
  idempotency?: IdempotencyWithAppend;
}

/** An idempotency record without its body; `expiresMs` orders expiry whatever offset `expiresAt` has. */
export interface IdempotencyFields {
  key: string;
  requestHash: string;
  status: number;
  expiresAt: string;
  expiresMs: number;
}

/** A record to write with an append: its body is `answer` plus the append's version and position. */
export interface IdempotencyWithAppend extends IdempotencyFields {
  answer: Readonly<Record<string, unknown>>;
}

/** What became of one append of a batch. Plain data: it crosses the worker boundary. */
export type AppendOutcome =
  | {
      ok: true;
      version: number;
      position: string;
      /** Positions of the events this append wrote; empty for an idempotent replay or no events. */
      positions: number[];
      /** The stream's version before this append. */
      startVersion: number;
    }
  | { ok: false; error: WriteFailure };

export type WriteFailure = { kind: 'concurrency'; streamId: string; expected: string; actual: string } | { kind: 'error'; message: string };

export type ToWriter =
  | { type: 'batch'; id: number; appends: AppendRequest[] }
  | { type: 'put'; id: number; record: IdempotencyFields; body: string }
  | { type: 'prune'; id: number; nowMs: number }
  /** Sets the write connection's `max_page_count`; answered with `done` and the limit now in force. */
  | { type: 'max-page-count'; id: number; pages: number }
  | { type: 'close'; id: number };

export type FromWriter =
  | { type: 'ready' }
  | { type: 'committed'; id: number; outcomes: AppendOutcome[] }
  | { type: 'done'; id: number; count: number }
  | { type: 'closed'; id: number }
  /** `code`: the SQLite result code (e.g. SQLITE_FULL), when the failure has one. */
  | { type: 'failed'; id: number; message: string; code?: string | undefined };

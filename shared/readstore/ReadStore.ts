import type { Position } from '../eventstore/EventStore';

/** An entry appended to a log model (a programme's history): kept in `group`, ordered by `key`. */
export interface LogWrite {
  log: string;
  group: string;
  /** Sorts like positions do (see positionKey.ts); an entry written twice replaces itself. */
  key: string;
  entry: unknown;
}

export interface DocWrite {
  collection: string;
  id: string;
  doc: unknown;
  /** What the doc belongs to (a task row: its programme), so that a group's docs can be read together. */
  group?: string;
}

export interface ReadBatch {
  docs: DocWrite[];
  /** Documents to remove: wing documents left empty, board-change journal entries past retention. */
  deletes?: { collection: string; id: string }[];
  logs?: LogWrite[];
  /** Projection name → the position of the last event applied; written with the models, atomically. */
  checkpoints: Record<string, Position>;
}

/** The read-model port: documents by collection and id, log entries by group, and checkpoints, written together. */
export interface ReadStore {
  readonly kind: string;
  checkpoints(): Promise<Record<string, Position>>;
  get(collection: string, id: string): Promise<unknown | undefined>;
  all(collection: string): Promise<unknown[]>;
  /** The docs of one collection written with this `group`, by id. */
  group(collection: string, group: string): Promise<unknown[]>;
  /** A log's entries in `group` with keys after `afterKey` (all when undefined), by key, at most `limit`. */
  log(log: string, group: string, afterKey: string | undefined, limit: number): Promise<unknown[]>;
  /**
   * The same entries read the other way: keys before `beforeKey` (the newest when undefined), newest
   * first, at most `limit`; a long log's latest page costs the page, not the log.
   */
  logBefore(log: string, group: string, beforeKey: string | undefined, limit: number): Promise<unknown[]>;
  /** Atomic: a crash never leaves models ahead of or behind their checkpoint. */
  commit(batch: ReadBatch): Promise<void>;
  /** Drops every model and checkpoint (for a rebuild). */
  clear(): Promise<void>;
  close(): Promise<void>;
}

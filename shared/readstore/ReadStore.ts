import type { Position } from '../eventstore/EventStore';

/** One row of a programme's history (SPEC.md: `{position, type, at, actor, data}`). */
export interface HistoryEntry {
  programmeId: string;
  position: Position;
  /** A fixed-width string that sorts like positions do (see shared/readstore/positionKey.ts). */
  sortKey: string;
  type: string;
  at: string;
  actor: unknown;
  data: unknown;
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
  history: HistoryEntry[];
  /** Projection name → the position of the last event applied; written with the models, atomically. */
  checkpoints: Record<string, Position>;
}

/** The read-model port: documents by collection and id, history rows, and checkpoints, written together. */
export interface ReadStore {
  readonly kind: string;
  checkpoints(): Promise<Record<string, Position>>;
  get(collection: string, id: string): Promise<unknown | undefined>;
  all(collection: string): Promise<unknown[]>;
  /** The docs of one collection written with this `group`, by id. */
  group(collection: string, group: string): Promise<unknown[]>;
  history(programmeId: string, afterSortKey: string | undefined, limit: number): Promise<HistoryEntry[]>;
  /** Atomic: a crash never leaves models ahead of or behind their checkpoint. */
  commit(batch: ReadBatch): Promise<void>;
  /** Drops every model and checkpoint (for a rebuild). */
  clear(): Promise<void>;
  close(): Promise<void>;
}

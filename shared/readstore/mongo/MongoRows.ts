import type { Position } from '../../eventstore/EventStore';

/**
 * The documents the MongoDB read store keeps, one type per collection. The model itself sits in
 * `doc` (never spread into the row), so a model can hold any JSON without clashing with our fields.
 */

/** `docs`: one read-model document. `_id` is `<collection>:<id>`; (collection, id) is also indexed for listing. */
export interface DocRow {
  _id: string;
  collection: string;
  id: string;
  doc: unknown;
  /** The doc's group (a task row: its programme), when it has one. */
  group?: string;
  /** The position of the last event applied to this doc, when the batch that wrote it said. */
  position?: Position;
  /** positionKey(position): compared as a string to refuse older writes redelivered later. */
  positionKey?: string;
}

/** `logs`: one entry of a log model per (log, group, key), unique; `_id` is the server's ObjectId. */
export interface LogRow {
  log: string;
  group: string;
  key: string;
  entry: unknown;
}

/** `checkpoints`: one per projection, `_id` is its name. */
export interface CheckpointRow {
  _id: string;
  position: Position;
  positionKey: string;
}

/** The collection names in the database. */
export const MONGO_COLLECTIONS = {
  docs: 'docs',
  logs: 'logs',
  checkpoints: 'checkpoints',
} as const;

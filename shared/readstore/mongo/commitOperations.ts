import type { AnyBulkWriteOperation } from 'mongodb';
import type { BatchRows } from './batchRows';
import type { CheckpointRow, DocRow, LogRow } from './MongoRows';

/** positionKey of what the store holds now, by `_id` (absent: no row, or a row written unguarded). */
export interface StoredPositions {
  docs: ReadonlyMap<string, string | undefined>;
  checkpoints: ReadonlyMap<string, string>;
}

export interface CommitOperations {
  /** Upserts, then deletes, in batch order (ordered bulkWrite: a later write of the same doc wins). */
  docs: AnyBulkWriteOperation<DocRow>[];
  logs: AnyBulkWriteOperation<LogRow>[];
  checkpoints: AnyBulkWriteOperation<CheckpointRow>[];
  /** `_id`s left alone because the store already holds a later position (a redelivered batch). */
  stale: string[];
}

/** True when the store is ahead of the write: stored and incoming keys known and stored is later. */
function isStale(stored: string | undefined, incoming: string | undefined): boolean {
  return stored !== undefined && incoming !== undefined && stored > incoming;
}

/**
 * The bulkWrite operations of one commit, given the positions the store holds (read in the same
 * transaction). Pure.
 *
 * - docs: replace-or-insert by `_id`, unless the stored doc is at a later position; deletes likewise.
 * - logs: replace-or-insert on the unique (log, group, key), so an entry delivered twice stays
 *   one row. Not an insert that tolerates duplicate-key errors: inside a transaction a duplicate-key
 *   error aborts the whole transaction (SERVER-34059), so it must never be provoked.
 * - checkpoints: replace-or-insert by name, never moving one back (a stale batch is a no-op).
 */
export function commitOperations(rows: BatchRows, stored: StoredPositions): CommitOperations {
  const stale: string[] = [];
  const docs: AnyBulkWriteOperation<DocRow>[] = [];
  for (const row of rows.docs) {
    if (isStale(stored.docs.get(row._id), row.positionKey)) {
      stale.push(row._id);
      continue;
    }
    const { _id, ...replacement } = row;
    docs.push({ replaceOne: { filter: { _id }, replacement, upsert: true } });
  }
  for (const gone of rows.deletes) {
    if (isStale(stored.docs.get(gone._id), gone.positionKey)) {
      stale.push(gone._id);
      continue;
    }
    docs.push({ deleteOne: { filter: { _id: gone._id } } });
  }
  const logs: AnyBulkWriteOperation<LogRow>[] = rows.logs.map((row) => ({
    replaceOne: { filter: { log: row.log, group: row.group, key: row.key }, replacement: row, upsert: true },
  }));
  const checkpoints: AnyBulkWriteOperation<CheckpointRow>[] = [];
  for (const row of rows.checkpoints) {
    if (isStale(stored.checkpoints.get(row._id), row.positionKey)) {
      stale.push(`checkpoint:${row._id}`);
      continue;
    }
    const { _id, ...replacement } = row;
    checkpoints.push({ replaceOne: { filter: { _id }, replacement, upsert: true } });
  }
  return { docs, logs, checkpoints, stale };
}

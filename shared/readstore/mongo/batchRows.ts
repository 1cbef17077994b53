import type { ReadBatch } from '../ReadStore';
import { positionKey } from '../positionKey';
import type { CheckpointRow, DocRow, LogRow } from './MongoRows';
import { docPosition } from './docPosition';
import { docIdOf, toDocRow } from './toDocRow';
import { toLogRow } from './toLogRow';

export interface DocDelete {
  _id: string;
  /** Set when the batch says which position the delete belongs to (see docPosition). */
  positionKey?: string;
}

/** A batch as the rows it writes, built (and validated) before any transaction starts. */
export interface BatchRows {
  docs: DocRow[];
  deletes: DocDelete[];
  logs: LogRow[];
  checkpoints: CheckpointRow[];
}

/**
 * Maps a batch to rows. Pure; throws (a non-JSON model, a malformed position, a bad collection name)
 * before any I/O, so a bad batch writes nothing.
 */
export function batchRows(batch: ReadBatch): BatchRows {
  return {
    docs: batch.docs.map((write) => toDocRow(write, docPosition(batch, write.collection))),
    deletes: (batch.deletes ?? []).map((gone) => {
      const position = docPosition(batch, gone.collection);
      const row: DocDelete = { _id: docIdOf(gone.collection, gone.id) };
      if (position !== undefined) row.positionKey = positionKey(position);
      return row;
    }),
    logs: (batch.logs ?? []).map(toLogRow),
    checkpoints: Object.entries(batch.checkpoints).map(([name, position]) => ({ _id: name, position, positionKey: positionKey(position) })),
  };
}

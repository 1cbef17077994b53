import type { ChangeStreamDocument } from 'mongodb';
import type { Position } from '../../eventstore/EventStore';
import type { CheckpointRow } from './MongoRows';

/** A projection's checkpoint as committed: the projector applied everything up to `position`. */
export interface CheckpointPosition {
  name: string;
  position: Position;
}

/**
 * The checkpoint a change event on the checkpoints collection carries, if any: inserts and
 * replacements always hold the document; updates only with `fullDocument: 'updateLookup'` (and not
 * when it was deleted since). Deletes (a rebuild clearing the store) and other events carry none.
 */
export function checkpointChangeOf(change: ChangeStreamDocument<CheckpointRow>): CheckpointPosition | undefined {
  switch (change.operationType) {
    case 'insert':
    case 'replace':
    case 'update': {
      const row = change.fullDocument;
      if (row === undefined || row === null || typeof row.position !== 'string') return undefined;
      return { name: row._id, position: row.position };
    }
    default:
      return undefined;
  }
}

/** Events after which a change stream is over and its resume token cannot be used again. */
export function endsChangeStream(change: ChangeStreamDocument<CheckpointRow>): boolean {
  return (
    change.operationType === 'invalidate' || change.operationType === 'drop' || change.operationType === 'dropDatabase' || change.operationType === 'rename'
  );
}

import { BOARD_CHANGES, BoardChangeEntrySchema, boardChangeId } from '@tayari/projections/stored/BoardChangeEntry';
import type { BoardChangeReader } from '@tayari/projections/stored/readBoardChanges';
import { MONGO_COLLECTIONS, type DocRow } from '@tayari/shared/readstore/mongo/MongoRows';
import type { MongoReadStore } from '@tayari/shared/readstore/mongo/MongoReadStore';
import { mongoErrors } from '@tayari/shared/readstore/mongo/mongoErrors';

/**
 * The board-change journal read from MongoDB as a range: entry ids sort like positions, and the
 * unique (collection, id) index of `docs` serves "entries after P" without reading older ones.
 */
export function mongoBoardChanges(store: MongoReadStore): BoardChangeReader {
  const docs = store.db.collection<DocRow>(MONGO_COLLECTIONS.docs);
  return async (after, limit) => {
    const count = Math.floor(limit);
    if (!(count > 0)) return [];
    try {
      const rows = await docs
        .find(
          { collection: BOARD_CHANGES, id: { $gt: after === undefined ? '' : boardChangeId(after) } },
          { sort: { id: 1 }, limit: count, projection: { doc: 1 } },
        )
        .toArray();
      return rows.map((row) => BoardChangeEntrySchema.parse(row.doc));
    } catch (error) {
      throw mongoErrors(error);
    }
  };
}

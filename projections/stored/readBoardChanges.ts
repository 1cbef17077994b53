import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import { BOARD_CHANGES, BoardChangeEntrySchema, boardChangeId, type BoardChangeEntry } from './BoardChangeEntry';

/** Journal entries after `after` (exclusive; all when undefined), in position order, at most `limit`. */
export type BoardChangeReader = (after: Position | undefined, limit: number) => Promise<BoardChangeEntry[]>;

/**
 * A reader over any ReadStore through the port: lists the whole journal and keeps the newer entries.
 * The journal is pruned to a bounded size, so that costs one small query; a store that can ask for a
 * range of ids (MongoDB) should pass its own reader instead.
 */
export function readBoardChanges(readStore: Pick<ReadStore, 'all'>): BoardChangeReader {
  return async (after, limit) => {
    const from = after === undefined ? '' : boardChangeId(after);
    const entries = (await readStore.all(BOARD_CHANGES)).map((raw) => BoardChangeEntrySchema.parse(raw));
    return entries
      .map((entry) => ({ entry, id: boardChangeId(entry.position) }))
      .filter(({ id }) => id > from)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit)
      .map(({ entry }) => entry);
  };
}

import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import { rebuildReadModels, type RebuildProgress, type RebuildResult } from '@tayari/projections/rebuild/rebuildReadModels';
import { BoardChangeJournal } from '@tayari/projections/stored/BoardChangeJournal';

export interface RebuildStoresOptions {
  events: EventStore;
  readStore: ReadStore;
  /**
   * Write the board-change journal with every page, as the split projector does. Default: when the
   * read store is MongoDB, whose readers in other processes follow the journal.
   */
  journal?: boolean;
  onProgress?: (progress: RebuildProgress) => void;
}

/**
 * Drops the read models and replays every event, on whichever stores are configured. With the
 * journal, an API or live gateway that keeps running during the rebuild serves its older models until
 * the rebuild passes their position, then reads the rebuilt ones once and follows the journal again.
 */
export function rebuildStores(options: RebuildStoresOptions): Promise<RebuildResult> {
  const { events, readStore } = options;
  const journal = options.journal ?? readStore.kind === 'mongodb';
  return rebuildReadModels({
    events,
    readStore,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(journal ? { decorateBatch: BoardChangeJournal.empty().decorate } : {}),
  });
}

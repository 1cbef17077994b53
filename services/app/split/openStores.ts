import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import type { StoreChoice } from './chooseStores';
import { openEventStore, type OpenEventStoreOptions } from './openEventStore';
import { openReadStore } from './openReadStore';

export interface OpenedStores {
  events: EventStore;
  readStore: ReadStore;
  /** Closes the read store, then the event store. */
  close(): Promise<void>;
}

/** Opens both chosen stores; if the second cannot be opened, the first is closed again. */
export async function openStores(choice: StoreChoice, options: OpenEventStoreOptions = {}): Promise<OpenedStores> {
  const events = await openEventStore(choice.events, options);
  let readStore: ReadStore;
  try {
    readStore = await openReadStore(choice.reads, { timeoutMs: options.timeoutMs });
  } catch (error) {
    await events.close().catch(() => undefined);
    throw error;
  }
  return {
    events,
    readStore,
    async close() {
      await readStore.close();
      await events.close();
    },
  };
}

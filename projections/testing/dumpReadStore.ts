import type { HistoryEntry, ReadStore } from '@tayari/shared/readstore/ReadStore';
import { COLLECTIONS } from '../models/collections';

export interface ReadStoreDump {
  checkpoints: Record<string, string>;
  docs: Record<string, unknown[]>;
  history: Record<string, HistoryEntry[]>;
}

/** Everything a read store holds, in a comparable form (to check a store against a rebuild). */
export async function dumpReadStore(store: ReadStore): Promise<ReadStoreDump> {
  const docs: Record<string, unknown[]> = {};
  for (const collection of Object.values(COLLECTIONS)) docs[collection] = await store.all(collection);
  const history: Record<string, HistoryEntry[]> = {};
  for (const doc of docs[COLLECTIONS.programmes]) {
    if (typeof doc !== 'object' || doc === null || !('id' in doc) || typeof doc.id !== 'string') throw new Error('a programme doc without an id');
    const id = doc.id;
    history[id] = await store.history(id, undefined, 1_000_000);
  }
  return { checkpoints: await store.checkpoints(), docs, history };
}

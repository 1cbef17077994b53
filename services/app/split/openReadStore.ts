import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import { SqliteReadStore } from '@tayari/shared/readstore/sqlite/SqliteReadStore';
import type { ReadStoreChoice } from './chooseStores';
import { openMongo } from './openMongo';

export interface OpenReadStoreOptions {
  /** How long MongoDB may take to offer a primary (serverSelectionTimeoutMS). Default 5000 ms. */
  timeoutMs?: number | undefined;
}

/** The chosen read store, opened; MongoDB is connected and checked (a replica set) before this resolves. */
export async function openReadStore(choice: ReadStoreChoice, options: OpenReadStoreOptions = {}): Promise<ReadStore> {
  if (choice.kind === 'sqlite') {
    mkdirSync(dirname(choice.file), { recursive: true });
    return new SqliteReadStore({ file: choice.file });
  }
  return openMongo(choice, options.timeoutMs ?? 5000);
}

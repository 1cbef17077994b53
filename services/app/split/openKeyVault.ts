import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MongoKeyVault } from '@tayari/shared/drives/vault/MongoKeyVault';
import { SqliteKeyVault } from '@tayari/shared/drives/vault/SqliteKeyVault';
import type { KeyVault } from '@tayari/shared/drives/vault/KeyVault';
import type { ReadStoreChoice } from './chooseStores';

/**
 * The enrolment key store beside the read store: MongoDB (collection `enrolmentKeys`) when the reads
 * are there, so that every API process sees one set of keys; else `keys.db` in the data folder.
 */
export async function openKeyVault(reads: ReadStoreChoice, dataDir: string, timeoutMs?: number): Promise<KeyVault> {
  if (reads.kind === 'mongodb') return MongoKeyVault.open({ uri: reads.uri, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
  mkdirSync(dataDir, { recursive: true });
  return new SqliteKeyVault(join(dataDir, 'keys.db'));
}

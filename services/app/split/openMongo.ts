import { StoreUnavailable } from '@tayari/shared/common/errors';
import type { MongoReadStore } from '@tayari/shared/readstore/mongo/MongoReadStore';
import { describeStore, type ReadStoreChoice } from './chooseStores';

/** Opens MongoDB with a message that names it and the variable to check. */
export async function openMongo(choice: Extract<ReadStoreChoice, { kind: 'mongodb' }>, timeoutMs: number): Promise<MongoReadStore> {
  // Loaded only when used: the driver is a tenth of an embedded start (`require`: see openEventStore).
  const { MongoReadStore } = require('@tayari/shared/readstore/mongo/MongoReadStore') as typeof import('@tayari/shared/readstore/mongo/MongoReadStore');
  try {
    return await MongoReadStore.open({ uri: choice.uri, clientOptions: { serverSelectionTimeoutMS: timeoutMs } });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof StoreUnavailable) {
      throw new StoreUnavailable(
        `${describeStore(choice)} cannot be reached within ${timeoutMs} ms (${reason}); check MONGODB_URI and that the replica set is up`,
        error,
      );
    }
    throw new Error(`${describeStore(choice)} cannot be used: ${reason}`, { cause: error });
  }
}

import { withMongoDatabase } from '../../testing/withMongoDatabase';
import { readStoreContract } from '../contract/readStoreContract';
import { MongoReadStore } from './MongoReadStore';

/**
 * The shared ReadStore contract against a real MongoDB replica set, e.g.
 * `MONGODB_URI='mongodb://localhost:27017/?replicaSet=rs0' npx jest shared/readstore/mongo`
 * (`docker compose up -d mongo` starts one). Each run uses its own database, dropped at the end.
 * Without a server it is skipped, visibly.
 */
withMongoDatabase('MongoDB read-store contract', 'tayari_contract', (uri, database) => {
  // Tests share the run's database; each starts from an empty store.
  readStoreContract('mongodb', async () => {
    const store = await MongoReadStore.open({ uri, database });
    await store.clear();
    return store;
  });
});

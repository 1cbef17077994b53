import { MongoClient } from 'mongodb';
import { readStoreContract } from '../contract/readStoreContract';
import { MongoReadStore } from './MongoReadStore';

/**
 * The shared ReadStore contract against a real MongoDB replica set, e.g.
 * `MONGODB_URI='mongodb://localhost:27017/?replicaSet=rs0' npx jest shared/readstore/mongo`
 * (`docker compose up -d mongo` starts one). Each run uses its own database, dropped at the end.
 * Without a server it is skipped, visibly.
 */
const uri = process.env.MONGODB_URI;

if (uri) {
  const database = `tayari_contract_${process.pid}_${Date.now().toString(36)}`;

  // Tests share the run's database; each starts from an empty store.
  readStoreContract('mongodb', async () => {
    const store = await MongoReadStore.open({ uri, database });
    await store.clear();
    return store;
  });

  afterAll(async () => {
    const client = new MongoClient(uri);
    try {
      await client.db(database).dropDatabase();
    } finally {
      await client.close();
    }
  });
} else {
  console.warn('SKIPPED: MongoDB read-store contract — set MONGODB_URI to run it');
  describe.skip('ReadStore contract: mongodb (set MONGODB_URI to run it)', () => {
    test('runs the shared contract against MongoDB', () => undefined);
  });
}

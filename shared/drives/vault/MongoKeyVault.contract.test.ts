import { MongoClient } from 'mongodb';
import { keyVaultContract } from './keyVaultContract';
import { MongoKeyVault } from './MongoKeyVault';

/** The key-store contract against a real MongoDB (MONGODB_URI); skipped, visibly, without one. */
const uri = process.env.MONGODB_URI;

if (uri) {
  const database = `tayari_keys_${process.pid}_${Date.now().toString(36)}`;
  keyVaultContract('mongodb', async () => {
    const vault = await MongoKeyVault.open({ uri, database });
    return vault;
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
  console.warn('SKIPPED: MongoDB key-store contract — set MONGODB_URI to run it');
  describe.skip('KeyVault contract: mongodb (set MONGODB_URI to run it)', () => {
    test('runs the shared contract against MongoDB', () => undefined);
  });
}

import { withMongoDatabase } from '../../testing/withMongoDatabase';
import { keyVaultContract } from './keyVaultContract';
import { MongoKeyVault } from './MongoKeyVault';

/** The key-store contract against a real MongoDB (MONGODB_URI); skipped, visibly, without one. */
withMongoDatabase('MongoDB key-store contract', 'tayari_keys', (uri, database) => {
  keyVaultContract('mongodb', () => MongoKeyVault.open({ uri, database }));
});

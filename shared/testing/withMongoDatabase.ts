import { MongoClient } from 'mongodb';

/**
 * Runs `define` (a contract suite) against a real MongoDB when MONGODB_URI is set, in a database of
 * its own that is dropped at the end; otherwise says, visibly, that `what` was skipped.
 */
export function withMongoDatabase(what: string, prefix: string, define: (uri: string, database: string) => void): void {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    console.warn(`SKIPPED: ${what} — set MONGODB_URI to run it`);
    describe.skip(`${what} (set MONGODB_URI to run it)`, () => {
      test('runs against MongoDB', () => undefined);
    });
    return;
  }
  const database = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  define(uri, database);
  afterAll(async () => {
    const client = new MongoClient(uri);
    try {
      await client.db(database).dropDatabase();
    } finally {
      await client.close();
    }
  });
}

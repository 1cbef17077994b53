import { MongoClient } from 'mongodb';
import type { CheckpointRow } from './MongoRows';
import { watchCheckpoints } from './watchCheckpoints';

/**
 * Against a real replica set (set MONGODB_URI; `npm run test:servers` does): the watcher goes on
 * after its collection is dropped, and after its database is dropped, by reading afresh. Skipped,
 * visibly, without a server. (The same paths run against a scripted stream in
 * watchCheckpoints.ends.test.ts.)
 */
const uri = process.env.MONGODB_URI;

if (uri) {
  describe('watchCheckpoints on a replica set, after drops', () => {
    const database = `tayari_watch_${process.pid}_${Date.now().toString(36)}`;
    let client: MongoClient;

    beforeAll(async () => {
      client = await new MongoClient(uri).connect();
    });

    afterAll(async () => {
      await client.db(database).dropDatabase();
      await client.close();
    });

    async function eventually(condition: () => boolean, what: string): Promise<void> {
      for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      if (!condition()) throw new Error(`timed out waiting for ${what}`);
    }

    test.each(['collection', 'database'] as const)(
      'a dropped %s: later checkpoints still arrive',
      async (what) => {
        const checkpoints = client.db(database).collection<CheckpointRow>(`checkpoints_${what}`);
        await checkpoints.insertOne({ _id: 'programmes', position: '1', positionKey: '01' });
        const seen: string[] = [];
        const retries: unknown[] = [];
        const subscription = watchCheckpoints({ client, checkpoints }, { initialDelayMs: 50, onRetry: ({ error }) => retries.push(error) }).subscribe((c) =>
          seen.push(c.position),
        );
        try {
          await eventually(() => seen.includes('1'), 'the first read');
          await checkpoints.replaceOne({ _id: 'programmes' }, { position: '2', positionKey: '02' });
          await eventually(() => seen.includes('2'), 'a change');
          if (what === 'collection') await checkpoints.drop();
          else await client.db(database).dropDatabase();
          await eventually(() => retries.length > 0, 'the watcher to notice the drop');
          await checkpoints.insertOne({ _id: 'programmes', position: '3', positionKey: '03' });
          await eventually(() => seen.includes('3'), 'a checkpoint written after the drop');
        } finally {
          subscription.unsubscribe();
        }
      },
      30_000,
    );
  });
} else {
  console.warn('SKIPPED: watchCheckpoints after drops on a replica set — set MONGODB_URI to run it');
  describe.skip('watchCheckpoints on a replica set, after drops (set MONGODB_URI to run it)', () => {
    test('goes on after drops', () => undefined);
  });
}

import { createServer } from 'node:net';
import { MongoClient, MongoServerSelectionError } from 'mongodb';
import { StoreUnavailable } from '../../common/errors';
import { MONGO_COLLECTIONS, type CheckpointRow } from './MongoRows';
import { MongoReadStore } from './MongoReadStore';
import { watchCheckpoints, type CheckpointRetry } from './watchCheckpoints';

/**
 * No server here: the real driver against a local port where nothing listens, to check what the
 * adapter makes of a store it cannot reach. (The behaviour with a server is the contract suite.)
 */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

describe('MongoReadStore without a reachable server', () => {
  test('open fails fast with StoreUnavailable, the driver’s server-selection error as cause', async () => {
    const started = Date.now();
    const error: unknown = await MongoReadStore.open({
      uri: `mongodb://127.0.0.1:${await closedPort()}/tayari?replicaSet=rs0`,
      clientOptions: { serverSelectionTimeoutMS: 500 },
    }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(StoreUnavailable);
    expect((error as StoreUnavailable).cause).toBeInstanceOf(MongoServerSelectionError);
    expect((error as StoreUnavailable).message).toMatch(/MongoDB unavailable \(MongoServerSelectionError\)/);
    expect(elapsed).toBeGreaterThanOrEqual(400);
    expect(elapsed).toBeLessThan(5000);
  });

  test('a direct connection fails the same way', async () => {
    await expect(
      MongoReadStore.open({ uri: `mongodb://127.0.0.1:${await closedPort()}/?directConnection=true`, clientOptions: { serverSelectionTimeoutMS: 500 } }),
    ).rejects.toBeInstanceOf(StoreUnavailable);
  });

  test('a URL that is not a MongoDB URL is a configuration error, not unavailability', async () => {
    await expect(MongoReadStore.open({ uri: 'http://localhost:27017' })).rejects.toThrow(/Invalid scheme/);
  });
});

describe('watchCheckpoints without a reachable server', () => {
  let client: MongoClient;

  beforeAll(async () => {
    client = new MongoClient(`mongodb://127.0.0.1:${await closedPort()}/?directConnection=true`, { serverSelectionTimeoutMS: 100 });
  });

  afterAll(async () => {
    await client.close();
  });

  test('keeps retrying with exponential backoff, emits nothing, never errors; unsubscribing stops it', async () => {
    const checkpoints = client.db('tayari').collection<CheckpointRow>(MONGO_COLLECTIONS.checkpoints);
    const retries: CheckpointRetry[] = [];
    const seen: unknown[] = [];
    const fourRetries = new Promise<void>((resolve) => {
      const subscription = watchCheckpoints(
        { client, checkpoints },
        {
          initialDelayMs: 10,
          maxDelayMs: 40,
          onRetry: (retry) => {
            retries.push(retry);
            if (retries.length === 4) {
              subscription.unsubscribe();
              resolve();
            }
          },
        },
      ).subscribe({ next: (value) => seen.push(value), error: (error: unknown) => seen.push(error), complete: () => seen.push('complete') });
    });
    await fourRetries;
    expect(retries.map((retry) => [retry.attempt, retry.delayMs])).toEqual([
      [1, 10],
      [2, 20],
      [3, 40],
      [4, 40],
    ]);
    expect(retries[0]?.error).toBeInstanceOf(MongoServerSelectionError);
    expect(seen).toEqual([]);
    // Nothing more happens once unsubscribed (no further attempt is scheduled).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(retries).toHaveLength(4);
  });
});

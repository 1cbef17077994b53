import { firstValueFrom, takeWhile, toArray } from 'rxjs';
import type { ReadBatch } from '../ReadStore';
import { positionKey } from '../positionKey';
import { MONGO_COLLECTIONS, type DocRow } from './MongoRows';
import { MongoReadStore } from './MongoReadStore';

/**
 * What the MongoDB adapter promises beyond the shared contract, against a real replica set (set
 * MONGODB_URI): a failure inside the transaction rolls everything back, redelivered batches are
 * harmless, and watchCheckpoints sees commits. Skipped, visibly, without a server.
 */
const uri = process.env.MONGODB_URI;

if (uri) {
  describe('MongoReadStore on a replica set', () => {
    const database = `tayari_rs_${process.pid}_${Date.now().toString(36)}`;
    let store: MongoReadStore;

    beforeAll(async () => {
      store = await MongoReadStore.open({ uri, database });
    });

    beforeEach(async () => {
      await store.clear();
    });

    afterAll(async () => {
      await store.db.dropDatabase();
      await store.close();
    });

    const batchAt = (position: string, v: number): ReadBatch => ({
      docs: [{ collection: 'c', id: 'a', doc: { v } }],
      logs: [{ log: 'history', group: 'p1', key: positionKey(position), entry: { position, v } }],
      checkpoints: { c: position },
    });

    test('a failure after the docs were written in the transaction rolls the whole batch back', async () => {
      await store.commit(batchAt('1', 1));
      // A log entry over BSON's 16 MB limit fails after the docs' bulkWrite ran in the transaction.
      const tooBig = batchAt('2', 2);
      tooBig.logs = [{ log: 'history', group: 'p1', key: positionKey('2'), entry: { text: 'x'.repeat(17 * 1024 * 1024) } }];
      await expect(store.commit(tooBig)).rejects.toThrow();
      expect(await store.get('c', 'a')).toEqual({ v: 1 });
      expect((await store.log('history', 'p1', undefined, 10)).map((entry) => (entry as { position: string }).position)).toEqual(['1']);
      expect(await store.checkpoints()).toEqual({ c: '1' });
    });

    test('a batch delivered twice, or an older one delivered late, changes nothing', async () => {
      await store.commit(batchAt('5', 5));
      await store.commit(batchAt('5', 5));
      await store.commit(batchAt('3', 3));
      expect(await store.get('c', 'a')).toEqual({ v: 5 });
      expect(await store.checkpoints()).toEqual({ c: '5' });
      expect((await store.log('history', 'p1', undefined, 10)).map((entry) => (entry as { position: string }).position)).toEqual(['3', '5']);
      const row = await store.db.collection<DocRow>(MONGO_COLLECTIONS.docs).findOne({ _id: 'c:a' });
      expect(row).toMatchObject({ position: '5', positionKey: positionKey('5') });
    });

    test('concurrent commits of the same doc both succeed (write conflicts are retried); the later position wins', async () => {
      await Promise.all([store.commit(batchAt('7', 7)), store.commit(batchAt('8', 8)), store.commit(batchAt('6', 6))]);
      expect(await store.get('c', 'a')).toEqual({ v: 8 });
      expect(await store.checkpoints()).toEqual({ c: '8' });
    });

    test('watchCheckpoints emits the stored checkpoints, then each commit', async () => {
      await store.commit({ docs: [], checkpoints: { m: '1' } });
      const seen = firstValueFrom(
        store.watchCheckpoints().pipe(
          takeWhile((checkpoint) => checkpoint.position !== '3', true),
          toArray(),
        ),
      );
      // Give the change stream a moment to open; a commit made before it opens is still seen
      // (it starts at the cluster time of its first read), either in that read or as a change.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await store.commit({ docs: [], checkpoints: { m: '2' } });
      await store.commit({ docs: [], checkpoints: { m: '3' } });
      const positions = (await seen).map((checkpoint) => `${checkpoint.name}@${checkpoint.position}`);
      // The change stream starts at the read's cluster time, inclusive: a checkpoint may come twice.
      expect(positions.filter((position, i) => position !== positions[i - 1])).toEqual(['m@1', 'm@2', 'm@3']);
    });

    test('close completes active watches, and a closed store refuses new ones', async () => {
      const other = await MongoReadStore.open({ uri, database });
      const completed = new Promise<void>((resolve, reject) => other.watchCheckpoints().subscribe({ complete: resolve, error: reject }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await other.close();
      await completed;
      await expect(firstValueFrom(other.watchCheckpoints())).rejects.toThrow(/closed/);
      await expect(other.checkpoints()).rejects.toThrow(/closed/);
      await other.close(); // twice is fine
    });
  });
} else {
  console.warn('SKIPPED: MongoDB replica-set tests (rollback, redelivery, watchCheckpoints) — set MONGODB_URI to run them');
  describe.skip('MongoReadStore on a replica set (set MONGODB_URI to run it)', () => {
    test('rolls back, ignores redelivered batches, and watches checkpoints', () => undefined);
  });
}

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './SqliteEventStore';

/**
 * A full store (SQLITE_FULL, here from `maxPageCount`): appends fail with `StoreFull` and a
 * group-commit batch fails whole; raising the cap at run time lets the same appends through.
 * The service's answer to it (503 store-full) is in test/faults/diskFull.test.ts.
 */
const NOTE = 'ब'.repeat(500);
const event = (i: number) => ({ id: randomUUID(), type: 'Noted', data: { i, text: NOTE }, metadata: { i } });

describe.each(['worker', 'inline'] as const)('SqliteEventStore (%s writer) at its size cap', (writer) => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'tayari-full-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  test('a group-commit batch that does not fit fails whole with StoreFull; the same appends succeed once the cap is raised', async () => {
    // A new store is 7 pages (schema and indexes): 2 pages of room.
    const full = await SqliteEventStore.open({ file: join(folder, 'events.db'), writer, maxPageCount: 9 });
    try {
      await full.append('first', [event(0)], 'no_stream');
      // Ten appends in one macrotask: one transaction; together they need far more than 2 pages.
      const batch = Array.from({ length: 10 }, (_, i) => ({ stream: `s-${i}`, events: [event(i), event(i + 100)] }));
      const outcomes = await Promise.allSettled(batch.map((a) => full.append(a.stream, a.events, 'no_stream')));
      expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as Error).name : 'fulfilled'))).toEqual(Array(10).fill('StoreFull'));
      expect((await full.readAll(undefined, 100)).map((e) => e.streamId)).toEqual(['first']);
      expect(full.stats()).toMatchObject({ transactions: 1 });

      expect(await full.setMaxPageCount(2 ** 30)).toBe(2 ** 30);
      const retried = await Promise.all(batch.map((a) => full.append(a.stream, a.events, 'no_stream')));
      expect(retried.map((r) => r.version)).toEqual(Array(10).fill(2));
      expect(await full.readAll(undefined, 100)).toHaveLength(21);
      expect(full.stats()).toMatchObject({ transactions: 2, largestBatch: 10 });
    } finally {
      await full.close();
    }
  });
});

import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConcurrencyError } from '../../common/errors';
import type { EventToAppend } from '../EventStore';
import { nth } from '../../testing/nth';
import { SqliteEventStore } from './SqliteEventStore';

const events = (count: number): EventToAppend[] => Array.from({ length: count }, (_, i) => ({ id: randomUUID(), type: 'Tested', data: { i }, metadata: {} }));

describe.each(['worker', 'inline'] as const)('SqliteEventStore group commit (%s writer)', (writer) => {
  let folder: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-es-group-'));
    store = await SqliteEventStore.open({ file: path.join(folder, 'events.db'), writer });
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('writes N concurrent appends in fewer than N transactions', async () => {
    const n = 50;
    const before = store.stats().transactions;
    const results = await Promise.all(Array.from({ length: n }, (_, i) => store.append(`group-${i}`, events(2), 'no_stream')));
    const transactions = store.stats().transactions - before;
    expect(results.every((result) => result.version === 2)).toBe(true);
    // Made in one macrotask, so they are one batch.
    expect(transactions).toBe(1);
    expect(store.stats().largestBatch).toBe(n);
    expect(await store.readAll(undefined, 1000)).toHaveLength(2 * n);
  });

  it('adds appends made while a commit is in flight to the next transaction', async () => {
    const before = store.stats().transactions;
    const first = store.append('inflight-0', events(1), 'no_stream');
    // The first batch leaves on the next turn of the loop; these arrive while it is in flight.
    await new Promise((resolve) => setImmediate(resolve));
    const later = Array.from({ length: 20 }, (_, i) => store.append(`inflight-${i + 1}`, events(1), 'no_stream'));
    await Promise.all([first, ...later]);
    expect(store.stats().transactions - before).toBeLessThanOrEqual(3);
  });

  it('fails only the append whose expected version is wrong; the rest of its batch commits', async () => {
    await store.append('batch-b', events(1), 'no_stream');
    const before = store.stats().transactions;
    const [a, b, c, d] = await Promise.allSettled([
      store.append('batch-a', events(2), 'no_stream'),
      store.append('batch-b', events(1), 7),
      store.append('batch-c', events(1), 'no_stream'),
      store.append('batch-b', events(1), 1),
    ]);
    expect(store.stats().transactions - before).toBe(1);
    expect(a).toEqual({ status: 'fulfilled', value: expect.objectContaining({ version: 2 }) });
    expect(b.status).toBe('rejected');
    expect((b as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    expect((b as PromiseRejectedResult).reason).toMatchObject({ expected: '7', actual: '1' });
    expect(c).toEqual({ status: 'fulfilled', value: expect.objectContaining({ version: 1 }) });
    expect(d).toEqual({ status: 'fulfilled', value: expect.objectContaining({ version: 2 }) });
    expect(await store.readStream('batch-b')).toHaveLength(2);
  });

  it('sees, inside a batch, what earlier appends of the same batch wrote', async () => {
    const [first, second, third] = await Promise.allSettled([
      store.append('chain', events(1), 'no_stream'),
      store.append('chain', events(2), 1),
      store.append('chain', events(1), 1),
    ]);
    expect(first).toEqual({ status: 'fulfilled', value: expect.objectContaining({ version: 1 }) });
    expect(second).toEqual({ status: 'fulfilled', value: expect.objectContaining({ version: 3 }) });
    expect((third as PromiseRejectedResult).reason).toMatchObject({ actual: '3' });
  });

  it('refuses a partial overlap of event ids, alone in its batch', async () => {
    const stored = events(2);
    await store.append('overlap', stored, 'no_stream');
    const [partial, other] = await Promise.allSettled([
      store.append('overlap', [nth(stored, 1), ...events(1)], 2),
      store.append('overlap-other', events(1), 'no_stream'),
    ]);
    expect(partial.status).toBe('rejected');
    expect(String((partial as PromiseRejectedResult).reason)).toMatch(/event ids/);
    expect(other.status).toBe('fulfilled');
    // The same ids in another stream are refused too.
    await expect(store.append('overlap-elsewhere', stored, 'any')).rejects.toThrow(/event ids/);
    expect(await store.readStream('overlap')).toHaveLength(2);
  });

  it('fails only the append whose idempotency answer is not JSON; the others of its batch commit', async () => {
    const expiresAt = new Date(Date.now() + 60_000).toISOString();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const [good, bad, plain] = await Promise.allSettled([
      store.append('body-good', events(1), 'no_stream', { idempotency: { key: 'k-good', requestHash: 'h', status: 201, expiresAt, answer: { id: 'g' } } }),
      store.append('body-bad', events(1), 'no_stream', { idempotency: { key: 'k-bad', requestHash: 'h', status: 201, expiresAt, answer: circular } }),
      store.append('body-plain', events(1), 'no_stream'),
    ]);
    expect(good.status).toBe('fulfilled');
    expect(plain.status).toBe('fulfilled');
    expect(bad.status).toBe('rejected');
    expect(await store.readStream('body-bad')).toEqual([]);
    expect(await store.idempotency.get('k-bad', new Date())).toBeUndefined();
    expect((await store.idempotency.get('k-good', new Date()))?.body).toEqual({ id: 'g', version: 1, position: expect.any(String) });
  });

  it('refuses an append that holds the same event id twice, alone in its batch', async () => {
    const twice = nth(events(1), 0);
    const [bad, good] = await Promise.allSettled([store.append('twice', [twice, twice], 'no_stream'), store.append('once', events(1), 'no_stream')]);
    expect(String((bad as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(good.status).toBe('fulfilled');
    expect(await store.readStream('twice')).toEqual([]);
  });

  it('refuses data that is not JSON before it reaches a batch', async () => {
    const [bad, good] = await Promise.allSettled([
      store.append('bigint', [{ id: randomUUID(), type: 'T', data: { n: 1n }, metadata: {} }], 'no_stream'),
      store.append('fine', events(1), 'no_stream'),
    ]);
    expect(bad.status).toBe('rejected');
    expect(good.status).toBe('fulfilled');
  });

  it('settles an append only after its commit is visible to another connection', async () => {
    const result = await store.append('visible', events(3), 'no_stream');
    const { default: Database } = await import('better-sqlite3');
    const other = new Database(path.join(folder, 'events.db'), { readonly: true });
    try {
      const row = other.prepare('SELECT count(*) AS n, max(seq) AS last FROM events WHERE stream_id = ?').get('visible') as {
        n: number;
        last: number;
      };
      expect(row).toEqual({ n: 3, last: Number(result.position) });
    } finally {
      other.close();
    }
  });

  it('waits for queued appends on close', async () => {
    const pending = Array.from({ length: 10 }, (_, i) => store.append(`closing-${i}`, events(1), 'no_stream'));
    const closed = store.close();
    await expect(Promise.all(pending)).resolves.toHaveLength(10);
    await closed;
    await expect(store.append('after-close', events(1), 'no_stream')).rejects.toThrow(/closed/);
    // Reopen for afterEach, and check the appends are there.
    store = await SqliteEventStore.open({ file: path.join(folder, 'events.db'), writer });
    expect(await store.readAll(undefined, 100)).toHaveLength(10);
  });
});

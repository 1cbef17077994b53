import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { firstValueFrom } from 'rxjs';
import type { EventToAppend } from '../EventStore';
import { SqliteEventStore } from './SqliteEventStore';

const events = (count: number): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => ({ id: randomUUID(), type: 'Tested', data: { i, text: 'स्टोर' }, metadata: { m: i } }));

describe('SqliteEventStore storage', () => {
  let folder: string;
  let file: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-es-storage-'));
    file = path.join(folder, 'events.db');
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('opens in WAL mode with synchronous=FULL on the writer', async () => {
    const store = await SqliteEventStore.open({ file });
    await store.close();
    const db = new Database(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('keeps events across a reopen, and streams continue where they were', async () => {
    const first = await SqliteEventStore.open({ file });
    const written = await first.append('kept', events(2), 'no_stream');
    await first.close();
    const second = await SqliteEventStore.open({ file });
    try {
      expect(await second.readStream('kept')).toHaveLength(2);
      expect(await second.headPosition()).toBe(written.position);
      const next = await second.append('kept', events(1), 2);
      expect(next.version).toBe(3);
      expect(second.comparePositions(next.position, written.position)).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });

  it('refuses a second store on the same file while the first is open', async () => {
    const store = await SqliteEventStore.open({ file });
    try {
      await expect(SqliteEventStore.open({ file })).rejects.toThrow(`${file} is in use by process ${process.pid}`);
    } finally {
      await store.close();
    }
    const again = await SqliteEventStore.open({ file });
    await again.close();
  });

  it('answers the current version and last position to an append of no events', async () => {
    const store = await SqliteEventStore.open({ file });
    try {
      expect(await store.append('empty', [], 'no_stream')).toEqual({ version: 0, position: '0' });
      const written = await store.append('empty', events(2), 'no_stream');
      expect(await store.append('empty', [], 2)).toEqual(written);
      await expect(store.append('empty', [], 1)).rejects.toMatchObject({ actual: '2' });
    } finally {
      await store.close();
    }
  });

  it('prunes expired idempotency records', async () => {
    const now = new Date('2030-06-01T00:00:00Z');
    const store = await SqliteEventStore.open({ file, now: () => now });
    try {
      await store.idempotency.put({ key: 'old', requestHash: 'h', status: 200, body: 1, expiresAt: '2030-05-31T23:59:59Z' });
      await store.idempotency.put({ key: 'new', requestHash: 'h', status: 200, body: 2, expiresAt: '2030-06-02T00:00:00Z' });
      expect(await store.pruneExpired()).toBe(1);
      expect(await store.idempotency.get('new', now)).toMatchObject({ body: 2 });
      expect(await store.pruneExpired(new Date('2030-06-03T00:00:00Z'))).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('rejects positions that are not its own, and limits below 1', async () => {
    const store = await SqliteEventStore.open({ file: ':memory:' });
    try {
      await expect(store.readAll('abc', 10)).rejects.toThrow(/not a position/);
      await expect(firstValueFrom(store.subscribeAll('-1'))).rejects.toThrow(/not a position/);
      await store.append('limits', events(3), 'no_stream');
      expect(await store.readAll(undefined, -1)).toEqual([]);
      expect(await store.readAll(undefined, 2)).toHaveLength(2);
      expect(() => store.comparePositions('1', '0:1')).toThrow(/not a position/);
      expect(store.comparePositions('9', '10')).toBeLessThan(0);
    } finally {
      await store.close();
    }
  });

  it('catches up a long history in pages and then follows live appends', async () => {
    const store = await SqliteEventStore.open({ file, pageSize: 50 });
    try {
      for (let i = 0; i < 20; i++) {
        await Promise.all(Array.from({ length: 10 }, (_, k) => store.append(`long-${k}`, events(3), i * 3)));
      }
      const seen: string[] = [];
      const subscription = store.subscribeAll(undefined).subscribe((event) => seen.push(event.position));
      const live = store.append('long-live', events(2), 'no_stream');
      await live;
      const until = Date.now() + 5000;
      while (seen.length < 602 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
      subscription.unsubscribe();
      expect(seen).toEqual(Array.from({ length: 602 }, (_, i) => String(i + 1)));
    } finally {
      await store.close();
    }
  });
});

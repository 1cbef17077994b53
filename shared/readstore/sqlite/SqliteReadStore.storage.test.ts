import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { LOG_BEFORE_SQL, LOG_NEWEST_SQL, SqliteReadStore } from './SqliteReadStore';

describe('SqliteReadStore storage', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-rs-storage-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('keeps committed models and checkpoints across a reopen', async () => {
    const file = path.join(folder, 'read.db');
    const first = new SqliteReadStore({ file });
    await first.commit({ docs: [{ collection: 'c', id: 'a', doc: { v: 'दौरा' } }], checkpoints: { m: '7' } });
    await first.close();
    const second = new SqliteReadStore({ file });
    expect(await second.get('c', 'a')).toEqual({ v: 'दौरा' });
    expect(await second.checkpoints()).toEqual({ m: '7' });
    await second.close();
  });

  it('reads a log newest first along its primary key, with no sort of the group’s entries', async () => {
    const file = path.join(folder, 'read.db');
    const store = new SqliteReadStore({ file });
    await store.close();
    const db = new Database(file, { readonly: true });
    try {
      const plan = (sql: string, ...args: unknown[]) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((row) => row.detail).join('; ');
      // The store's own statements, so a change to them is planned here.
      const newest = plan(LOG_NEWEST_SQL, 'history', 'p1', 10);
      const before = plan(LOG_BEFORE_SQL, 'history', 'p1', 'k', 10);
      for (const detail of [newest, before]) {
        expect(detail).toMatch(/USING PRIMARY KEY \(log=\? AND grp=\?/);
        expect(detail).not.toMatch(/TEMP B-TREE/);
      }
    } finally {
      db.close();
    }
  });

  it('refuses to commit once closed', async () => {
    const store = new SqliteReadStore({ file: path.join(folder, 'read.db') });
    await store.close();
    await expect(store.commit({ docs: [], checkpoints: {} })).rejects.toThrow(/closed/);
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteReadStore } from './SqliteReadStore';

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

  it('refuses to commit once closed', async () => {
    const store = new SqliteReadStore({ file: path.join(folder, 'read.db') });
    await store.close();
    await expect(store.commit({ docs: [], checkpoints: {} })).rejects.toThrow(/closed/);
  });
});

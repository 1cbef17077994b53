import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readStoreContract } from '../contract/readStoreContract';
import { SqliteReadStore } from './SqliteReadStore';

const folders: string[] = [];

function tempFile(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-rs-contract-'));
  folders.push(folder);
  return path.join(folder, 'read.db');
}

afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

readStoreContract('sqlite (file)', async () => new SqliteReadStore({ file: tempFile() }));
readStoreContract('sqlite (:memory:)', async () => new SqliteReadStore({ file: ':memory:' }));

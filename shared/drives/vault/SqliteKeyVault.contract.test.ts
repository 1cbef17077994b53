import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyVaultContract } from './keyVaultContract';
import { SqliteKeyVault } from './SqliteKeyVault';

const dir = mkdtempSync(join(tmpdir(), 'tayari-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

keyVaultContract('sqlite', async () => new SqliteKeyVault(join(dir, `keys-${++n}.sqlite`)));

test('sqlite: a deleted key leaves no trace in the file; keys outlive a reopen', async () => {
  const file = join(dir, 'shred.sqlite');
  const vault = new SqliteKeyVault(file);
  const kept = await vault.create('kept');
  const gone = await vault.create('gone');
  await vault.close();
  expect(readFileSync(file).includes(gone)).toBe(true);
  const reopened = new SqliteKeyVault(file);
  expect((await reopened.get(['kept'])).get('kept')?.equals(kept)).toBe(true);
  await reopened.delete('gone');
  const bytes = () =>
    Buffer.concat(
      readdirSync(dir)
        .filter((name) => name.startsWith('shred.sqlite'))
        .map((name) => readFileSync(join(dir, name))),
    );
  // While the store is open (as the server keeps it), and after it closed.
  expect(bytes().includes(gone)).toBe(false);
  expect(bytes().includes(kept)).toBe(true);
  await reopened.close();
  expect(bytes().includes(gone)).toBe(false);
});

import type { KeyVault } from './KeyVault';

/** What every key store must do; run against each adapter (`<Adapter>.contract.test.ts`). */
export function keyVaultContract(name: string, open: () => Promise<KeyVault>): void {
  describe(`KeyVault contract: ${name}`, () => {
    let vault: KeyVault;
    beforeEach(async () => {
      vault = await open();
    });
    afterEach(() => vault.close());

    test('creates a random 256-bit key per id, and answers the same key for an id that has one', async () => {
      const a = await vault.create('key-a');
      const b = await vault.create('key-b');
      expect(a).toHaveLength(32);
      expect(a.equals(b)).toBe(false);
      expect((await vault.create('key-a')).equals(a)).toBe(true);
    });

    test('gets the keys of the ids that have one', async () => {
      const a = await vault.create('key-c');
      const keys = await vault.get(['key-c', 'key-missing']);
      expect([...keys.keys()]).toEqual(['key-c']);
      expect(keys.get('key-c')?.equals(a)).toBe(true);
      expect((await vault.get([])).size).toBe(0);
    });

    test('deletes a key for good; deleting again or an unknown id is fine', async () => {
      const before = await vault.create('key-d');
      await vault.delete('key-d');
      await vault.delete('key-d');
      await vault.delete('key-never');
      expect((await vault.get(['key-d'])).size).toBe(0);
      // A new key under the same id is a new key: the old one cannot come back.
      expect((await vault.create('key-d')).equals(before)).toBe(false);
    });

    test('concurrent creations of one id agree on one key', async () => {
      const keys = await Promise.all(Array.from({ length: 8 }, () => vault.create('key-e')));
      for (const key of keys) expect(key.equals(keys[0] ?? Buffer.alloc(0))).toBe(true);
    });
  });
}

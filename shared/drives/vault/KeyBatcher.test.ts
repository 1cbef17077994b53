import { KeyBatcher } from './KeyBatcher';

const keyOf = (id: string) => Buffer.from(id.padEnd(32, '.'));

test('creates asked together are written by one write; each caller gets its own key', async () => {
  const writes: string[][] = [];
  const batcher = new KeyBatcher(async (ids) => {
    writes.push([...ids]);
    return new Map(ids.map((id) => [id, keyOf(id)]));
  });
  const ids = Array.from({ length: 200 }, (_, i) => `k${i}`);
  const keys = await Promise.all([...ids, 'k7'].map((id) => batcher.create(id)));
  expect(writes).toEqual([ids]);
  expect(keys.map((key) => key.toString().replace(/\.+$/, ''))).toEqual([...ids, 'k7']);
});

test('creates asked while a write is in flight go in the next one; a failed write fails only its own', async () => {
  let calls = 0;
  const batcher = new KeyBatcher(async (ids) => {
    calls += 1;
    if (calls === 1) throw new Error('disk full');
    return new Map(ids.map((id) => [id, keyOf(id)]));
  });
  const first = batcher.create('a');
  await new Promise((resolve) => setImmediate(resolve));
  const second = batcher.create('b');
  await expect(first).rejects.toThrow('disk full');
  expect((await second).toString().startsWith('b')).toBe(true);
  await batcher.idle();
  expect(calls).toBe(2);
});

test('an id the write did not answer is refused', async () => {
  const batcher = new KeyBatcher(async () => new Map());
  await expect(batcher.create('x')).rejects.toThrow('key x was not stored');
});

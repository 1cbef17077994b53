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

/** A write that waits until the test lets it finish: a write "in flight" for as long as the test needs. */
function heldWrites() {
  const writes: string[][] = [];
  const held: (() => void)[] = [];
  const write = async (ids: readonly string[]) => {
    writes.push([...ids]);
    await new Promise<void>((resolve) => held.push(resolve));
    return new Map(ids.map((id) => [id, keyOf(id)]));
  };
  const release = () => {
    for (const go of held.splice(0)) go();
  };
  return { writes, write, release, inFlight: () => held.length };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

test('close waits for the write in flight, then refuses new creates ("key store closed")', async () => {
  const { write, release, inFlight } = heldWrites();
  const batcher = new KeyBatcher(write);
  const before = batcher.create('a');
  await turn();
  expect(inFlight()).toBe(1);
  let closed = false;
  const closing = batcher.close().then(() => {
    closed = true;
  });
  await turn();
  expect(closed).toBe(false);
  await expect(batcher.create('late')).rejects.toThrow('key store closed');
  release();
  await closing;
  expect((await before).toString().startsWith('a')).toBe(true);
  await expect(batcher.create('later')).rejects.toThrow('key store closed');
});

test('a burst over maxBatch is split into writes of at most maxBatch ids, each id once', async () => {
  const writes: string[][] = [];
  const batcher = new KeyBatcher(async (ids) => {
    writes.push([...ids]);
    return new Map(ids.map((id) => [id, keyOf(id)]));
  }, 3);
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const keys = await Promise.all(ids.map((id) => batcher.create(id)));
  expect(writes).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
  expect(keys.map((key) => key.toString().replace(/\.+$/, ''))).toEqual(ids);
});

test('idle waits for creates still queued behind the write in flight, not only for that write', async () => {
  const { writes, write, release, inFlight } = heldWrites();
  const batcher = new KeyBatcher(write);
  const first = batcher.create('a');
  await turn();
  const queued = batcher.create('b');
  let idle = false;
  const waiting = batcher.idle().then(() => {
    idle = true;
  });
  release();
  await first;
  // The first write is done, 'b' is queued or being written: not idle yet.
  for (let i = 0; i < 5 && inFlight() === 0; i++) await turn();
  expect(idle).toBe(false);
  expect(writes).toEqual([['a'], ['b']]);
  release();
  await waiting;
  expect((await queued).toString().startsWith('b')).toBe(true);
});

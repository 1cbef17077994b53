import { Readable } from 'node:stream';
import { StoreUnavailable } from '../../common/errors';
import { collectWithin, type CancellableRead } from './collectWithin';

/** A read like the client's (a Readable with cancel()), fed by hand. */
function fakeRead(items: number[], options: { stall?: boolean; fail?: Error } = {}) {
  const calls = { cancel: 0 };
  const stream = new Readable({
    objectMode: true,
    read() {
      if (options.stall) return; // never pushes: a server that stopped answering
      if (options.fail) {
        this.destroy(options.fail);
        return;
      }
      for (const item of items) this.push(item);
      this.push(null);
    },
  });
  const read = Object.assign(stream, {
    async cancel() {
      calls.cancel += 1;
    },
  }) as Readable & CancellableRead<number>;
  return { read, calls };
}

describe('collectWithin', () => {
  test('collects every item of a read that ends in time', async () => {
    const { read, calls } = fakeRead([1, 2, 3]);
    await expect(collectWithin(read, 1000, 'a test read')).resolves.toEqual([1, 2, 3]);
    expect(calls.cancel).toBe(0);
  });

  test('passes on the read’s own error unchanged', async () => {
    const failure = new Error('boom');
    const { read } = fakeRead([], { fail: failure });
    await expect(collectWithin(read, 1000, 'a test read')).rejects.toBe(failure);
  });

  test('a read that stalls is cancelled and answered with StoreUnavailable at the deadline', async () => {
    const { read, calls } = fakeRead([], { stall: true });
    const error: unknown = await collectWithin(read, 30, 'a read of tour-1').catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StoreUnavailable);
    expect((error as Error).message).toBe('EventStoreDB did not answer a read of tour-1 within 30 ms');
    expect(calls.cancel).toBe(1);
    expect(read.destroyed).toBe(true);
  });
});

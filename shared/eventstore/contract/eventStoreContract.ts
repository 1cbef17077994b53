import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from '../../common/errors';
import type { EventStore, ExpectedVersion } from '../EventStore';
import { expectConcurrency, expectIncreasing, makeEvents, streamName } from './contractHelpers';
import { nth } from '../../testing/nth';
import { allStreamContract } from './allStreamContract';
import { appendConditionsContract } from './appendConditionsContract';
import { idempotencyRecordsContract } from './idempotencyRecordsContract';

/**
 * The behaviour every EventStore adapter promises, as one jest suite. An adapter's test calls
 * `eventStoreContract('sqlite', () => open…())`. One store serves the whole suite and every test
 * uses its own streams (random names), so it also runs against a shared server holding other data.
 */
export function eventStoreContract(name: string, make: () => Promise<EventStore>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;

    beforeAll(async () => {
      store = await make();
    });

    afterAll(async () => {
      await store?.close();
    });

    describe('append and readStream', () => {
      it('creates a stream with no_stream and answers its version and last position', async () => {
        const stream = streamName('create');
        const events = makeEvents(2);
        const result = await store.append(stream, events, 'no_stream');
        expect(result.version).toBe(2);
        const read = await store.readStream(stream);
        expect(read.map((event) => event.id)).toEqual(events.map((event) => event.id));
        expect(read.map((event) => event.version)).toEqual([1, 2]);
        expect(nth(read, 1).position).toBe(result.position);
        const { type, data, metadata } = nth(events, 0);
        expect(nth(read, 0)).toMatchObject({ streamId: stream, type, data, metadata });
        expect(typeof nth(read, 0).position).toBe('string');
      });

      it('creates a stream with any', async () => {
        const stream = streamName('any');
        expect((await store.append(stream, makeEvents(1), 'any')).version).toBe(1);
        expect((await store.append(stream, makeEvents(2), 'any')).version).toBe(3);
      });

      it('appends at the exact version, and with stream_exists', async () => {
        const stream = streamName('exact');
        await store.append(stream, makeEvents(1), 'no_stream');
        expect((await store.append(stream, makeEvents(2), 1)).version).toBe(3);
        expect((await store.append(stream, makeEvents(1), 3)).version).toBe(4);
        expect((await store.append(stream, makeEvents(1), 'stream_exists')).version).toBe(5);
      });

      it('refuses a version mismatch with ConcurrencyError naming the actual version', async () => {
        const stream = streamName('mismatch');
        await store.append(stream, makeEvents(2), 'no_stream');
        await expectConcurrency(store.append(stream, makeEvents(1), 5), { expected: '5', actual: '2' });
        await expectConcurrency(store.append(stream, makeEvents(1), 1), { expected: '1', actual: '2' });
        await expectConcurrency(store.append(stream, makeEvents(1), 'no_stream'), { expected: 'no_stream', actual: '2' });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('names "no_stream" as the actual version of a stream that does not exist', async () => {
        const stream = streamName('missing');
        await expectConcurrency(store.append(stream, makeEvents(1), 3), { expected: '3', actual: 'no_stream' });
        await expectConcurrency(store.append(stream, makeEvents(1), 'stream_exists'), {
          expected: 'stream_exists',
          actual: 'no_stream',
        });
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('answers [] for a stream that does not exist', async () => {
        expect(await store.readStream(streamName('nothing'))).toEqual([]);
      });

      it('keeps versions contiguous and positions increasing within a stream', async () => {
        const stream = streamName('contiguous');
        let version: ExpectedVersion = 'no_stream';
        for (const size of [1, 3, 2, 1]) {
          version = (await store.append(stream, makeEvents(size), version)).version;
        }
        const read = await store.readStream(stream);
        expect(read.map((event) => event.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
        expectIncreasing(
          store,
          read.map((event) => event.position),
        );
      });

      it('round-trips Unicode (Devanagari, emoji, combining marks) in data and metadata', async () => {
        const stream = streamName('unicode');
        const data = {
          title: 'जन आशीर्वाद यात्रा — भोपाल',
          place: 'ग्वालियर',
          notes: ['क्षेत्र', 'नमस्ते 🙏🏽', 'e\u0301 vs é', '𝄞', 'مرحبا', '\u0000 nul'],
          nested: { कुंजी: 'मान' },
        };
        const metadata = { actor: { name: 'सुनीता शर्मा' }, reason: 'ज़रूरी' };
        await store.append(stream, [{ id: randomUUID(), type: 'StopAdded', data, metadata }], 'no_stream');
        const read = nth(await store.readStream(stream), 0);
        expect(read.data).toEqual(data);
        expect(read.metadata).toEqual(metadata);
      });
    });

    describe('idempotency by event id', () => {
      it('answers the first result to a retry with the same event ids, without duplicating', async () => {
        const stream = streamName('retry');
        const events = makeEvents(2);
        const first = await store.append(stream, events, 'no_stream');
        expect(await store.append(stream, events, 'no_stream')).toEqual(first);
        expect(await store.append(stream, events, 'any')).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('still recognises the retry after later appends', async () => {
        const stream = streamName('retry-later');
        const events = makeEvents(3);
        await store.append(stream, makeEvents(1), 'no_stream');
        const first = await store.append(stream, events, 1);
        await store.append(stream, makeEvents(2), 4);
        expect(await store.append(stream, events, 1)).toEqual(first);
        const read = await store.readStream(stream);
        expect(read.map((event) => event.version)).toEqual([1, 2, 3, 4, 5, 6]);
      });

      it('recognises retries racing the original', async () => {
        const stream = streamName('retry-race');
        const events = makeEvents(2);
        const results = await Promise.all([1, 2, 3].map(() => store.append(stream, events, 'no_stream')));
        expect(results[1]).toEqual(results[0]);
        expect(results[2]).toEqual(results[0]);
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('concurrent appends', () => {
      it('lets exactly one of several appends at the same exact version win', async () => {
        const stream = streamName('race');
        await store.append(stream, makeEvents(1), 'no_stream');
        const settled = await Promise.allSettled(Array.from({ length: 8 }, () => store.append(stream, makeEvents(1), 1)));
        const won = settled.filter((outcome) => outcome.status === 'fulfilled');
        const lost = settled.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(7);
        for (const outcome of lost) {
          expect(outcome.reason).toBeInstanceOf(ConcurrencyError);
          expect(outcome.reason).toMatchObject({ expected: '1', actual: '2' });
        }
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('lets exactly one of several appends with no_stream create the stream', async () => {
        const stream = streamName('create-race');
        const settled = await Promise.allSettled(Array.from({ length: 5 }, () => store.append(stream, makeEvents(2), 'no_stream')));
        expect(settled.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('keeps every stream consistent under concurrent appends to many streams', async () => {
        const streams = Array.from({ length: 4 }, (_, i) => streamName(`many-${i}`));
        await Promise.all(
          streams.map(async (stream) => {
            let version: ExpectedVersion = 'no_stream';
            for (let i = 0; i < 10; i++) version = (await store.append(stream, makeEvents(1 + (i % 3)), version)).version;
          }),
        );
        for (const stream of streams) {
          const read = await store.readStream(stream);
          expect(read.map((event) => event.version)).toEqual(read.map((_, i) => i + 1));
          expect(read).toHaveLength(19); // 1+2+3+1+2+3+1+2+3+1
        }
      });
    });

    allStreamContract(() => store);
    appendConditionsContract(() => store);
    idempotencyRecordsContract(() => store);
  });
}

import type { AppendResult, EventStore, Position, RecordedEvent } from '../EventStore';
import { appendSeveral, collect, expectIncreasing, makeEvents, streamName, waitFor } from './contractHelpers';
import { nth } from '../../testing/nth';

/** `$all`: global positions, paging through readAll, and subscribeAll's catch-up then live. Part of the EventStore contract. */
export function allStreamContract(store: () => EventStore): void {
  describe('$all', () => {
    it('orders positions strictly across streams, and headPosition is the newest', async () => {
      const a = streamName('all-a');
      const b = streamName('all-b');
      const results: AppendResult[] = [];
      results.push(await store().append(a, makeEvents(1), 'no_stream'));
      results.push(await store().append(b, makeEvents(2), 'no_stream'));
      results.push(await store().append(a, makeEvents(1), 1));
      expectIncreasing(
        store(),
        results.map((result) => result.position),
      );
      const head = await store().headPosition();
      expect(head).toBeDefined();
      expect(store().comparePositions(head as Position, nth(results, 2).position)).toBeGreaterThanOrEqual(0);
      expect(store().comparePositions(nth(results, 0).position, nth(results, 0).position)).toBe(0);
      expect(store().comparePositions(nth(results, 2).position, nth(results, 0).position)).toBeGreaterThan(0);
    });

    it('pages through readAll, exclusive of `after`, without gaps or repeats', async () => {
      const before = await store().headPosition();
      const stream = streamName('page');
      const mine = await appendSeveral(store(), stream, [2, 1, 3, 1]);
      const seen: RecordedEvent[] = [];
      let after = before;
      for (let pages = 0; pages < 1000; pages++) {
        const page = await store().readAll(after, 2);
        expect(page.length).toBeLessThanOrEqual(2);
        if (page.length === 0) break;
        if (after !== undefined) expect(store().comparePositions(nth(page, 0).position, after)).toBeGreaterThan(0);
        expectIncreasing(
          store(),
          page.map((event) => event.position),
        );
        seen.push(...page);
        after = nth(page, -1).position;
        if (seen.filter((event) => event.streamId === stream).length === mine.length) break;
      }
      expectIncreasing(
        store(),
        seen.map((event) => event.position),
      );
      expect(seen.filter((event) => event.streamId === stream).map((event) => event.id)).toEqual(mine.map((event) => event.id));
    });

    it('reads readAll from a middle position exclusively', async () => {
      const stream = streamName('middle');
      await appendSeveral(store(), stream, [1, 1, 1]);
      const read = await store().readStream(stream);
      const after = await store().readAll(nth(read, 0).position, 1000);
      expect(nth(after, 0).position).not.toBe(nth(read, 0).position);
      expect(after.filter((event) => event.streamId === stream).map((event) => event.version)).toEqual([2, 3]);
    });

    it('subscribeAll catches up then follows live appends, with no gap and no duplicate when appends race the switch', async () => {
      const before = await store().headPosition();
      const stream = streamName('subscribe');
      await appendSeveral(store(), stream, [2, 1, 2]);
      const total = 5 + 40;
      // Appends keep arriving while the subscription reads history and switches to live.
      const appending = (async () => {
        let version = 5;
        for (let i = 0; i < 20; i++) {
          version = (await store().append(stream, makeEvents(1 + (i % 3)), version)).version;
          if (version >= total) break;
          if (i % 4 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        if (version < total) await store().append(stream, makeEvents(total - version), version);
      })();
      const received = await collect(store().subscribeAll(before), stream, total);
      await appending;
      expect(received.map((event) => event.version)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expectIncreasing(
        store(),
        received.map((event) => event.position),
      );
    });

    it('subscribeAll delivers every stream in position order with concurrent writers', async () => {
      const before = await store().headPosition();
      const streams = [streamName('sub-x'), streamName('sub-y'), streamName('sub-z')];
      const all: RecordedEvent[] = [];
      const subscription = store()
        .subscribeAll(before)
        .subscribe((event) => {
          if (streams.includes(event.streamId)) all.push(event);
        });
      try {
        await Promise.all(streams.map((stream) => appendSeveral(store(), stream, [1, 2, 1, 3, 1])));
        await waitFor(() => all.length === 24);
        expectIncreasing(
          store(),
          all.map((event) => event.position),
        );
        for (const stream of streams) {
          const versions = all.filter((event) => event.streamId === stream).map((event) => event.version);
          expect(versions).toEqual(Array.from({ length: 8 }, (_, i) => i + 1));
        }
        const head = await store().headPosition();
        expect(store().comparePositions(head as Position, nth(all, -1).position)).toBeGreaterThanOrEqual(0);
      } finally {
        subscription.unsubscribe();
      }
    });

    it('subscribeAll from a middle position is exclusive of it', async () => {
      const stream = streamName('sub-middle');
      await appendSeveral(store(), stream, [1, 1, 1]);
      const read = await store().readStream(stream);
      const received = await collect(store().subscribeAll(nth(read, 0).position), stream, 2);
      expect(received.map((event) => event.version)).toEqual([2, 3]);
      expect(nth(received, 0).data).toEqual(nth(read, 1).data);
    });

    it('subscribeAll stops delivering once unsubscribed', async () => {
      const stream = streamName('sub-stop');
      const head = await store().headPosition();
      const got: RecordedEvent[] = [];
      const subscription = store()
        .subscribeAll(head)
        .subscribe((event) => {
          if (event.streamId === stream) got.push(event);
        });
      await store().append(stream, makeEvents(1), 'no_stream');
      await waitFor(() => got.length === 1);
      subscription.unsubscribe();
      await store().append(stream, makeEvents(2), 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(got).toHaveLength(1);
    });
  });
}

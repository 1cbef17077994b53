import type { EventStore } from '../EventStore';
import { expectConcurrency, makeEvents, streamName } from './contractHelpers';

/**
 * Append conditions (AppendOptions.conditions): an append holds only while the other streams it
 * names are at the versions given. Part of the EventStore contract; the race itself (a condition
 * stream moving between a check and the append) is closed only where the check is part of the
 * append's transaction (the embedded store; EventStoreDB checks just before).
 */
export function appendConditionsContract(store: () => EventStore): void {
  describe('append conditions on other streams', () => {
    it('appends while the named streams are where the caller read them, existing or not', async () => {
      const guard = streamName('guard');
      const absent = streamName('absent');
      const target = streamName('target');
      await store().append(guard, makeEvents(2), 'no_stream');
      const result = await store().append(target, makeEvents(1), 'no_stream', {
        conditions: [
          { streamId: guard, expected: 2 },
          { streamId: absent, expected: 'no_stream' },
        ],
      });
      expect(result.version).toBe(1);
    });

    it('refuses with ConcurrencyError naming the stream that moved, and appends nothing', async () => {
      const guard = streamName('guard');
      const target = streamName('target');
      await store().append(guard, makeEvents(1), 'no_stream');
      await store().append(guard, makeEvents(1), 1);
      await expectConcurrency(store().append(target, makeEvents(1), 'no_stream', { conditions: [{ streamId: guard, expected: 1 }] }), {
        streamId: guard,
        expected: '1',
        actual: '2',
      });
      expect(await store().readStream(target)).toEqual([]);
    });

    it('refuses when a stream expected not to exist was created', async () => {
      const taken = streamName('taken');
      const target = streamName('target');
      await store().append(taken, makeEvents(1), 'no_stream');
      await expectConcurrency(store().append(target, makeEvents(1), 'no_stream', { conditions: [{ streamId: taken, expected: 'no_stream' }] }), {
        streamId: taken,
        expected: 'no_stream',
        actual: '1',
      });
    });
  });
}

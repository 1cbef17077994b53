import { randomUUID } from 'node:crypto';
import { STREAM_PREFIXES } from '../../application/aggregates';
import { eventId } from '../eventId';
import type { AppendOptions, EventToAppend } from '../EventStore';
import { EsdbEventStore } from './EsdbEventStore';

/**
 * Against a real EventStoreDB / KurrentDB (set EVENTSTORE_CONNECTION_STRING; `npm run test:servers`
 * does): a keyed retry decided again at a newer version, by a second store instance standing for a
 * second API process, appends nothing and answers the first attempt. Skipped, visibly, without a server.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describe('EsdbEventStore keyed retry on a server', () => {
    const stores: EsdbEventStore[] = [];
    const open = () => {
      const store = new EsdbEventStore(connectionString, { streamPrefixes: [...STREAM_PREFIXES, 'contract_'] });
      stores.push(store);
      return store;
    };
    afterAll(async () => {
      for (const store of stores) await store.close();
    });

    const noted = (commandId: string, count: number): EventToAppend[] =>
      Array.from({ length: count }, (_, i) => ({ id: eventId(commandId, i), type: 'Noted', data: { i }, metadata: { commandId } }));
    const keyed = (key: string): AppendOptions => ({
      idempotency: { key, requestHash: 'h', status: 200, expiresAt: new Date(Date.now() + 3_600_000).toISOString(), answer: {} },
    });

    test('a second process decides the retry at the newer version: nothing is appended twice', async () => {
      const stream = `contract_keyed-${randomUUID()}`;
      const commandId = `idem-${randomUUID()}`;
      const first = open();
      await first.append(stream, [{ id: randomUUID(), type: 'Created', data: {}, metadata: { commandId: 'create' } }], 'no_stream');
      const original = await first.append(stream, noted(commandId, 2), 1, keyed(`k-${commandId}`));
      expect(original.version).toBe(3);

      const retry = await open().append(stream, noted(commandId, 2), 3, keyed(`k-${commandId}`));
      expect(retry).toEqual(original);
      expect(await first.readStream(stream)).toHaveLength(3);
    });
  });
} else {
  console.warn('SKIPPED: EventStoreDB keyed retry on a server — set EVENTSTORE_CONNECTION_STRING to run it');
  describe.skip('EsdbEventStore keyed retry on a server (set EVENTSTORE_CONNECTION_STRING to run it)', () => {
    test('answers the first attempt', () => undefined);
  });
}

import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from '../../common/errors';
import type { EventStore } from '../EventStore';
import { makeEvents, streamName } from './contractHelpers';

/** The idempotency records an EventStore keeps beside its streams (part of eventStoreContract). */
export function idempotencyRecordsContract(storeOf: () => EventStore): void {
  describe('idempotency records', () => {
    let store: EventStore;
    beforeAll(() => {
      store = storeOf();
    });

    const inAnHour = (): string => new Date(Date.now() + 3_600_000).toISOString();

    it('stores a record with the append: the answer with the append’s version and position', async () => {
      const stream = streamName('idem');
      const key = `contract:${randomUUID()}`;
      const result = await store.append(stream, makeEvents(2), 'no_stream', {
        idempotency: {
          key,
          requestHash: 'hash-1',
          status: 201,
          expiresAt: inAnHour(),
          answer: { id: stream, नाम: 'परीक्षा' },
        },
      });
      const record = await store.idempotency.get(key, new Date());
      expect(record).toMatchObject({ key, requestHash: 'hash-1', status: 201 });
      expect(record?.body).toEqual({ id: stream, नाम: 'परीक्षा', version: 2, position: result.position });
    });

    it('writes no record when the append is refused', async () => {
      const key = `contract:${randomUUID()}`;
      await expect(
        store.append(streamName('idem-refused'), makeEvents(1), 4, {
          idempotency: { key, requestHash: 'h', status: 200, expiresAt: inAnHour(), answer: {} },
        }),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.idempotency.get(key, new Date())).toBeUndefined();
    });

    it('ignores records that expired', async () => {
      const stream = streamName('idem-expiry');
      const key = `contract:${randomUUID()}`;
      const expiresAt = '2030-01-01T12:00:00+05:30';
      await store.append(stream, makeEvents(1), 'no_stream', {
        idempotency: { key, requestHash: 'h', status: 201, expiresAt, answer: { ok: true } },
      });
      expect(await store.idempotency.get(key, new Date('2030-01-01T06:29:59Z'))).toBeDefined();
      expect(await store.idempotency.get(key, new Date('2030-01-01T06:30:00Z'))).toBeUndefined();
      expect(await store.idempotency.get(`contract:${randomUUID()}`, new Date())).toBeUndefined();
    });

    it('stores a record with put, for commands that append nothing', async () => {
      const key = `contract:${randomUUID()}`;
      await store.idempotency.put({ key, requestHash: 'h2', status: 200, body: { same: 'वही' }, expiresAt: inAnHour() });
      expect(await store.idempotency.get(key, new Date())).toMatchObject({ status: 200, body: { same: 'वही' } });
      const expired = `contract:${randomUUID()}`;
      await store.idempotency.put({ key: expired, requestHash: 'h', status: 200, body: null, expiresAt: '2020-01-01T00:00:00Z' });
      expect(await store.idempotency.get(expired, new Date())).toBeUndefined();
    });
  });
}

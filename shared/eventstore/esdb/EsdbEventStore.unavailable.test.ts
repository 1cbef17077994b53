import { createServer } from 'node:net';
import { firstValueFrom, filter, take, toArray } from 'rxjs';
import { StoreUnavailable } from '../../common/errors';
import { EsdbEventStore } from './EsdbEventStore';
import type { SubscriptionStatus } from './SubscriptionStatus';

/**
 * No server here: these run the real client against a port where nothing listens, to check what
 * the adapter makes of a store it cannot reach. (The behaviour with a server is the contract suite.)
 */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

const event = { id: '0f8fad5b-d9cb-469f-a165-70867728950e', type: 'StopAdded', data: { stop: 'पुणे' }, metadata: {} };

describe('EsdbEventStore without a reachable server', () => {
  let store: EsdbEventStore;

  beforeAll(async () => {
    // kurrentdb:// is rewritten for client 6.x, which parses only esdb://.
    store = new EsdbEventStore(`kurrentdb://127.0.0.1:${await closedPort()}?tls=false`, {
      backoff: { initialDelayMs: 10, maxDelayMs: 40 },
    });
  });

  afterAll(async () => {
    await store.close();
  });

  test('is an eventstoredb store', () => {
    expect(store.kind).toBe('eventstoredb');
  });

  test.each([
    ['append', () => store.append('tour-1', [event], 0)],
    ['readStream', () => store.readStream('tour-1')],
    ['readAll', () => store.readAll(undefined, 10)],
    ['headPosition', () => store.headPosition()],
    ['idempotency.get', () => store.idempotency.get('k', new Date())],
    ['idempotency.put', () => store.idempotency.put({ key: 'k', requestHash: 'h', status: 200, body: {}, expiresAt: '2030-01-01T00:00:00Z' })],
  ])('%s rejects with StoreUnavailable', async (_name, operation) => {
    const error: unknown = await operation().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StoreUnavailable);
    expect((error as StoreUnavailable).cause).toBeDefined();
  });

  test('subscribeAll keeps retrying with backoff and reports it in status$', async () => {
    expect(store.status).toEqual({ state: 'idle' });
    const reconnecting = firstValueFrom(
      store.status$.pipe(
        filter((status): status is Extract<SubscriptionStatus, { state: 'reconnecting' }> => status.state === 'reconnecting'),
        take(4),
        toArray(),
      ),
    );
    const failures: unknown[] = [];
    const subscription = store.subscribeAll(undefined).subscribe({ error: (error: unknown) => failures.push(error) });
    const statuses = await reconnecting;
    expect(statuses.map((status) => [status.attempt, status.delayMs])).toEqual([
      [1, 10],
      [2, 20],
      [3, 40],
      [4, 40],
    ]);
    expect(statuses[0]?.error).toMatch(/UNAVAILABLE/);
    expect(failures).toEqual([]); // a lost connection is waited out, not reported as an error
    subscription.unsubscribe();
    expect(store.status).toEqual({ state: 'idle' });
  });

  test('a position that is not an EventStoreDB one fails the subscription instead of retrying', async () => {
    await expect(firstValueFrom(store.subscribeAll('42'))).rejects.toThrow(RangeError);
  });

  test('close completes active subscriptions, and a closed store refuses new ones', async () => {
    const other = new EsdbEventStore(`esdb://127.0.0.1:${await closedPort()}?tls=false`, { backoff: { initialDelayMs: 5 } });
    const completed = new Promise<void>((resolve, reject) => other.subscribeAll(undefined).subscribe({ complete: resolve, error: reject }));
    await new Promise((resolve) => setTimeout(resolve, 30));
    await other.close();
    await completed;
    expect(other.status).toEqual({ state: 'idle' });
    await expect(firstValueFrom(other.subscribeAll(undefined))).rejects.toThrow(/closed/);
    await other.close(); // twice is fine
  });
});

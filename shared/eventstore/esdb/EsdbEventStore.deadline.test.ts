import { createServer, type Server, type Socket } from 'node:net';
import { StoreUnavailable } from '../../common/errors';
import { EsdbEventStore } from './EsdbEventStore';

/**
 * The real client against a server that accepts the connection and then never says a word (a
 * stalled or partitioned server): the client itself would wait for ever on a read (its reads have
 * no deadline), so each read must end with StoreUnavailable at our deadline.
 */
describe('EsdbEventStore against a server that never answers', () => {
  let server: Server;
  const sockets: Socket[] = [];
  let store: EsdbEventStore;

  beforeAll(async () => {
    server = createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    store = new EsdbEventStore(`esdb://127.0.0.1:${address.port}?tls=false`, { readDeadlineMs: 300 });
  });

  afterAll(async () => {
    await store.close();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test.each([
    ['readStream', () => store.readStream('tour-1')],
    ['readAll', () => store.readAll(undefined, 10)],
    ['headPosition', () => store.headPosition()],
    ['idempotency.get', () => store.idempotency.get('k', new Date())],
  ])('%s rejects with StoreUnavailable at the read deadline', async (_name, operation) => {
    const started = Date.now();
    const error: unknown = await operation().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StoreUnavailable);
    expect((error as Error).message).toMatch(/^EventStoreDB did not answer a read of .+ within 300 ms$/);
    expect(Date.now() - started).toBeLessThan(5000);
    // It does connect (the server is there, only silent), though on a loaded machine the client's
    // connection may open only after our deadline has already ended the read: waited for, bounded.
    for (const until = Date.now() + 5000; sockets.length === 0 && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sockets.length).toBeGreaterThan(0);
  });

  test('the error is named StoreUnavailable, which the HTTP edge answers as 503 store-unavailable (toProblem.ts)', async () => {
    const error = await store.readStream('tour-2').catch((reason: unknown) => reason);
    expect(error).toMatchObject({ name: 'StoreUnavailable' });
  });
});

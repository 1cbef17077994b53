import { LiveTestClient } from './testing/LiveTestClient';
import { eventually } from './testing/eventually';
import { startLiveGateway, type LiveHarness } from './testing/startLiveGateway';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Board data that counts how often it is turned into JSON. */
function countingData(label: string) {
  return {
    serialised: 0,
    toJSON() {
      this.serialised++;
      return { label };
    },
  };
}

describe('live gateway: coalescing and shared serialisation', () => {
  let live: LiveHarness;
  afterEach(() => live.close());

  it('pushes the first change at once and the rest of a burst as one push with the last position', async () => {
    live = await startLiveGateway({ options: { coalesceMs: 100 } });
    live.boards.put('readiness', '10', { n: 10 });
    const client = await LiveTestClient.connect(live.url(await live.token()));
    client.subscribe('readiness');
    await client.next();
    for (let n = 11; n <= 20; n++) {
      live.boards.set('readiness', String(n), { n });
      await pause(2);
    }
    // Leading edge: the first change went out at once, not at the end of the window.
    expect(await client.next((m) => m.type === 'patch')).toMatchObject({ position: '11' });
    await client.next((m) => m.position === '20');
    await pause(150); // one more window: nothing else comes
    const updates = client.received.filter((m) => m.type === 'patch');
    expect(updates.length).toBeLessThanOrEqual(2);
    expect(updates.at(-1)).toMatchObject({ position: '20', patch: { n: 20 } });
    expect(live.boards.readsOf('readiness')).toBeLessThanOrEqual(3);
  });

  it('pushes a busy board at most once per window', async () => {
    live = await startLiveGateway({ options: { coalesceMs: 50 } });
    live.boards.put('readiness', '1', { n: 1 });
    const client = await LiveTestClient.connect(live.url(await live.token()));
    client.subscribe('readiness');
    await client.next();
    const start = Date.now();
    let n = 1;
    while (Date.now() - start < 300) {
      n++;
      live.boards.set('readiness', String(n), { n });
      await pause(5);
    }
    const elapsed = Date.now() - start;
    await client.next((m) => m.position === String(n));
    const updates = client.received.filter((m) => m.type === 'patch').length;
    expect(updates).toBeGreaterThanOrEqual(2);
    expect(updates).toBeLessThanOrEqual(Math.ceil(elapsed / 50) + 2);
    expect(n).toBeGreaterThan(updates * 2);
  });

  it('reads a board and serialises its patch once per change, however many watch it', async () => {
    live = await startLiveGateway({ options: { coalesceMs: 5, maxConnectionsPerSubject: 100 } });
    const before = countingData('before');
    live.boards.put('programme:t1', '1', before);
    const token = await live.token();
    const clients = await Promise.all(Array.from({ length: 50 }, () => LiveTestClient.connect(live.url(token))));
    for (const client of clients) client.subscribe('programme:t1');
    await Promise.all(clients.map((client) => client.next()));
    expect(live.boards.readsOf('programme:t1')).toBe(1);
    expect(before.serialised).toBe(1);

    live.boards.set('programme:t1', '2', { label: 'after' });
    const updates = await Promise.all(clients.map((client) => client.next((m) => m.type === 'patch')));
    const first = JSON.stringify(updates[0]?.patch);
    expect(updates.every((m) => m.position === '2' && m.from === '1' && JSON.stringify(m.patch) === first)).toBe(true);
    expect(updates[0]?.patch).toMatchObject({ label: 'after' });
    expect(live.boards.readsOf('programme:t1')).toBe(2);
    const stats = live.gateway.stats();
    expect(stats).toMatchObject({ connections: 50, subscriptions: { 'programme:t1': 50 }, boardReads: 2, boardRenders: 2, messagesSent: 100 });
    await Promise.all(clients.map((client) => client.close()));
    await eventually(() => live.gateway.stats().connections === 0);
    expect(live.gateway.stats().subscriptions).toEqual({});
  });
});

import { ManualClock } from '@tayari/shared/common/clock';
import { TOKEN_EXPIRED } from './createLiveGateway';
import { LiveTestClient } from './testing/LiveTestClient';
import { eventually } from './testing/eventually';
import { startLiveGateway, type LiveHarness } from './testing/startLiveGateway';

describe('live gateway: liveness', () => {
  let live: LiveHarness;
  afterEach(() => live.close());

  it('pings, and terminates a client that misses two pongs while live clients stay', async () => {
    live = await startLiveGateway({ options: { pingIntervalMs: 30 } });
    const token = await live.token();
    const alive = await LiveTestClient.connect(live.url(token));
    const dead = await LiveTestClient.connect(live.url(token), { autoPong: false });
    let pings = 0;
    dead.ws.on('ping', () => pings++);
    const started = Date.now();
    const { code } = await dead.closed;
    expect(code).toBe(1006); // cut off, no close handshake
    expect(pings).toBeLessThanOrEqual(2); // the first may come with the handshake, before the listener
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);
    expect(live.gateway.stats().unresponsiveTerminated).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive.ws.readyState).toBe(alive.ws.OPEN);
    expect(live.gateway.stats().connections).toBe(1);
  });

  it('closes the socket with 4401 when the token expires', async () => {
    const clock = new ManualClock(new Date());
    live = await startLiveGateway({ clock });
    live.boards.put('readiness', '1', {});
    const client = await LiveTestClient.connect(live.url(await live.token({}, 60)));
    client.subscribe('readiness');
    await client.next();
    clock.advance(59_000);
    clock.advance(2_000);
    expect(await client.closed).toEqual({ code: TOKEN_EXPIRED, reason: 'token expired' });
    await eventually(() => live.gateway.stats().connections === 0);
    expect(live.gateway.stats().subscriptions).toEqual({});
  });

  it('closes every socket with 1001 on close()', async () => {
    live = await startLiveGateway();
    const client = await LiveTestClient.connect(live.url(await live.token()));
    await live.gateway.close();
    expect((await client.closed).code).toBe(1001);
    expect((await LiveTestClient.refusal(live.url(await live.token()))).status).toBe(404);
  });
});

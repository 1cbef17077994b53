import { ManualClock } from '@tayari/shared/common/clock';
import { LiveTestClient } from './testing/LiveTestClient';
import { startLiveGateway, type LiveHarness } from './testing/startLiveGateway';

describe('live gateway: message limits', () => {
  let live: LiveHarness;
  afterEach(() => live.close());

  it('closes with 1009 on a message over maxPayload (16 KiB)', async () => {
    live = await startLiveGateway();
    const client = await LiveTestClient.connect(live.url(await live.token()));
    client.send({ type: 'subscribe', board: 'readiness', since: 'x'.repeat(16 * 1024) });
    expect((await client.closed).code).toBe(1009);
  });

  it('accepts a message just under the limit (answered as a bad message)', async () => {
    live = await startLiveGateway();
    const client = await LiveTestClient.connect(live.url(await live.token()));
    client.send({ type: 'subscribe', board: 'readiness', padding: 'x'.repeat(16 * 1024 - 100) });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'bad-message' });
    await client.close();
  });

  it('refuses messages above the rate with rate-limited, refills with time, and closes with 1008 if it persists', async () => {
    const clock = new ManualClock('2026-03-01T10:00:00+05:30');
    live = await startLiveGateway({ clock, options: { messagesPerSecond: 20, messageBurst: 40 } });
    live.boards.put('readiness', '1', {});
    const client = await LiveTestClient.connect(live.url(await live.token()));
    const noop = () => client.send({ type: 'unsubscribe', board: 'wing:youth' }); // not watched: answered with nothing
    client.subscribe('readiness');
    for (let i = 0; i < 39; i++) noop(); // 40: the whole burst
    await client.next((m) => m.type === 'snapshot');
    client.subscribe('readiness');
    expect(await client.next((m) => m.type === 'error')).toMatchObject({ code: 'rate-limited' });

    clock.advance(1000); // 20 more
    const from = client.received.length;
    client.subscribe('readiness');
    expect(await client.next(() => true, 2000, from)).toMatchObject({ type: 'snapshot' });

    for (let i = 0; i < 19; i++) noop();
    // Now empty: a burst's worth of refused messages in a row, and the socket is closed.
    for (let i = 0; i < 41; i++) noop();
    expect(await client.closed).toMatchObject({ code: 1008 });
    expect(client.received.filter((m) => m.code === 'rate-limited')).toHaveLength(41);
  });
});

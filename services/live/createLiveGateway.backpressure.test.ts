import { LiveTestClient } from './testing/LiveTestClient';
import { eventually } from './testing/eventually';
import { startLiveGateway, type LiveHarness } from './testing/startLiveGateway';

describe('live gateway: a slow client', () => {
  let live: LiveHarness;
  afterEach(() => live.close());

  it('does not delay the others, loses its backlog, and gets a fresh snapshot once it drains', async () => {
    // Uncompressed, and every push changes the big field, so that each patch is as big as the board.
    live = await startLiveGateway({ options: { coalesceMs: 1, maxBufferedBytes: 256 * 1024, drainCheckMs: 10, deflateThresholdBytes: 0 } });
    const bigOf = (n: number) => String(n % 10).repeat(256 * 1024);
    live.boards.put('readiness', '1', { big: bigOf(1), n: 1 });
    live.boards.put('wing:youth', '1', { n: 1 });
    const token = await live.token();
    const slow = await LiveTestClient.connect(live.url(token));
    const fast = await LiveTestClient.connect(live.url(token));
    for (const client of [slow, fast]) {
      client.subscribe('readiness');
      client.subscribe('wing:youth');
    }
    await Promise.all([slow.next((m) => m.board === 'wing:youth'), fast.next((m) => m.board === 'wing:youth')]);
    slow.tcp.pause(); // stops reading: the kernel buffers fill, then the server's

    // Push big updates one at a time; the fast client gets each one promptly.
    let n = 1;
    const lags: number[] = [];
    while (live.gateway.stats().messagesDropped < 3) {
      n++;
      if (n > 400) throw new Error('the slow client never went stale');
      const sent = Date.now();
      live.boards.set('readiness', String(n), { big: bigOf(n), n });
      await fast.next((m) => m.position === String(n));
      lags.push(Date.now() - sent);
    }
    expect(Math.max(...lags)).toBeLessThan(500);
    expect(live.gateway.stats().staleConnections).toBe(1);

    // The slow client misses a change of its other board too.
    live.boards.set('wing:youth', '2', { n: 2 });
    await fast.next((m) => m.board === 'wing:youth' && m.position === '2');

    slow.tcp.resume();
    const readiness = await slow.next((m) => m.board === 'readiness' && m.type === 'snapshot' && m.position === String(n), 5000);
    expect(readiness.data).toEqual({ big: bigOf(n), n });
    expect(await slow.next((m) => m.board === 'wing:youth' && m.position === '2', 5000)).toMatchObject({ type: 'snapshot' });
    // Some pushes never reached it, and positions never went back on the way.
    const updates = slow.about('readiness').filter((m) => m.type === 'patch');
    expect(updates.length).toBeLessThanOrEqual(n - 1 - 3);
    const positions = slow.about('readiness').map((m) => Number(m.position));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    await eventually(() => live.gateway.stats().staleConnections === 0);
    expect(live.gateway.stats().droppedBacklogs).toBeGreaterThanOrEqual(1);

    // Back to normal: updates flow again.
    live.boards.set('readiness', String(n + 1), { big: bigOf(n), n: n + 1 });
    expect(await slow.next((m) => m.position === String(n + 1))).toMatchObject({ type: 'patch' });
  });
});

import { createConnection } from 'node:net';
import { TokenVerifier } from '@tayari/api/auth/TokenVerifier';
import { eventually } from './testing/eventually';
import { LiveTestClient } from './testing/LiveTestClient';
import { startLiveGateway, type LiveHarness } from './testing/startLiveGateway';

describe('live gateway: the handshake', () => {
  let live: LiveHarness;
  afterEach(() => live.close());

  it('refuses a handshake without a token with 401 and a problem, before upgrading', async () => {
    live = await startLiveGateway();
    const refusal = await LiveTestClient.refusal(live.url('').replace('?token=', ''));
    expect(refusal.status).toBe(401);
    expect(refusal.contentType).toBe('application/problem+json');
    expect(JSON.parse(refusal.body)).toMatchObject({ type: '/problems/unauthorized', status: 401 });
  });

  it('refuses a bad token, an expired one and one signed with another secret with 401', async () => {
    live = await startLiveGateway();
    const good = await live.token();
    const tampered = `${good.slice(0, -2)}${good.endsWith('AA') ? 'BB' : 'AA'}`;
    const otherSecret = await new TokenVerifier('another secret, long enough for HS256 too').issue({ sub: 'p1', name: 'P', role: 'incharge' }, 60);
    for (const token of ['not-a-jwt', tampered, otherSecret]) {
      const refusal = await LiveTestClient.refusal(live.url(token));
      expect(refusal.status).toBe(401);
      expect(JSON.parse(refusal.body)).toMatchObject({ status: 401, detail: 'the token is not valid' });
    }
    const expired = await LiveTestClient.refusal(live.url(await live.token({}, -10)));
    expect(JSON.parse(expired.body)).toMatchObject({ status: 401, detail: 'the token has expired' });
    expect(live.gateway.stats().refusedUpgrades).toEqual({ 401: 4 });
  });

  it('accepts a token in an Authorization header from a non-browser client', async () => {
    live = await startLiveGateway();
    const url = live.url('').replace('?token=', '');
    const client = await LiveTestClient.connect(url, { headers: { Authorization: `Bearer ${await live.token()}` } });
    expect(live.gateway.stats()).toMatchObject({ connections: 1, refusedUpgrades: {} });
    await client.close();
  });

  it('refuses a foreign origin with 403 and lets the same origin and origin-less clients in', async () => {
    live = await startLiveGateway();
    const url = live.url(await live.token());
    const refusal = await LiveTestClient.refusal(url, { origin: 'https://evil.example' });
    expect(refusal.status).toBe(403);
    expect(JSON.parse(refusal.body)).toMatchObject({ type: '/problems/origin-not-allowed' });
    await (await LiveTestClient.connect(url, { origin: live.origin })).close();
    await (await LiveTestClient.connect(url)).close();
  });

  it('follows the allowedOrigins option when set', async () => {
    live = await startLiveGateway({ options: { allowedOrigins: ['https://tayari.example'] } });
    const url = live.url(await live.token());
    await (await LiveTestClient.connect(url, { origin: 'https://tayari.example' })).close();
    expect((await LiveTestClient.refusal(url, { origin: live.origin })).status).toBe(403);
  });

  it('refuses more than maxConnectionsPerSubject sockets for one person with 429, and frees the slot on close', async () => {
    live = await startLiveGateway({ options: { maxConnectionsPerSubject: 2 } });
    const url = live.url(await live.token());
    const first = await LiveTestClient.connect(url);
    const second = await LiveTestClient.connect(url);
    const refusal = await LiveTestClient.refusal(url);
    expect(refusal.status).toBe(429);
    expect(JSON.parse(refusal.body)).toMatchObject({ type: '/problems/too-many-connections' });
    // Another person is not affected.
    await (await LiveTestClient.connect(live.url(await live.token({ sub: 'p-other' })))).close();
    await first.close();
    // The server sees the TCP close a moment after the client does; the slot is freed before that.
    await eventually(() => live.gateway.stats().connections === 1);
    const third = await LiveTestClient.connect(url);
    await Promise.all([second.close(), third.close()]);
  });

  it('answers 404 on other paths when nobody else handles upgrades', async () => {
    live = await startLiveGateway();
    const refusal = await LiveTestClient.refusal(live.url(await live.token()).replace('/ws?', '/elsewhere?'));
    expect(refusal.status).toBe(404);
  });

  it('leaves other paths to another upgrade listener', async () => {
    live = await startLiveGateway();
    const seen: string[] = [];
    live.server.on('upgrade', (request, socket) => {
      if (request.url?.startsWith('/elsewhere')) {
        seen.push(request.url);
        socket.end('HTTP/1.1 418 I am a teapot\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      }
    });
    const refusal = await LiveTestClient.refusal(`${live.origin.replace('http', 'ws')}/elsewhere`);
    expect(refusal.status).toBe(418);
    expect(seen).toEqual(['/elsewhere']);
  });

  it('survives a client that resets the connection during the handshake', async () => {
    live = await startLiveGateway();
    const token = await live.token();
    const { port } = new URL(live.origin);
    const raw = createConnection(Number(port), '127.0.0.1');
    await new Promise((resolve) => raw.once('connect', resolve));
    raw.write(
      `GET /ws?token=${token} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    );
    raw.resetAndDestroy();
    await new Promise((r) => setTimeout(r, 50));
    await (await LiveTestClient.connect(live.url(token))).close();
    expect(live.gateway.stats().connections).toBe(0);
  });
});

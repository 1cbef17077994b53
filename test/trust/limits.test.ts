import request from 'supertest';
import { nth } from '@tayari/shared/testing/nth';
import { ManualClock } from '@tayari/shared/common/clock';
import { LiveTestClient } from '@tayari/live/testing/LiveTestClient';
import { eventually } from '@tayari/live/testing/eventually';
import { expectProblem, people, T0 } from '../support/apiHarness';
import { startService, type Service } from './support/startService';

/**
 * Abuse limits of the whole service (createTayari), as a client meets them: security headers, the
 * request rate limit per token subject (or per IP), `trust proxy`, and the websocket's origin check,
 * connections per token, message rate limit and token expiry.
 */

const services: Service[] = [];
const clients: LiveTestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.ws.terminate();
  for (const service of services.splice(0)) await service.close();
});

async function start(...args: Parameters<typeof startService>): Promise<Service> {
  const service = await startService(...args);
  services.push(service);
  return service;
}

const get = (s: Service, path: string, token?: string, headers: Record<string, string> = {}) => {
  const test = request(s.tayari.url).get(path);
  if (token !== undefined) test.set('Authorization', `Bearer ${token}`);
  for (const [name, value] of Object.entries(headers)) test.set(name, value);
  return test;
};

describe('security headers (helmet)', () => {
  test('on reads, commands, problems and unknown paths: nosniff, a CSP, no X-Powered-By', async () => {
    const s = await start();
    const token = await s.token(people.incharge);
    const answers = [
      await get(s, '/api/health'),
      await get(s, '/api/wings', token),
      await get(s, '/api/wings'), // 401 problem
      await get(s, '/api/nope', token), // 404 problem
      await request(s.tayari.url).post('/api/tours').set('Authorization', `Bearer ${token}`).send({ title: 'दौरा', leader: 'L' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 401, 404, 201]);
    for (const res of answers) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});

describe('request rate limit (TAYARI_RATE_LIMIT)', () => {
  test('the 6th request in a minute from one token subject is 429 problem+json with RateLimit headers; another subject is unaffected', async () => {
    const s = await start({ env: { TAYARI_RATE_LIMIT: '5' } });
    const first = await s.token(people.observer);
    // Another token of the same person shares the budget: the key is the subject, not the token text.
    const second = await s.token(people.observer, 7200);
    for (let i = 0; i < 5; i++) {
      const res = await get(s, '/api/wings', i % 2 === 0 ? first : second);
      expect(res.status).toBe(200);
      expect(res.headers['ratelimit-policy']).toMatch(/^"5-in-1min"; q=5; w=60; pk=:[A-Za-z0-9+/=]+:$/);
      expect(res.headers.ratelimit).toMatch(new RegExp(`^"5-in-1min"; r=${4 - i}; t=\\d+$`));
    }
    const refused = await get(s, '/api/wings', second);
    expectProblem(refused, 429, 'rate-limited');
    expect(refused.headers.ratelimit).toMatch(/^"5-in-1min"; r=0; t=\d+$/);
    expect(refused.headers['ratelimit-policy']).toMatch(/q=5; w=60/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.headers['x-ratelimit-limit']).toBeUndefined(); // no legacy headers

    expect((await get(s, '/api/wings', await s.token(people.youthLead))).status).toBe(200);
  });

  test('a command refused by the rate limit appends nothing', async () => {
    const s = await start({ env: { TAYARI_RATE_LIMIT: '5' } });
    const token = await s.token(people.incharge);
    for (let i = 0; i < 5; i++) expect((await get(s, '/api/wings', token)).status).toBe(200);
    const before = await s.tayari.store.headPosition();
    const res = await request(s.tayari.url).post('/api/tours').set('Authorization', `Bearer ${token}`).send({ title: 'दौरा', leader: 'L' });
    expectProblem(res, 429, 'rate-limited');
    expect(await s.tayari.store.headPosition()).toBe(before);
  });

  test('requests without a (valid) token are limited per IP; X-Forwarded-For does not change the key (trust proxy is off)', async () => {
    const s = await start({ env: { TAYARI_RATE_LIMIT: '5' } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      // Open endpoints, 401s and garbage tokens all count against the address they come from.
      const path = i % 3 === 0 ? '/api/health' : '/api/wings';
      const res = await get(s, path, i % 3 === 2 ? 'not-a-token' : undefined, { 'X-Forwarded-For': `203.0.113.${i + 1}` });
      statuses.push(res.status);
      if (i === 5) expectProblem(res, 429, 'rate-limited');
    }
    expect(statuses).toEqual([200, 401, 401, 200, 401, 429]);
    // A valid token has its own budget, whatever the address has used.
    expect((await get(s, '/api/wings', await s.token(people.observer))).status).toBe(200);
  });

  test('with TAYARI_TRUST_PROXY=1 the client address comes from X-Forwarded-For (each its own budget)', async () => {
    const s = await start({ env: { TAYARI_RATE_LIMIT: '5', TAYARI_TRUST_PROXY: '1' } });
    for (let i = 0; i < 5; i++) expect((await get(s, '/api/health', undefined, { 'X-Forwarded-For': '203.0.113.7' })).status).toBe(200);
    expect((await get(s, '/api/health', undefined, { 'X-Forwarded-For': '203.0.113.7' })).status).toBe(429);
    expect((await get(s, '/api/health', undefined, { 'X-Forwarded-For': '203.0.113.8' })).status).toBe(200);
  });

  test('TAYARI_RATE_LIMIT=0 turns it off', async () => {
    const s = await start({ env: { TAYARI_RATE_LIMIT: '0' } });
    const token = await s.token(people.observer);
    for (let i = 0; i < 30; i++) {
      const res = await get(s, '/api/wings', token);
      expect(res.status).toBe(200);
      expect(res.headers.ratelimit).toBeUndefined();
    }
  });
});

describe('websocket limits through the real service', () => {
  test('a foreign Origin is refused with 403 before the upgrade; the same host is accepted', async () => {
    const s = await start();
    const url = s.wsUrl(await s.token(people.observer));
    const refusal = await LiveTestClient.refusal(url, { origin: 'https://evil.example' });
    expect(refusal.status).toBe(403);
    expect(refusal.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(refusal.body)).toMatchObject({ type: '/problems/origin-not-allowed', status: 403 });
    // Same host name on another port is another origin too.
    const port = new URL(s.tayari.url).port;
    expect((await LiveTestClient.refusal(url, { origin: `http://127.0.0.1:${Number(port) + 1}` })).status).toBe(403);

    const own = await LiveTestClient.connect(url, { origin: s.tayari.url });
    clients.push(own);
    own.subscribe('readiness');
    expect(await own.next((m) => m.board === 'readiness')).toMatchObject({ type: 'snapshot' });
    expect(s.tayari.live.stats().refusedUpgrades).toMatchObject({ 403: 2 });
  });

  test('more than maxConnectionsPerSubject sockets for one person are refused with 429; others and later ones are not', async () => {
    const s = await start({ live: { maxConnectionsPerSubject: 3 } });
    const url = s.wsUrl(await s.token(people.observer));
    const open: LiveTestClient[] = [];
    for (let i = 0; i < 3; i++) open.push(await LiveTestClient.connect(url));
    clients.push(...open);
    // A fresh token of the same person does not get around it.
    const refusal = await LiveTestClient.refusal(s.wsUrl(await s.token(people.observer, 60)));
    expect(refusal.status).toBe(429);
    expect(JSON.parse(refusal.body)).toMatchObject({ type: '/problems/too-many-connections' });

    clients.push(await LiveTestClient.connect(s.wsUrl(await s.token(people.incharge))));
    await nth(open, 0).close();
    // The slot is released when the TCP socket has closed.
    await eventually(() => s.tayari.live.stats().connections === 3, 2000, 'the closed socket to be released');
    clients.push(await LiveTestClient.connect(url));
  });

  test('handshakes racing for the last slots do not overshoot the per-person limit', async () => {
    const s = await start({ live: { maxConnectionsPerSubject: 3 } });
    const url = s.wsUrl(await s.token(people.observer));
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => LiveTestClient.connect(url)));
    for (const o of outcomes) if (o.status === 'fulfilled') clients.push(o.value);
    const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { refusal?: { status: number } }).refusal?.status] : []));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    expect(refusals).toEqual([429, 429, 429, 429, 429]);
    expect(s.tayari.live.stats().connections).toBe(3);
  });

  test('a flood of messages gets rate-limited errors, the socket stays up, and 1008 if it goes on', async () => {
    // A clock that does not move: the bucket (burst 40, 20 a second) does not refill by itself.
    const clock = new ManualClock(T0);
    const s = await start({ clock });
    const client = await LiveTestClient.connect(s.wsUrl(await s.token(people.observer)));
    clients.push(client);
    for (let i = 0; i < 60; i++) client.send({ type: 'unsubscribe', board: 'wing:youth' }); // no-ops: no answer
    await eventually(() => client.received.filter((m) => m.code === 'rate-limited').length === 20, 3000, '20 rate-limited errors');
    expect(client.received.every((m) => m.type === 'error' && m.code === 'rate-limited')).toBe(true);
    expect(client.ws.readyState).toBe(client.ws.OPEN);

    clock.advance(1000); // 20 more tokens
    const from = client.received.length;
    client.subscribe('readiness');
    expect(await client.next(() => true, 2000, from)).toMatchObject({ type: 'snapshot', board: 'readiness' });

    for (let i = 0; i < 19 + 41; i++) client.send({ type: 'unsubscribe', board: 'wing:youth' });
    expect(await client.closed).toMatchObject({ code: 1008 });
  });

  test('a socket whose token expires is closed with 4401; an expired token cannot open one', async () => {
    const clock = new ManualClock(T0);
    const s = await start({ clock });
    const token = await s.token(people.adivasiLead, 60);
    const client = await LiveTestClient.connect(s.wsUrl(token));
    clients.push(client);
    client.subscribe('wing:adivasi');
    expect(await client.next((m) => m.board === 'wing:adivasi')).toMatchObject({ type: 'snapshot' });

    clock.advance(59_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.ws.readyState).toBe(client.ws.OPEN);
    clock.advance(1_000);
    expect(await client.closed).toEqual({ code: 4401, reason: 'token expired' });

    const refusal = await LiveTestClient.refusal(s.wsUrl(token));
    expect(refusal.status).toBe(401);
    expect(JSON.parse(refusal.body)).toMatchObject({ type: '/problems/unauthorized', detail: 'the token has expired' });
  });
});

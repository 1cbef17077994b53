import { createHmac } from 'node:crypto';
import request from 'supertest';
import { ManualClock } from '@tayari/shared/common/clock';
import { LiveTestClient } from '@tayari/live/testing/LiveTestClient';
import { configFromEnv } from '@tayari/app/config';
import { demoTokens } from '@tayari/app/demoTokens';
import { expectProblem, signToken, T0 } from '../support/apiHarness';
import { SERVICE_SECRET, startService, type Service } from './support/startService';

/**
 * Tokens as a hostile client forges them, against the whole service: the API and the websocket
 * gateway verify with the same TokenVerifier, so each forgery is refused by both. Each one here was
 * accepted before the rules were made strict (issue 12).
 */

const DAY = 24 * 60 * 60;
const services: Service[] = [];
afterAll(async () => {
  for (const service of services.splice(0)) await service.close();
});

async function start(env: Record<string, string> = {}): Promise<Service> {
  const service = await startService({ clock: new ManualClock(T0), env });
  services.push(service);
  return service;
}

const now = Date.parse(T0) / 1000;
const base = { sub: 'u-forger', name: 'Forger', role: 'incharge', iat: now };
const signed = (payload: object) => signToken(payload, SERVICE_SECRET);

/** Each a token that must be refused, and why. */
function forgeries(): Record<string, string> {
  const good = signed({ ...base, exp: now + 600 });
  const [head, body, signature] = good.split('.') as [string, string, string];
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  const input = `${header}.${Buffer.from(`{"sub":"u-forger","name":"F","role":"observer","role":"incharge","exp":${now + 600}}`).toString('base64url')}`;
  // Signed by hand: signToken serialises an object, which cannot hold a key twice.
  const duplicatedRole = `${input}.${createHmac('sha256', SERVICE_SECRET).update(input).digest('base64url')}`;
  return {
    'exp in milliseconds': signed({ ...base, exp: (now + 600) * 1000 }),
    'exp 1e20': signed({ ...base, exp: 1e20 }),
    'exp 31 days ahead': signed({ ...base, exp: now + 31 * DAY }),
    'no exp': signed(base),
    'iat 10 hours ahead': signed({ ...base, iat: now + 10 * 60 * 60, exp: now + 600 }),
    'nbf 2 minutes ahead': signed({ ...base, nbf: now + 120, exp: now + 600 }),
    'signature with =': `${head}.${body}.${signature}=`,
    'payload with =': `${head}.${body}=.${signature}`,
    'duplicated role (observer, then incharge)': duplicatedRole,
  };
}

describe('strict tokens, over HTTP and the websocket', () => {
  test('every forgery is 401 problem+json on a read and on a command, and refused at the websocket handshake', async () => {
    const s = await start();
    for (const [why, token] of Object.entries(forgeries())) {
      const read = await request(s.tayari.url).get('/api/wings').set('Authorization', `Bearer ${token}`);
      expect({ why, status: read.status }).toEqual({ why, status: 401 });
      expectProblem(read, 401, 'unauthorized');
      const command = await request(s.tayari.url).post('/api/tours').set('Authorization', `Bearer ${token}`).send({ title: 'दौरा', leader: 'L' });
      expectProblem(command, 401, 'unauthorized');
      const refusal = await LiveTestClient.refusal(s.wsUrl(token));
      expect({ why, status: refusal.status }).toEqual({ why, status: 401 });
    }
  });

  test('tokens within the rules still work: 30 days ahead, iat 30 s ahead (clock skew)', async () => {
    const s = await start();
    for (const token of [signed({ ...base, exp: now + 30 * DAY }), signed({ ...base, iat: now + 30, exp: now + 600 })]) {
      expect((await request(s.tayari.url).get('/api/wings').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    }
  });

  test('TAYARI_MAX_TOKEN_DAYS lowers the limit, and the demo tokens made for it still pass', async () => {
    const s = await start({ TAYARI_MAX_TOKEN_DAYS: '7' });
    const eightDays = signed({ ...base, exp: now + 8 * DAY });
    expectProblem(await request(s.tayari.url).get('/api/wings').set('Authorization', `Bearer ${eightDays}`), 401, 'unauthorized');
    const demo = await demoTokens(s.tayari.verifier);
    expect(demo).toHaveLength(4);
    for (const { token } of demo) {
      expect((await request(s.tayari.url).get('/api/wings').set('Authorization', `Bearer ${token}`)).status).toBe(200);
      const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp: number; iat: number };
      expect(payload.exp - payload.iat).toBe(7 * DAY);
    }
    const client = await LiveTestClient.connect(s.wsUrl(demo[0]?.token ?? ''));
    client.ws.terminate();
  });

  test('the default demo tokens last 30 days and pass', async () => {
    const s = await start();
    for (const { token } of await demoTokens(s.tayari.verifier)) {
      expect((await request(s.tayari.url).get('/api/wings').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    }
    expect(s.tayari.verifier.maxTtlSeconds).toBe(30 * DAY);
  });

  test('TAYARI_MAX_TOKEN_DAYS is a whole number of days from 1 to 366; 30 by default', () => {
    expect(configFromEnv({}).maxTokenDays).toBe(30);
    expect(configFromEnv({ TAYARI_MAX_TOKEN_DAYS: '1' }).maxTokenDays).toBe(1);
    for (const bad of ['0', '-3', '1.5', 'abc', '367']) {
      expect(() => configFromEnv({ TAYARI_MAX_TOKEN_DAYS: bad })).toThrow(/TAYARI_MAX_TOKEN_DAYS must be a whole number of days from 1 to 366/);
    }
  });
});

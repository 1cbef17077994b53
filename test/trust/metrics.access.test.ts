import request from 'supertest';
import { configFromEnv } from '@tayari/app/config';
import { metricsAccess } from '@tayari/app/metricsAccess';
import { TokenVerifier } from '@tayari/api/auth/TokenVerifier';
import { expectProblem, people } from '../support/apiHarness';
import { SERVICE_SECRET, startService, type Service } from './support/startService';

/**
 * `/metrics` tells command counts by type and status, connections and memory: it is not for
 * everyone (SPEC opens only health, OpenAPI and the page). A scraper sends TAYARI_METRICS_TOKEN as a
 * bearer token; an in-charge's JWT is taken too; anyone else gets a 401 problem.
 */

const METRICS_TOKEN = 'metrics-scraper-token-0123456789';
const services: Service[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
});

async function start(env: Record<string, string> = {}): Promise<Service> {
  const service = await startService({ env });
  services.push(service);
  return service;
}

const metrics = (s: Service, authorization?: string) => {
  const test = request(s.tayari.url).get('/metrics');
  return authorization === undefined ? test : test.set('Authorization', authorization);
};

describe('/metrics access', () => {
  test('without a token, with a wrong one, or with a non-in-charge JWT: 401 problem+json, no figures', async () => {
    const s = await start({ TAYARI_METRICS_TOKEN: METRICS_TOKEN });
    const answers = [
      await metrics(s),
      await metrics(s, `Bearer ${METRICS_TOKEN.slice(0, -1)}`),
      await metrics(s, `Bearer ${METRICS_TOKEN}x`),
      await metrics(s, `Basic ${Buffer.from(`u:${METRICS_TOKEN}`).toString('base64')}`),
      await metrics(s, `Bearer ${await s.token(people.observer)}`),
      await metrics(s, `Bearer ${await s.token(people.youthLead)}`),
    ];
    for (const res of answers) {
      const body = expectProblem(res, 401, 'unauthorized');
      expect(body.detail).toMatch(/TAYARI_METRICS_TOKEN/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
      expect(res.text).not.toContain('tayari_');
    }
  });

  test('the metrics token and an in-charge JWT may read them', async () => {
    const s = await start({ TAYARI_METRICS_TOKEN: METRICS_TOKEN });
    for (const authorization of [`Bearer ${METRICS_TOKEN}`, `bearer ${METRICS_TOKEN}`, `Bearer ${await s.token(people.incharge)}`]) {
      const res = await metrics(s, authorization);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.text).toContain('tayari_process_cpu_seconds_total');
    }
  });

  test('without TAYARI_METRICS_TOKEN only an in-charge may read them; an expired in-charge token may not', async () => {
    const s = await start();
    expectProblem(await metrics(s, 'Bearer '), 401, 'unauthorized');
    expectProblem(await metrics(s, 'Bearer undefined'), 401, 'unauthorized');
    expect((await metrics(s, `Bearer ${await s.token(people.incharge)}`)).status).toBe(200);
    expectProblem(await metrics(s, `Bearer ${await s.token(people.incharge, -10)}`), 401, 'unauthorized');
  });

  test('a short or spaced TAYARI_METRICS_TOKEN is refused at start', () => {
    expect(() => configFromEnv({ TAYARI_METRICS_TOKEN: 'short' })).toThrow(/TAYARI_METRICS_TOKEN must be at least 16 characters/);
    expect(() => configFromEnv({ TAYARI_METRICS_TOKEN: 'sixteen chars but spaced' })).toThrow(/without spaces/);
    expect(configFromEnv({ TAYARI_METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
  });
});

describe('metricsAccess', () => {
  const verifier = new TokenVerifier(SERVICE_SECRET, () => new Date('2018-06-01T00:00:00Z'));

  test('with neither a token nor a verifier, nobody', async () => {
    const access = metricsAccess({});
    expect(await access(undefined)).toBe(false);
    expect(await access('Bearer anything-at-all-here')).toBe(false);
  });

  test('the token alone (no verifier, as in a projector without a JWT secret)', async () => {
    const access = metricsAccess({ token: METRICS_TOKEN });
    expect(await access(`Bearer ${METRICS_TOKEN}`)).toBe(true);
    expect(await access(`Bearer  ${METRICS_TOKEN}  `)).toBe(true);
    expect(await access(`Bearer ${METRICS_TOKEN.toUpperCase()}`)).toBe(false);
    expect(await access(METRICS_TOKEN)).toBe(false);
  });

  test('in-charge JWTs only, and never a JWT that does not verify', async () => {
    const access = metricsAccess({ verifier });
    expect(await access(`Bearer ${await verifier.issue(people.incharge, 600)}`)).toBe(true);
    expect(await access(`Bearer ${await verifier.issue(people.observer, 600)}`)).toBe(false);
    const other = new TokenVerifier('another-secret-0123456789abcdefghijkl', () => new Date('2018-06-01T00:00:00Z'));
    expect(await access(`Bearer ${await other.issue(people.incharge, 600)}`)).toBe(false);
  });
});

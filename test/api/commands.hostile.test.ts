import request from 'supertest';
import { expectProblem, startApi, type ApiHarness, type HttpAnswer } from '../support/apiHarness';
import { fixtures } from './fixtures';
import { HOSTILE_BODIES } from './hostileBodies';
import { hostileAuth, sendHostile, tour, type AuthContext, type Hostile } from './hostileRequest';
import { HOSTILE_TRANSPORT } from './hostileTransport';

/**
 * Hostile requests against the real service. Each must get its 4xx as application/problem+json
 * `{type, title, status, detail}` (plus `errors[].path` for validation), append nothing, leave the
 * process answering, and leave Object.prototype as it was.
 */

const hostile: Hostile[] = [...HOSTILE_BODIES, ...HOSTILE_TRANSPORT];

let h: ApiHarness;
let auth: AuthContext;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  h = await startApi();
  const f = fixtures(h);
  await f.tour('h-tour');
  await f.meeting('h-meeting');
  await f.task('h-tour', 'h-task');
  auth = await hostileAuth(h);
});
afterAll(() => h.close());

const send = (c: Hostile): Promise<HttpAnswer> => sendHostile(h, auth, c);

test('the table has at least 40 hostile requests, each named once', () => {
  expect(hostile.length).toBeGreaterThanOrEqual(40);
  expect(new Set(hostile.map((c) => c.name)).size).toBe(hostile.length);
});

test.each(hostile.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  const before = await h.eventCount();

  const res = await send(c);

  const problem = expectProblem(res, c.status, c.rule);
  expect(problem.title).not.toBe('');
  if (c.errorsAt) {
    const paths = (problem.errors ?? []).map((e) => e.path);
    for (const path of c.errorsAt) expect(paths).toContain(path);
  }
  if (c.status === 401) expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
  if (c.allow !== undefined) expect(res.headers.allow).toBe(c.allow);
  // Nothing leaks: no stack, no echo of the hostile input beyond the field names.
  expect(res.text).not.toMatch(/node_modules|at .*\(.*:\d+:\d+\)/);

  expect(await h.eventCount()).toBe(before);
  expect((await request(h.tayari.url).get('/api/openapi.json')).status).toBe(200);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('after all of it the service still accepts a good command, and nothing was polluted', async () => {
  const res = await h.post('/tours', h.tokens.incharge, { ...tour, id: 'after-hostile' });
  expect(res.status).toBe(201);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
});

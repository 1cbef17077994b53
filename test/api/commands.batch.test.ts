import { MAX_BATCH_ITEMS } from '@tayari/shared/contract/batchLimits';
import { startApi, type ApiHarness } from '../support/apiHarness';
import { fixtures, type Fixtures } from './fixtures';

/**
 * POST /api/commands/batch (SPEC v2, "the field"): an organiser's offline queue, sent whole when the
 * connection is back. Each item is answered as its own request would have been.
 */

let h: ApiHarness;
let f: Fixtures;

beforeAll(async () => {
  h = await startApi({ idPrefix: 'batch' });
  f = fixtures(h);
  await f.tour('b-tour');
});
afterAll(() => h.close());

interface Result {
  status: number;
  body: { id?: string; version?: number; type?: string };
  headers: { etag?: string; idempotentReplayed?: boolean };
}
const resultsOf = (response: { body: unknown }): Result[] => (response.body as { results: Result[] }).results;
const item = (path: string, body: object, key: string, extra: object = {}) => ({ method: 'POST', path: `/api${path}`, body, idempotencyKey: key, ...extra });

test('applies the items in order, answers each as alone, 207 when they differ', async () => {
  const before = await h.eventCount();
  const response = await h.post('/commands/batch', h.tokens.incharge, {
    commands: [
      item('/tasks', { id: 'b-k1', programmeId: 'b-tour', wing: 'adivasi', title: 'Tent' }, 'q1'),
      item('/tasks/b-k1/status', { status: 'in_progress' }, 'q2'),
      item('/tasks/b-k1/notes', { text: 'tent booked' }, 'q3'),
      item('/tasks/nobody/status', { status: 'done' }, 'q4'),
      item('/tasks/b-k1/status', { status: 'done' }, 'q5'),
    ],
  });
  expect(response.status).toBe(207);
  const results = resultsOf(response);
  expect(results.map((r) => r.status)).toEqual([201, 200, 200, 404, 200]);
  expect(results.map((r) => r.body.version)).toEqual([1, 2, 3, undefined, 4]);
  expect(results[3]?.body.type).toBe('/problems/task-not-found');
  expect(results[4]?.headers).toEqual({ etag: '"4"' });
  const types = (await h.eventsAfter(before)).map((e) => e.type);
  expect(types).toEqual(['TaskLogged', 'TaskStarted', 'TaskNoteAdded', 'TaskCompleted']);
});

test('200 when every item succeeded; the whole batch sent again appends nothing and replays each answer', async () => {
  const batch = {
    commands: [
      item('/tasks', { id: 'b-k2', programmeId: 'b-tour', wing: 'adivasi', title: 'Sound' }, 'r1'),
      item('/tasks/b-k2/assign', { assignee: 'Netam' }, 'r2'),
    ],
  };
  const first = await h.post('/commands/batch', h.tokens.incharge, batch);
  expect(first.status).toBe(200);
  const count = await h.eventCount();
  const again = await h.post('/commands/batch', h.tokens.incharge, batch);
  expect(again.status).toBe(200);
  expect(await h.eventCount()).toBe(count);
  const replayed = resultsOf(again);
  expect(replayed.map((r) => r.body)).toEqual(resultsOf(first).map((r) => r.body));
  expect(replayed.every((r) => r.headers.idempotentReplayed === true)).toBe(true);
});

test('stopOnError: after a refused item that asks for it, the rest is not attempted (424)', async () => {
  await f.task('b-tour', 'b-k3');
  const before = await h.eventCount();
  const response = await h.post('/commands/batch', h.tokens.incharge, {
    commands: [
      item('/tasks/b-k3/status', { status: 'in_progress' }, 's1'),
      item('/tasks/b-k3/status', { status: 'blocked' }, 's2', { stopOnError: true }),
      item('/tasks/b-k3/notes', { text: 'never sent' }, 's3'),
    ],
  });
  expect(response.status).toBe(207);
  const results = resultsOf(response);
  expect(results.map((r) => r.status)).toEqual([200, 400, 424]);
  expect(results[2]?.body.type).toBe('/problems/not-attempted');
  expect((await h.eventsAfter(before)).map((e) => e.type)).toEqual(['TaskStarted']);
});

test('each item keeps its own permissions and If-Match', async () => {
  await f.task('b-tour', 'b-own', 'adivasi');
  await f.task('b-tour', 'b-other', 'youth');
  const response = await h.post('/commands/batch', h.tokens.adivasiOrganiser, {
    commands: [
      item('/tasks/b-own/status', { status: 'in_progress' }, 'p1'),
      item('/tasks/b-other/status', { status: 'in_progress' }, 'p2'),
      item('/tours/b-tour/cancel', { reason: 'no' }, 'p3'),
      item('/tasks/b-own/notes', { text: 'stale' }, 'p4', { ifMatch: '"1"' }),
    ],
  });
  const results = resultsOf(response);
  expect(results.map((r) => r.status)).toEqual([200, 403, 403, 412]);
  expect(results[3]?.headers.etag).toBe('"2"');
});

test.each([
  ['no items', { commands: [] }],
  ['too many items', { commands: Array.from({ length: MAX_BATCH_ITEMS + 1 }, (_, i) => item('/tasks/x/notes', { text: 'n' }, `k${i}`)) }],
  ['an item without its key', { commands: [{ method: 'POST', path: '/api/tasks/x/notes', body: {} }] }],
  ['an item with another method', { commands: [{ method: 'GET', path: '/api/tasks/x/notes', idempotencyKey: 'k' }] }],
  ['an unknown field', { commands: [item('/tasks/x/notes', { text: 'n' }, 'k')], extra: true }],
])('the batch itself is refused with 400 for %s, and nothing is applied', async (_name, body) => {
  const before = await h.eventCount();
  const response = await h.post('/commands/batch', h.tokens.incharge, body);
  expect(response.status).toBe(400);
  expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(await h.eventCount()).toBe(before);
});

test('a path that is no command route is that item’s 404, a bad key its 400; the others still run', async () => {
  await f.task('b-tour', 'b-k4');
  const response = await h.post('/commands/batch', h.tokens.incharge, {
    commands: [
      item('/tasks/b-k4/explode', {}, 'u1'),
      { ...item('/tasks/b-k4/notes', { text: 'x' }, ' bad key ') },
      item('/tasks/b-k4/notes', { text: 'ok' }, 'u3'),
    ],
  });
  expect(resultsOf(response).map((r) => r.status)).toEqual([404, 400, 200]);
});

test(`${MAX_BATCH_ITEMS} items are all answered, in order`, async () => {
  await f.task('b-tour', 'b-many');
  const commands = Array.from({ length: MAX_BATCH_ITEMS }, (_, i) => item('/tasks/b-many/notes', { text: `note ${i}` }, `m${i}`));
  const response = await h.post('/commands/batch', h.tokens.incharge, { commands });
  expect(response.status).toBe(200);
  expect(resultsOf(response).map((r) => r.body.version)).toEqual(Array.from({ length: MAX_BATCH_ITEMS }, (_, i) => i + 2));
});

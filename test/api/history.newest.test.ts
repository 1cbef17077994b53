import { z } from 'zod';
import { expectProblem, startApi, type ApiHarness } from '../support/apiHarness';
import { fixtures } from './fixtures';

/**
 * GET /api/programmes/{id}/history?order=desc (past SPEC): the same payload newest first, paged back
 * with `before`; the oldest-first read of SPEC "Reads" is the reference it must agree with.
 */

const HistoryPage = z.strictObject({
  position: z.string(),
  events: z.array(z.strictObject({ position: z.string(), type: z.string(), at: z.string(), actor: z.unknown(), data: z.unknown() })),
  next: z.string().optional(),
});
type HistoryPage = z.infer<typeof HistoryPage>;

let h: ApiHarness;
let head = '0';

const read = async (query: string): Promise<HistoryPage> => {
  const res = await h.get(`/programmes/long/history?minPosition=${head}&${query}`, h.tokens.observer);
  expect(res.status).toBe(200);
  return HistoryPage.parse(res.body as unknown);
};

/** Every page of one order, following `next` with `cursor` (`after` or `before`), until there is none. */
async function allPages(order: string, cursor: 'after' | 'before', limit: number): Promise<HistoryPage[]> {
  const pages: HistoryPage[] = [];
  let next: string | undefined;
  do {
    pages.push(await read(`${order}limit=${limit}${next === undefined ? '' : `&${cursor}=${next}`}`));
    next = pages.at(-1)?.next;
  } while (next !== undefined && pages.length < 100);
  return pages;
}

const positions = (pages: HistoryPage[]) => pages.flatMap((page) => page.events.map((e) => e.position));

beforeAll(async () => {
  h = await startApi({ idPrefix: 'hnew' });
  const f = fixtures(h);
  await f.tour('long');
  await f.tour('other');
  // Two programmes written in turn, so that one programme's positions have gaps.
  for (let i = 0; i < 6; i++) {
    await f.task('long', `long-k${i}`);
    await f.task('other', `other-k${i}`);
    await f.status(`long-k${i}`, 'in_progress', { note: `started ${i}` });
  }
  const last = await f.status('long-k0', 'done');
  await f.meeting('quiet');
  head = last.position;
});

afterAll(async () => {
  await h?.close();
});

test('order=desc answers the newest events first, and next is the position to pass as before', async () => {
  const oldestFirst = await read('limit=1000');
  expect(oldestFirst.events).toHaveLength(14);
  const newest = await read('order=desc&limit=3');
  expect(newest.events).toEqual(oldestFirst.events.slice(-3).reverse());
  expect(newest.events.map((e) => e.type)).toEqual(['TaskCompleted', 'TaskStarted', 'TaskLogged']);
  expect(newest.next).toBe(newest.events.at(-1)?.position);
  expect(newest.position).toBe(oldestFirst.position);
  // order=asc is the SPEC read, said out loud.
  expect(await read('order=asc&limit=1000')).toEqual(oldestFirst);
});

test('paging older with before reaches the first event: every event once, none missing, the last page without next', async () => {
  const oldestFirst = positions([await read('limit=1000')]);
  for (const limit of [1, 4, 5, 14, 100]) {
    const pages = await allPages('order=desc&', 'before', limit);
    expect(positions(pages)).toEqual([...oldestFirst].reverse());
    expect(pages.at(-1)?.next).toBeUndefined();
    for (const page of pages.slice(0, -1)) expect(page.events).toHaveLength(limit);
  }
  // And oldest first, paged by after, the same events.
  expect(positions(await allPages('', 'after', 4))).toEqual(oldestFirst);
});

test('before is exclusive, and before the first event there is nothing', async () => {
  const all = (await read('order=desc&limit=1000')).events;
  const third = all[2];
  const first = all.at(-1);
  if (!third || !first) throw new Error('the programme has events');
  const older = await read(`order=desc&before=${third.position}&limit=2`);
  expect(older.events).toEqual(all.slice(3, 5));
  expect(await read(`order=desc&before=${first.position}`)).toEqual({ position: older.position, events: [] });
});

test('a programme with only its own event, newest first', async () => {
  const res = await h.get(`/programmes/quiet/history?order=desc&minPosition=${head}`, h.tokens.observer);
  expect(res.status).toBe(200);
  const page = HistoryPage.parse(res.body as unknown);
  expect(page.events.map((e) => e.type)).toEqual(['MeetingScheduled']);
  expect(page.next).toBeUndefined();
});

test('each cursor goes with its own order: 400 invalid-query naming the field', async () => {
  const before = expectProblem(await h.get('/programmes/long/history?before=3', h.tokens.observer), 400, 'invalid-query');
  expect(before.errors).toEqual([{ path: 'before', message: expect.any(String) }]);
  const asc = expectProblem(await h.get('/programmes/long/history?order=asc&before=3', h.tokens.observer), 400, 'invalid-query');
  expect(asc.errors?.map((e) => e.path)).toEqual(['before']);
  const after = expectProblem(await h.get('/programmes/long/history?order=desc&after=3', h.tokens.observer), 400, 'invalid-query');
  expect(after.errors).toEqual([{ path: 'after', message: expect.any(String) }]);
  const order = expectProblem(await h.get('/programmes/long/history?order=newest', h.tokens.observer), 400, 'invalid-query');
  expect(order.errors?.map((e) => e.path)).toEqual(['order']);
  const unknown = expectProblem(await h.get('/programmes/long/history?order=desc&newest=true', h.tokens.observer), 400, 'invalid-query');
  expect(unknown.errors).toEqual([{ path: 'newest', message: 'unknown query parameter' }]);
  expectProblem(await h.get('/programmes/long/history?order=desc&limit=0', h.tokens.observer), 400, 'invalid-query');
  expectProblem(await h.get('/programmes/long/history?order=desc&limit=1001', h.tokens.observer), 400, 'invalid-query');
});

test('before must be a position of the event store, like after', async () => {
  const problem = expectProblem(await h.get('/programmes/long/history?order=desc&before=x1', h.tokens.observer), 400, 'invalid-position');
  expect(problem.errors).toEqual([{ path: 'before', message: 'not a position' }]);
});

test('an unknown programme is 404, newest first too', async () => {
  expectProblem(await h.get('/programmes/nope/history?order=desc', h.tokens.observer), 404, 'programme-not-found');
  expectProblem(await h.get('/programmes/nope/history?order=desc&before=3', h.tokens.observer), 404, 'programme-not-found');
});

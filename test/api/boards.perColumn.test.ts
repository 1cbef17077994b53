import { columnIds } from '@tayari/projections/testing/boardViews';
import { z } from 'zod';
import { expectProblem, startApi, type ApiHarness } from '../support/apiHarness';
import { fixtures, ist } from './fixtures';

/**
 * GET /api/boards/programme/{id}?perColumn=N (past SPEC): the board a phone reads first, each column
 * cut to its first N cards by `order`, with `columnTotals` counting each whole column; it must agree
 * with the whole board (SPEC "Reads"), filters included.
 */

const STATUSES = ['todo', 'in_progress', 'blocked', 'done'] as const;
const CardSchema = z.looseObject({ id: z.string(), status: z.enum(STATUSES), order: z.string(), wing: z.string() });
const BoardSchema = z.looseObject({
  position: z.string(),
  readiness: z.looseObject({ total: z.number() }),
  cards: z.record(z.string(), CardSchema),
  responsibilities: z.record(z.string(), z.unknown()),
  columnTotals: z.strictObject({ todo: z.number(), in_progress: z.number(), blocked: z.number(), done: z.number() }).optional(),
});
type Board = z.infer<typeof BoardSchema>;

let h: ApiHarness;
let head = '0';

const read = async (query: string): Promise<Board> => {
  const res = await h.get(`/boards/programme/many?minPosition=${head}${query}`, h.tokens.observer);
  expect(res.status).toBe(200);
  return BoardSchema.parse(res.body as unknown);
};

beforeAll(async () => {
  h = await startApi({ idPrefix: 'perc' });
  const f = fixtures(h);
  await f.tour('many');
  await f.responsibility('many', 'many-duty');
  // Due times out of logging order, so `order` (due time first) differs from the ids' order.
  for (let i = 0; i < 14; i++) await f.task('many', `many-k${i}`, i % 3 === 0 ? 'youth' : 'adivasi', { dueAt: ist(20 - (i % 5), '10:00') });
  for (let i = 0; i < 5; i++) await f.status(`many-k${i}`, 'in_progress');
  await f.status('many-k5', 'blocked', { reason: 'no permission yet' });
  const last = await f.status('many-k6', 'done');
  head = last.position;
});

afterAll(async () => {
  await h?.close();
});

test('each column is cut to its first N cards by order, counted whole; the rest of the board is unchanged', async () => {
  const whole = await read('');
  expect(whole.columnTotals).toBeUndefined();
  const preview = await read('&perColumn=3');
  for (const status of STATUSES) {
    expect(columnIds(preview, status)).toEqual(columnIds(whole, status).slice(0, 3));
    expect(preview.columnTotals?.[status]).toBe(columnIds(whole, status).length);
  }
  expect(preview.columnTotals).toEqual({ todo: 7, in_progress: 5, blocked: 1, done: 1 });
  expect(Object.keys(preview.cards)).toHaveLength(3 + 3 + 1 + 1);
  const { cards: _cards, columnTotals: _totals, ...rest } = preview;
  const { cards: _wholeCards, ...wholeRest } = whole;
  expect(rest).toEqual(wholeRest);
});

test('a column no longer than N comes whole, and a board no column of which is longer than N is the whole board', async () => {
  const whole = await read('');
  const preview = await read('&perColumn=7');
  expect(preview.cards).toEqual(whole.cards);
  expect(Object.values(preview.columnTotals ?? {}).reduce((sum, n) => sum + n, 0)).toBe(Object.keys(whole.cards).length);
});

test('works with the filters: the cut and the counts are of the filtered board', async () => {
  const whole = await read('&wing=youth');
  const preview = await read('&wing=youth&perColumn=1');
  for (const status of STATUSES) {
    expect(columnIds(preview, status)).toEqual(columnIds(whole, status).slice(0, 1));
    expect(preview.columnTotals?.[status]).toBe(columnIds(whole, status).length);
  }
  // Readiness stays the whole programme's (SPEC v2 filters).
  expect(preview.readiness).toEqual((await read('')).readiness);
});

test('perColumn is a whole number from 1 to 500: 400 invalid-query naming it', async () => {
  for (const bad of ['0', '501', '-1', '2.5', 'ten', '']) {
    const problem = expectProblem(await h.get(`/boards/programme/many?perColumn=${bad}`, h.tokens.observer), 400, 'invalid-query');
    expect(problem.errors?.map((e) => e.path)).toEqual(['perColumn']);
  }
  expectProblem(await h.get('/boards/programme/nowhere?perColumn=3', h.tokens.observer), 404, 'programme-not-found');
});

import { expectAnswer, expectProblem, startApi, type ApiHarness } from '../support/apiHarness';
import { driveFixtures } from './driveFixtures';

/** GET /api/drives/{id}/board (SPEC v2): counts for every token, never a name or phone. */
let h: ApiHarness;
let f: ReturnType<typeof driveFixtures>;
beforeAll(async () => {
  h = await startApi({ idPrefix: 'dboard' });
  f = driveFixtures(h);
  await f.launch('db', { 'cg-bastar': 4, 'cg-raipur': 10 });
});
afterAll(() => h.close());

test('an empty drive: its window and targets, nothing enrolled', async () => {
  expect(await f.board('db')).toEqual({
    position: expect.any(String),
    drive: { id: 'db', title: 'Shakti db', startsAt: '2018-06-01T00:00:00.000Z', endsAt: '2018-07-01T00:00:00.000Z', closed: false, version: 1 },
    total: 0,
    target: 14,
    percent: 0,
    byUnit: { 'cg-bastar': { enrolled: 0, target: 4, percent: 0, rank: 1 }, 'cg-raipur': { enrolled: 0, target: 10, percent: 0, rank: 2 } },
    byEnroller: [],
    perDay: [],
  });
});

test('enrolments count by unit (ranked), by enroller and by day (India time); targets and closing show', async () => {
  await f.enrol('db', 'a1', 1);
  await f.enrol('db', 'a2', 2);
  await f.enrol('db', 'a3', 3, h.tokens.adivasiOrganiser, 'cg-raipur');
  // 20:00 UTC is the next day in India.
  h.clock.set('2018-06-01T20:00:00.000Z');
  await h.refreshTokens();
  await f.enrol('db', 'a4', 4, h.tokens.incharge, 'cg-raipur');
  expectAnswer(await h.post('/drives/db/targets', h.tokens.incharge, { unit: 'cg-durg', target: 6 }), 200);
  expectAnswer(await h.post('/drives/db/close', h.tokens.incharge, {}), 200);
  const board = await f.board('db', h.tokens.adivasiOrganiser);
  expect(board).toMatchObject({ total: 4, target: 20, percent: 20, drive: { closed: true, version: 3 } });
  expect(board.byUnit).toEqual({
    'cg-bastar': { enrolled: 2, target: 4, percent: 50, rank: 1 },
    'cg-raipur': { enrolled: 2, target: 10, percent: 20, rank: 2 },
    'cg-durg': { enrolled: 0, target: 6, percent: 0, rank: 3 },
  });
  expect(board.byEnroller).toEqual([
    { sub: 'u-adivasi-lead', name: 'आदिवासी lead', enrolled: 2 },
    { sub: 'u-adivasi-org', name: 'Organiser Netam', enrolled: 1 },
    { sub: 'u-incharge', name: 'प्रभारी Sharma', enrolled: 1 },
  ]);
  expect(board.perDay).toEqual([
    { date: '2018-06-01', enrolled: 3 },
    { date: '2018-06-02', enrolled: 1 },
  ]);
});

test('an unknown drive is 404; a query it does not take is 400', async () => {
  expectProblem(await h.get('/drives/nope/board', h.tokens.observer), 404, 'drive-not-found');
  expect((await h.get('/drives/db/board?unit=cg-bastar', h.tokens.observer)).status).toBe(400);
});

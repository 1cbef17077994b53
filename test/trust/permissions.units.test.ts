import { LiveTestClient } from '@tayari/live/testing/LiveTestClient';
import { expectAnswer, expectProblem, startApi, type ApiHarness, type Person } from '../support/apiHarness';
import { fixtures, type Fixtures } from '../api/fixtures';

/**
 * SPEC v2 "organisation units": a token naming a unit acts and reads only within that unit and the
 * units under it (403 outside); a token naming the state, or none, everywhere.
 */

const bastarIncharge: Person = { sub: 'u-bastar-in', name: 'Bastar in-charge', role: 'incharge', unit: 'cg-bastar' };
const bastarOrganiser: Person = { sub: 'u-bastar-org', name: 'Bastar organiser', role: 'organiser', wing: 'adivasi', unit: 'cg-bastar' };
const stateIncharge: Person = { sub: 'u-state-in', name: 'State in-charge', role: 'incharge', unit: 'cg' };

let h: ApiHarness;
let f: Fixtures;
let bastar: string;
let organiser: string;
let state: string;

beforeAll(async () => {
  h = await startApi({ idPrefix: 'units-scope' });
  f = fixtures(h);
  await f.tour('bastar-tour', { unit: 'cg-bastar' });
  await f.tour('raipur-tour', { unit: 'cg-raipur' });
  await f.tour('state-tour');
  await f.task('bastar-tour', 'bastar-task');
  await f.task('raipur-tour', 'raipur-task');
  [bastar, organiser, state] = await Promise.all([h.token(bastarIncharge), h.token(bastarOrganiser), h.token(stateIncharge)]);
});
afterAll(() => h.close());

const refused = async (token: string, path: string, body: object) => {
  const before = await h.eventCount();
  expectProblem(await h.post(path, token, body), 403, 'forbidden-other-unit');
  expect(await h.eventCount()).toBe(before);
};
const stop = (stopId: string) => ({
  stopId,
  place: 'P',
  district: 'D',
  venue: 'V',
  startsAt: '2018-06-26T11:00:00+05:30',
  endsAt: '2018-06-26T12:00:00+05:30',
});

test('an in-charge of a district plans and changes only within it (and the units under it)', async () => {
  expectAnswer(await h.post('/tours', bastar, { id: 'b2', title: 'T', leader: 'L', unit: 'cg-bastar' }), 201);
  expectAnswer(
    await h.post('/units', bastar, { code: 'cg-bastar-jagdalpur', name: { en: 'Jagdalpur', hi: 'जगदलपुर' }, kind: 'block', parent: 'cg-bastar' }),
    201,
  );
  expectAnswer(await h.post('/tours', bastar, { id: 'b3', title: 'T', leader: 'L', unit: 'cg-bastar-jagdalpur' }), 201);
  expectAnswer(await h.post('/tours/bastar-tour/stops', bastar, stop('s1')), 201);
  await refused(bastar, '/tours', { id: 'r2', title: 'T', leader: 'L', unit: 'cg-raipur' });
  await refused(bastar, '/tours', { id: 's2', title: 'T', leader: 'L' });
  await refused(bastar, '/tours/raipur-tour/stops', stop('s1'));
  await refused(bastar, '/tours/state-tour/cancel', { reason: 'r' });
  await refused(bastar, '/tasks', { programmeId: 'bastar-tour', wing: 'adivasi', title: 'x', unit: 'cg-raipur' });
  await refused(bastar, '/units', { code: 'cg-raipur-x', name: { en: 'X', hi: 'X' }, kind: 'block', parent: 'cg-raipur' });
  await refused(bastar, '/wings', { code: 'district-cell', name: { en: 'C', hi: 'C' }, kind: 'cell' });
});

test('a district organiser works its wing’s tasks there only; people are managed within the unit', async () => {
  expectAnswer(await h.post('/tasks/bastar-task/status', organiser, { status: 'in_progress' }), 200);
  await refused(organiser, '/tasks/raipur-task/status', { status: 'in_progress' });
  expectAnswer(await h.post('/people', bastar, { id: 'p-bastar', name: 'P', role: 'observer', unit: 'cg-bastar' }), 201);
  await refused(bastar, '/people', { name: 'P', role: 'observer', unit: 'cg-raipur' });
  await refused(bastar, '/people/p-bastar/role', { role: 'observer', unit: 'cg-raipur' });
});

test('a token naming the state acts everywhere, things of no unit included', async () => {
  expectAnswer(await h.post('/tours/state-tour/stops', state, stop('s1')), 201);
  expectAnswer(await h.post('/tasks/raipur-task/status', state, { status: 'in_progress' }), 200);
});

test('reads are narrowed to the unit; a programme outside it is 403', async () => {
  const head = (await h.tayari.store.headPosition()) ?? '0';
  const readiness = await h.get(`/boards/readiness?minPosition=${head}`, bastar);
  expect(Object.keys((readiness.body as { programmes: object }).programmes).sort()).toEqual(['b2', 'b3', 'bastar-tour']);
  expectProblem(await h.get('/boards/readiness?unit=cg-raipur', bastar), 403, 'forbidden-other-unit');
  expect((await h.get('/programmes/bastar-tour', bastar)).status).toBe(200);
  expectProblem(await h.get('/programmes/raipur-tour', bastar), 403, 'forbidden-other-unit');
  expectProblem(await h.get('/boards/programme/state-tour', bastar), 403, 'forbidden-other-unit');
  // A wing's board for a district: the wing's work in programmes of that district (and below) only.
  const wingOf = async (token: string, query = '') => {
    const res = await h.get(`/boards/wing/adivasi?minPosition=${head}${query}`, token);
    expect(res.status).toBe(200);
    const body = res.body as { programmes: object; cards: object };
    return { programmes: Object.keys(body.programmes).sort(), cards: Object.keys(body.cards).sort() };
  };
  expect(await wingOf(organiser)).toEqual({ programmes: ['bastar-tour'], cards: ['bastar-task'] });
  expect(await wingOf(state)).toEqual({ programmes: ['bastar-tour', 'raipur-tour'], cards: ['bastar-task', 'raipur-task'] });
  expect(await wingOf(state, '&unit=cg-raipur')).toEqual({ programmes: ['raipur-tour'], cards: ['raipur-task'] });
  expectProblem(await h.get('/boards/wing/adivasi?unit=cg-raipur', organiser), 403, 'forbidden-other-unit');
  const people = (await h.get('/people', bastar)).body as { people: { id: string }[] };
  expect(people.people.map((p) => p.id)).toEqual(['p-bastar']);
});

test('live boards follow the same rules', async () => {
  const client = await LiveTestClient.connect(`${h.tayari.url.replace(/^http/, 'ws')}/ws?token=${bastar}`);
  client.ws.send(JSON.stringify({ type: 'subscribe', board: 'readiness' }));
  const snapshot = await client.next((m) => m.type === 'snapshot', 5000);
  expect(Object.keys((snapshot.data as { programmes: object }).programmes).sort()).toEqual(['b2', 'b3', 'bastar-tour']);
  client.ws.send(JSON.stringify({ type: 'subscribe', board: 'programme:raipur-tour' }));
  expect(await client.next((m) => m.type === 'error', 5000)).toMatchObject({ code: 'forbidden', board: 'programme:raipur-tour' });
  await client.close();
  const wing = await LiveTestClient.connect(`${h.tayari.url.replace(/^http/, 'ws')}/ws?token=${organiser}`);
  wing.ws.send(JSON.stringify({ type: 'subscribe', board: 'wing:adivasi' }));
  const board = await wing.next((m) => m.type === 'snapshot', 5000);
  expect(Object.keys((board.data as { cards: object }).cards)).toEqual(['bastar-task']);
  await wing.close();
});

test('a post outside the unit has no history to read; a drive’s names are only the unit’s', async () => {
  const title = { en: 'Block president', hi: 'ब्लॉक अध्यक्ष' };
  expectAnswer(await h.post('/posts', h.tokens.incharge, { id: 'raipur-post', unit: 'cg-raipur', title }), 201);
  expectAnswer(await h.post('/posts', h.tokens.incharge, { id: 'bastar-post', unit: 'cg-bastar', title }), 201);
  const head = (await h.tayari.store.headPosition()) ?? '0';
  expect((await h.get(`/posts/bastar-post/history?minPosition=${head}`, bastar)).status).toBe(200);
  expectProblem(await h.get('/posts/raipur-post/history', bastar), 403, 'forbidden-other-unit');

  const window = { startsAt: '2018-06-01T00:00:00.000Z', endsAt: '2018-07-01T00:00:00.000Z' };
  expectAnswer(await h.post('/drives', h.tokens.incharge, { id: 'shakti', title: 'Shakti', ...window, targets: { 'cg-bastar': 5, 'cg-raipur': 5 } }), 201);
  for (const [unit, phone] of [
    ['cg-bastar', '9812300001'],
    ['cg-raipur', '9812300002'],
  ] as const) {
    expectAnswer(await h.post('/drives/shakti/enrolments', h.tokens.incharge, { unit, name: `Worker ${unit}`, phone, consent: true }), 201);
  }
  const after = (await h.tayari.store.headPosition()) ?? '0';
  const names = (await h.get(`/drives/shakti/enrolments?minPosition=${after}`, bastar)).body as { enrolments: { unit: string }[] };
  expect(names.enrolments.map((e) => e.unit)).toEqual(['cg-bastar']);
  const all = (await h.get(`/drives/shakti/enrolments?minPosition=${after}`, h.tokens.incharge)).body as { enrolments: { unit: string }[] };
  expect(all.enrolments.map((e) => e.unit).sort()).toEqual(['cg-bastar', 'cg-raipur']);
});

import { expectAnswer, expectProblem, startApi, type ApiHarness } from '../support/apiHarness';

/** SPEC v2 "organisation units": the default catalogue, registering more, and the tree GET /api/units answers. */

let h: ApiHarness;

beforeAll(async () => {
  h = await startApi({ idPrefix: 'units' });
});
afterAll(() => h.close());

interface Node {
  code: string;
  name: { en: string; hi: string };
  kind: string;
  children: Node[];
}
const treeOf = async (query = ''): Promise<Node[]> => {
  const res = await h.get(`/units${query}`, h.tokens.observer);
  expect(res.status).toBe(200);
  return (res.body as { units: Node[] }).units;
};

test('the default tree: Chhattisgarh at the root with its 33 districts, by English name, Hindi names kept', async () => {
  const [state, ...others] = await treeOf();
  expect(others).toEqual([]);
  expect(state).toMatchObject({ code: 'cg', kind: 'state', name: { hi: 'छत्तीसगढ़' } });
  expect(state?.children).toHaveLength(33);
  const names = state?.children.map((child) => child.name.en) ?? [];
  expect(names).toEqual([...names].sort());
  expect(state?.children.find((child) => child.code === 'cg-raipur')).toEqual({
    code: 'cg-raipur',
    name: { en: 'Raipur', hi: 'रायपुर' },
    kind: 'district',
    children: [],
  });
});

test('an in-charge registers a block and a city; the tree shows them under their district', async () => {
  const block = expectAnswer(
    await h.post('/units', h.tokens.incharge, {
      code: 'cg-bastar-jagdalpur',
      name: { en: 'Jagdalpur block', hi: 'जगदलपुर ब्लॉक' },
      kind: 'block',
      parent: 'cg-bastar',
    }),
    201,
  );
  const city = expectAnswer(
    await h.post('/units', h.tokens.incharge, { code: 'cg-bastar-city', name: { en: 'Jagdalpur city', hi: 'जगदलपुर शहर' }, kind: 'city', parent: 'cg-bastar' }),
    201,
  );
  expect(city.version).toBe(block.version + 1);
  const [state] = await treeOf(`?minPosition=${city.position}`);
  const bastar = state?.children.find((child) => child.code === 'cg-bastar');
  expect(bastar?.children.map((child) => [child.code, child.kind])).toEqual([
    ['cg-bastar-jagdalpur', 'block'],
    ['cg-bastar-city', 'city'],
  ]);
});

test('refused: a code taken (409), a parent of the wrong kind or missing (400), anyone but an in-charge (403); nothing appended', async () => {
  const before = await h.eventCount();
  expectProblem(
    await h.post('/units', h.tokens.incharge, { code: 'cg-raipur', name: { en: 'R', hi: 'र' }, kind: 'district', parent: 'cg' }),
    409,
    'unit-code-taken',
  );
  expectProblem(await h.post('/units', h.tokens.incharge, { code: 'cg-x', name: { en: 'X', hi: 'क' }, kind: 'block', parent: 'cg' }), 400, 'unit-parent');
  expectProblem(await h.post('/units', h.tokens.incharge, { code: 'cg-y', name: { en: 'Y', hi: 'य' }, kind: 'city' }), 400, 'unit-parent');
  expectProblem(
    await h.post('/units', h.tokens.adivasiLead, { code: 'cg-z', name: { en: 'Z', hi: 'ज़' }, kind: 'district', parent: 'cg' }),
    403,
    'forbidden-incharge',
  );
  expect(await h.eventCount()).toBe(before);
});

test('programmes may name a unit; GET /api/programmes?unit= keeps that unit and the units under it', async () => {
  expectAnswer(await h.post('/tours', h.tokens.incharge, { id: 'u-tour', title: 'Bastar yatra', leader: 'Rahul Gandhi', unit: 'cg-bastar' }), 201);
  const meeting = expectAnswer(
    await h.post('/meetings', h.tokens.incharge, {
      id: 'u-meeting',
      title: 'Block review',
      venue: 'Jagdalpur',
      startsAt: '2018-06-21T10:00:00+05:30',
      chairs: ['Deepak Baij'],
      unit: 'cg-bastar-jagdalpur',
    }),
    201,
  );
  expectProblem(await h.post('/tours', h.tokens.incharge, { id: 'u-nowhere', title: 'T', leader: 'L', unit: 'cg-nowhere' }), 400, 'unknown-unit');
  const ids = async (unit: string) => {
    const res = await h.get(`/programmes?unit=${unit}&minPosition=${meeting.position}`, h.tokens.observer);
    expect(res.status).toBe(200);
    return (res.body as { programmes: { id: string; unit?: string }[] }).programmes.map((p) => p.id).sort();
  };
  expect(await ids('cg')).toEqual(['u-meeting', 'u-tour']);
  expect(await ids('cg-bastar')).toEqual(['u-meeting', 'u-tour']);
  expect(await ids('cg-bastar-jagdalpur')).toEqual(['u-meeting']);
  expect(await ids('cg-raipur')).toEqual([]);
  const detail = await h.get('/programmes/u-tour', h.tokens.observer);
  expect(detail.body).toMatchObject({ id: 'u-tour', unit: 'cg-bastar' });
  expect((await h.get('/programmes?unit=Not A Code', h.tokens.observer)).status).toBe(400);
});

test('the readiness and attention boards take ?unit= (that unit and those under it); the programme board refuses it', async () => {
  const position = (await h.get('/boards/readiness', h.tokens.observer).then((r) => r.body as { position: string })).position;
  const readiness = async (unit: string) => {
    const res = await h.get(`/boards/readiness?unit=${unit}&minPosition=${position}`, h.tokens.observer);
    expect(res.status).toBe(200);
    return Object.keys((res.body as { programmes: Record<string, unknown> }).programmes).sort();
  };
  expect(await readiness('cg-bastar')).toEqual(['u-meeting', 'u-tour']);
  expect(await readiness('cg-bastar-jagdalpur')).toEqual(['u-meeting']);
  expect(await readiness('cg-raipur')).toEqual([]);
  const attention = await h.get('/boards/attention?unit=cg-raipur', h.tokens.observer);
  expect(attention.status).toBe(200);
  expect(attention.body).toMatchObject({ programmes: [], overdue: [], blocked: [], unacknowledged: [] });
  expectProblem(await h.get('/boards/programme/u-tour?unit=cg', h.tokens.observer), 400, 'invalid-query');
  expectProblem(await h.get('/boards/readiness?wing=adivasi', h.tokens.observer), 400, 'invalid-query');
});

test('a task may name a unit (checked against the catalogue), and its card says which', async () => {
  const logged = expectAnswer(
    await h.post('/tasks', h.tokens.incharge, {
      id: 'u-task',
      programmeId: 'u-tour',
      wing: 'adivasi',
      title: 'Booth agents, Jagdalpur',
      unit: 'cg-bastar-jagdalpur',
    }),
    201,
  );
  expectProblem(
    await h.post('/tasks', h.tokens.incharge, { id: 'u-task-2', programmeId: 'u-tour', wing: 'adivasi', title: 'T', unit: 'cg-nowhere' }),
    400,
    'unknown-unit',
  );
  const board = await h.get(`/boards/programme/u-tour?minPosition=${logged.position}`, h.tokens.observer);
  expect((board.body as { cards: Record<string, { unit?: string }> }).cards['u-task']?.unit).toBe('cg-bastar-jagdalpur');
});

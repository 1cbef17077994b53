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

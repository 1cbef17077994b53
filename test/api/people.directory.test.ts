import { expectAnswer, expectProblem, startApi, type ApiHarness } from '../support/apiHarness';
import { addPerson, DirectorySchema, invite, redeem } from './peopleFixtures';

/** SPEC v2 "people and access": who may add and manage whom, and the directory each role reads. */

let h: ApiHarness;
beforeAll(async () => {
  h = await startApi({ idPrefix: 'directory' });
  await addPerson(h, { id: 'p-lead', name: 'Ravi Markam', phone: '+91 98123 45670', role: 'wing-lead', wing: 'adivasi', unit: 'cg-bastar' });
  await addPerson(h, { id: 'p-org', name: 'सुनीता नेताम', phone: '09812345671', role: 'organiser', wing: 'adivasi', unit: 'cg-bastar' });
  await addPerson(h, { id: 'p-youth', name: 'Amit Sahu', role: 'organiser', wing: 'youth', unit: 'cg-raipur' });
  await addPerson(h, { id: 'p-obs', name: 'Observer Verma', role: 'observer' });
});
afterAll(() => h.close());

const directory = async (query: string, token: string) => {
  const res = await h.get(`/people${query}`, token);
  expect(res.status).toBe(200);
  return DirectorySchema.parse(res.body).people;
};

test('the directory lists people by name; phones (normalised) only for in-charges', async () => {
  const seen = await directory('', h.tokens.incharge);
  expect(seen.map((person) => person.id)).toEqual(['p-youth', 'p-obs', 'p-lead', 'p-org']);
  expect(seen.find((person) => person.id === 'p-org')).toEqual({
    id: 'p-org',
    name: 'सुनीता नेताम',
    phone: '+919812345671',
    role: 'organiser',
    wing: 'adivasi',
    unit: 'cg-bastar',
    signIn: 'not-invited',
  });
  for (const token of [h.tokens.observer, h.tokens.adivasiLead, h.tokens.adivasiOrganiser]) {
    expect((await directory('', token)).some((person) => person.phone !== undefined)).toBe(false);
  }
});

test('filters: wing, unit (and the units under it), text in any script; phone digits only for in-charges', async () => {
  expect((await directory('?wing=adivasi', h.tokens.observer)).map((p) => p.id)).toEqual(['p-lead', 'p-org']);
  expect((await directory('?unit=cg-raipur', h.tokens.observer)).map((p) => p.id)).toEqual(['p-youth']);
  expect((await directory('?unit=cg', h.tokens.observer)).map((p) => p.id)).toEqual(['p-youth', 'p-lead', 'p-org']);
  expect((await directory(`?q=${encodeURIComponent('सुनीता')}`, h.tokens.observer)).map((p) => p.id)).toEqual(['p-org']);
  expect((await directory('?q=markam', h.tokens.observer)).map((p) => p.id)).toEqual(['p-lead']);
  expect((await directory('?q=45671', h.tokens.incharge)).map((p) => p.id)).toEqual(['p-org']);
  expect(await directory('?q=45671', h.tokens.observer)).toEqual([]);
  expectProblem(await h.get('/people?role=x', h.tokens.observer), 400, 'invalid-query');
});

test('sign-in state shows in the directory', async () => {
  const { code } = await invite(h, 'p-obs');
  let obs = (await directory('?q=Observer', h.tokens.incharge))[0];
  expect(obs?.signIn).toBe('invited');
  await redeem(h, code);
  await h.tayari.reads.waitFor((await h.tayari.store.headPosition()) ?? '0', 5000);
  obs = (await directory('?q=Observer', h.tokens.incharge))[0];
  expect(obs?.signIn).toBe('signed-in');
});

test('a wing-lead adds and manages organisers of its own wing only; organisers and observers manage no one', async () => {
  const lead = h.tokens.adivasiLead;
  const added = expectAnswer(await h.post('/people', lead, { name: 'New organiser', role: 'organiser', wing: 'adivasi' }), 201);
  await h.tayari.reads.waitFor(added.position, 5000);
  expectProblem(await h.post('/people', lead, { name: 'X', role: 'organiser', wing: 'youth' }), 403, 'forbidden-other-wing');
  expectProblem(await h.post('/people', lead, { name: 'X', role: 'wing-lead', wing: 'adivasi' }), 403, 'forbidden-person');
  expect((await h.post(`/people/${added.id}/invite`, lead, {})).status).toBe(201);
  expectProblem(await h.post('/people/p-youth/invite', lead, {}), 403, 'forbidden-other-wing');
  expectProblem(await h.post('/people/p-lead/revoke', lead, { reason: 'no' }), 403, 'forbidden-person');
  expectProblem(await h.post('/people/p-org/role', lead, { role: 'observer' }), 403, 'forbidden-incharge');
  expectProblem(await h.post('/people', h.tokens.adivasiOrganiser, { name: 'X', role: 'organiser', wing: 'adivasi' }), 403, 'forbidden-wing-manage');
  expectProblem(await h.post('/people/p-org/invite', h.tokens.observer, {}), 403, 'forbidden-wing-manage');
});

test('bad input is refused with 400 or 404 and appends nothing', async () => {
  const before = await h.eventCount();
  const bad = [
    { name: 'X', role: 'organiser' },
    { name: 'X', role: 'incharge', wing: 'adivasi' },
    { name: 'X', role: 'observer', phone: '12345' },
    { name: 'X', role: 'observer', unit: 'nowhere' },
    { name: 'X', role: 'organiser', wing: 'no-such-wing' },
    { name: 'X', role: 'boss' },
  ];
  for (const body of bad) expect((await h.post('/people', h.tokens.incharge, body)).status).toBe(400);
  expectProblem(await h.post('/people', h.tokens.incharge, { id: 'p-org', name: 'Again', role: 'observer' }), 409, 'person-id-taken');
  expectProblem(await h.post('/people/nobody/invite', h.tokens.incharge, {}), 404, 'person-not-found');
  expectProblem(await h.post('/people/nobody/revoke', h.tokens.incharge, { reason: 'x' }), 404, 'person-not-found');
  expect(await h.eventCount()).toBe(before);
});

test('GET /api/me for a token Tayari did not make answers from the token', async () => {
  const res = await h.get('/me', h.tokens.adivasiLead);
  expect(res.body).toMatchObject({ person: { id: 'u-adivasi-lead', role: 'wing-lead', wing: 'adivasi', known: false } });
});

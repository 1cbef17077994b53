import { z } from 'zod';
import { startApi, type ApiHarness } from '../support/apiHarness';
import { driveFixtures } from './driveFixtures';

/** GET /api/drives (past SPEC, for the page to offer its drives): every drive, counts only, the latest start first. */
let h: ApiHarness;
let f: ReturnType<typeof driveFixtures>;
beforeAll(async () => {
  h = await startApi({ idPrefix: 'dlist' });
  f = driveFixtures(h);
});
afterAll(() => h.close());

const ListSchema = z.strictObject({
  position: z.string(),
  drives: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      closed: z.boolean(),
      total: z.number(),
      target: z.number(),
      percent: z.number(),
    }),
  ),
});

async function list(token: string) {
  const head = (await h.tayari.store.headPosition()) ?? '0';
  const res = await h.get(`/drives?minPosition=${encodeURIComponent(head)}`, token);
  expect(res.status).toBe(200);
  return ListSchema.parse(res.body);
}

test('no drive yet: an empty list', async () => {
  expect((await list(h.tokens.observer)).drives).toEqual([]);
});

test('every drive with its total against target, for every token, the latest start first', async () => {
  await f.launch('dl1', { 'cg-bastar': 4, 'cg-raipur': 6 });
  const later = { id: 'dl2', title: 'Shakti dl2', startsAt: '2018-06-01T06:00:00.000Z', endsAt: '2018-07-01T00:00:00.000Z', targets: { 'cg-durg': 3 } };
  expect((await h.post('/drives', h.tokens.incharge, later)).status).toBe(201);
  await f.enrol('dl1', 'e1', 1);
  await f.enrol('dl1', 'e2', 2);
  const { drives } = await list(h.tokens.observer);
  expect(drives).toEqual([
    { id: 'dl2', title: 'Shakti dl2', startsAt: later.startsAt, endsAt: later.endsAt, closed: false, total: 0, target: 3, percent: 0 },
    {
      id: 'dl1',
      title: 'Shakti dl1',
      startsAt: '2018-06-01T00:00:00.000Z',
      endsAt: '2018-07-01T00:00:00.000Z',
      closed: false,
      total: 2,
      target: 10,
      percent: 20,
    },
  ]);
});

test('needs a token, and takes no other query', async () => {
  expect((await h.get('/drives', undefined)).status).toBe(401);
  const res = await h.get('/drives?unit=cg-bastar', h.tokens.incharge);
  expect(res.status).toBe(400);
});

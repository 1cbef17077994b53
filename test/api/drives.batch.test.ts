import { join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { startApi, type ApiHarness } from '../support/apiHarness';
import { driveFixtures, EnrolmentListSchema, person } from './driveFixtures';

/** Issue 15: a district's burst through the batch endpoint, and the in-charges' list a page at a time. */
let h: ApiHarness;
let f: ReturnType<typeof driveFixtures>;
beforeAll(async () => {
  h = await startApi({ idPrefix: 'dbatch' });
  f = driveFixtures(h);
  await f.launch('db', { 'cg-bastar': 100, 'cg-raipur': 100 });
});
afterAll(() => h.close());

const BatchAnswer = z.strictObject({
  results: z.array(z.strictObject({ status: z.number(), body: z.record(z.string(), z.unknown()), headers: z.record(z.string(), z.unknown()) })),
});
const item = (n: number, over: object = {}) => ({
  method: 'POST',
  path: '/api/drives/db/enrolments',
  idempotencyKey: `burst-${n}-${JSON.stringify(over).length}`,
  body: { id: `b${n}`, unit: n % 2 === 0 ? 'cg-bastar' : 'cg-raipur', ...person(n), consent: true, ...over },
});
const batch = async (commands: object[]) => {
  const res = await h.post('/commands/batch', h.tokens.incharge, { commands });
  return BatchAnswer.parse(res.body).results;
};
const keysStored = () => {
  const db = new Database(join(h.dataDir, 'keys.db'), { readonly: true });
  try {
    return z.object({ n: z.number() }).parse(db.prepare('SELECT count(*) AS n FROM enrolment_keys').get()).n;
  } finally {
    db.close();
  }
};

test('a burst: every item answered in order; one phone twice (written two ways) is 201 then 409 naming the first', async () => {
  const keysBefore = keysStored();
  const commands = Array.from({ length: 40 }, (_, n) => item(n));
  // Item 30 is item 5's phone, written as people write it: it runs after item 5 (one lane), whatever the timing.
  commands[30] = item(30, { phone: `+91 ${person(5).phone.slice(0, 5)} ${person(5).phone.slice(5)}` });
  const results = await batch(commands);
  expect(results.map((r) => r.status)).toEqual(Array.from({ length: 40 }, (_, n) => (n === 30 ? 409 : 201)));
  expect(results.map((r) => r.body.id)).toEqual(Array.from({ length: 40 }, (_, n) => (n === 30 ? undefined : `b${n}`)));
  expect(results[30]?.body).toMatchObject({ type: '/problems/duplicate-enrolment', detail: expect.stringContaining('b5') });
  // A refused enrolment leaves no key behind.
  expect(keysStored() - keysBefore).toBe(39);
  expect((await f.board('db')).total).toBe(39);
});

test('an item with stopOnError still stops the ones after it', async () => {
  const results = await batch([item(100), { ...item(101, { unit: 'cg-korba' }), stopOnError: true }, item(102), item(103)]);
  expect(results.map((r) => r.status)).toEqual([201, 409, 424, 424]);
});

test('the list a page at a time: `limit` and `next` → `after` give every enrolment once, in order', async () => {
  const list = async (query: string) => {
    await h.tayari.reads.waitFor((await h.tayari.store.headPosition()) ?? '0', 5000);
    const res = await h.get(`/drives/db/enrolments${query}`, h.tokens.incharge);
    expect(res.status).toBe(200);
    return EnrolmentListSchema.extend({ next: z.string().optional() }).parse(res.body);
  };
  const all = (await list('')).enrolments.map((e) => e.id);
  expect(all).toHaveLength(40);
  const first = await list('?limit=15');
  expect(first.enrolments.map((e) => e.id)).toEqual(all.slice(0, 15));
  const second = await list(`?limit=100&after=${first.next ?? 'none'}`);
  expect(second.enrolments.map((e) => e.id)).toEqual(all.slice(15));
  expect(second.next).toBeUndefined();
  expect(first.enrolments[0]).toMatchObject({ name: expect.stringContaining('सुनीता'), phone: expect.stringMatching(/^\+91/) });
  expect((await h.get('/drives/db/enrolments?limit=0', h.tokens.incharge)).status).toBe(400);
});

describe('items of one id or idempotency key in a run of enrolments keep their order (the first wins)', () => {
  beforeAll(async () => {
    await f.launch('dr', { 'cg-bastar': 100, 'cg-raipur': 100 });
  });
  const into = (n: number, over: object = {}) => ({ ...item(n, over), path: '/api/drives/dr/enrolments' });

  test('two items with one body id (different phones): the first is enrolled, the second refused, every time', async () => {
    for (let round = 0; round < 5; round++) {
      const base = 1000 + round * 10;
      // Items 1 and 3 share an id, on two phones (two lanes). Item 1 waits in its phone's lane behind
      // item 0 (refused: no target there), so in one run item 3 would get the id first.
      const commands = [
        into(base, { unit: 'cg-korba', phone: person(base + 1).phone }),
        into(base + 1),
        into(base + 2),
        into(base + 3, { id: `b${base + 1}` }),
        into(base + 4),
      ];
      const results = await batch(commands);
      expect(results.map((r) => r.status)).toEqual([409, 201, 201, 409, 201]);
      expect(results[1]?.body).toMatchObject({ id: `b${base + 1}`, version: expect.anything() });
      const list = await h.get('/drives/dr/enrolments', h.tokens.incharge);
      expect(JSON.stringify(list.body)).not.toContain(person(base + 3).name);
    }
  });

  test('two items with one idempotency key: the first runs, the second is answered as its key says, every time', async () => {
    for (let round = 0; round < 5; round++) {
      const base = 2000 + round * 10;
      const shared = { ...into(base + 3), idempotencyKey: into(base + 1).idempotencyKey };
      // As above: item 1 waits behind item 0 in its phone's lane, item 3 (its key) would not.
      const results = await batch([into(base, { unit: 'cg-korba', phone: person(base + 1).phone }), into(base + 1), into(base + 2), shared]);
      expect(results.slice(0, 3).map((r) => r.status)).toEqual([409, 201, 201]);
      expect(results[1]?.body).toMatchObject({ id: `b${base + 1}` });
      // The key's first request wins: the second (another body) is not enrolled under it.
      expect(results[3]?.status).not.toBe(201);
      expect(results[3]?.body.id).not.toBe(`b${base + 3}`);
    }
  });
});

import { expectAnswer, expectProblem, startApi, typesAndData, type ApiHarness } from '../support/apiHarness';
import { fixtures, type Fixtures } from './fixtures';

/** SPEC v2 "meeting follow-ups": minutes whose decisions name a wing become that wing's tasks, once. */

let h: ApiHarness;
let f: Fixtures;
beforeAll(async () => {
  h = await startApi({ idPrefix: 'minutes' });
  f = fixtures(h);
  await f.meeting('review');
  await f.person('ravi', 'adivasi');
});
afterAll(() => h.close());

const decisions = [
  'बूथ समितियाँ 30 जून तक बनें',
  { text: 'Book the Jagdalpur ground', wing: 'adivasi', assignee: { personId: 'ravi' }, dueAt: '2018-06-28T17:30:00+05:30' },
  { text: 'Posters for every block', wing: 'youth', assignee: 'outside printer' },
];

const board = async (id: string) => {
  const head = (await h.tayari.store.headPosition()) ?? '0';
  const res = await h.get(`/boards/programme/${id}?minPosition=${head}`, h.tokens.observer);
  expect(res.status).toBe(200);
  return res.body as { cards: Record<string, { wing: string; title: string; assignee?: unknown; dueAt?: string }> };
};

test('each decision for a wing becomes a task of the meeting, with its assignee and due time', async () => {
  const before = await h.eventCount();
  expectAnswer(await h.post('/meetings/review/minutes', h.tokens.incharge, { decisions, attendance: 40 }, { 'Idempotency-Key': 'min-1' }), 200);
  const appended = typesAndData(await h.eventsAfter(before));
  expect(appended.map((e) => e.type)).toEqual(['MinutesRecorded', 'TaskLogged', 'TaskLogged']);
  const { cards } = await board('review');
  expect(cards['review-m1-d2']).toMatchObject({ wing: 'adivasi', title: 'Book the Jagdalpur ground', assignee: { personId: 'ravi', name: 'Person ravi' } });
  expect(cards['review-m1-d2']?.dueAt).toBe('2018-06-28T12:00:00.000Z');
  expect(cards['review-m1-d3']).toMatchObject({ wing: 'youth', assignee: 'outside printer' });
  const detail = await h.get('/programmes/review', h.tokens.observer);
  expect(detail.body).toMatchObject({
    minutes: {
      decisions: [decisions[0], 'Book the Jagdalpur ground', 'Posters for every block'],
      followUps: [
        { decision: 1, taskId: 'review-m1-d2', wing: 'adivasi' },
        { decision: 2, taskId: 'review-m1-d3', wing: 'youth' },
      ],
    },
  });
});

test('a retry with the same key makes no task twice; new minutes make new tasks', async () => {
  const before = await h.eventCount();
  const retry = await h.post('/meetings/review/minutes', h.tokens.incharge, { decisions, attendance: 40 }, { 'Idempotency-Key': 'min-1' });
  expect(retry.headers['idempotent-replayed']).toBe('true');
  expect(await h.eventCount()).toBe(before);
  expectAnswer(await h.post('/meetings/review/minutes', h.tokens.incharge, { decisions: [{ text: 'Follow up the ground', wing: 'adivasi' }] }), 200);
  expect((await board('review')).cards['review-m2-d1']).toMatchObject({ wing: 'adivasi' });
});

test('refused decisions append nothing: unknown wing 400, unknown person 404, assignee without a wing 400', async () => {
  const before = await h.eventCount();
  const unknown = await h.post('/meetings/review/minutes', h.tokens.incharge, { decisions: ['first', { text: 'x', wing: 'nope' }] });
  expectProblem(unknown, 400, 'unknown-wing');
  // Named at the decision, so a form shows it at that row.
  expect((unknown.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['decisions.1.wing']);
  expectProblem(
    await h.post('/meetings/review/minutes', h.tokens.incharge, { decisions: [{ text: 'x', wing: 'adivasi', assignee: { personId: 'ghost' } }] }),
    404,
    'person-not-found',
  );
  expectProblem(await h.post('/meetings/review/minutes', h.tokens.incharge, { decisions: [{ text: 'x', assignee: 'Ravi' }] }), 400, 'decision-needs-wing');
  expect(await h.eventCount()).toBe(before);
});

import { z } from 'zod';
import { expectAnswer, expectProblem, startApi, type ApiHarness } from '../support/apiHarness';
import { fixtures, ist, utc, type Fixtures } from './fixtures';
import { addPerson, settled } from './peopleFixtures';

/** SPEC v2 "people and access": a task's assignee may be a person; their own tasks are the `mine` board and /api/me's tasks. */

const AssigneeSchema = z.union([z.string(), z.strictObject({ personId: z.string(), name: z.string() })]);
const MineTaskSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  assignee: AssigneeSchema.optional(),
  overdue: z.boolean(),
  programmeId: z.string(),
  programmeTitle: z.string(),
});
const MineSchema = z.strictObject({
  position: z.string(),
  person: z.strictObject({ id: z.string(), name: z.string().optional() }),
  tasks: z.record(z.string(), MineTaskSchema),
});
const MeSchema = z.looseObject({ position: z.string(), person: z.looseObject({ id: z.string() }), tasks: z.array(MineTaskSchema) });

let h: ApiHarness;
let f: Fixtures;
let kamla: string;
let ravi: string;

beforeAll(async () => {
  h = await startApi({ idPrefix: 'mine' });
  f = fixtures(h);
  await f.tour('bastar', { title: 'बस्तर दौरा' });
  await f.stop('bastar', 'jagdalpur', 20, '10:00', '13:00');
  await f.meeting('review');
  await addPerson(h, { id: 'p-kamla', name: 'Kamla Dhruw', role: 'organiser', wing: 'adivasi' });
  await addPerson(h, { id: 'p-ravi', name: 'Ravi Korram', role: 'organiser', wing: 'adivasi' });
  kamla = await h.token({ sub: 'p-kamla', name: 'Kamla Dhruw', role: 'organiser', wing: 'adivasi' });
  ravi = await h.token({ sub: 'p-ravi', name: 'Ravi Korram', role: 'organiser', wing: 'adivasi' });
});
afterAll(() => h.close());

const mine = async (token: string) => {
  await settled(h);
  const res = await h.get('/boards/mine', token);
  expect(res.status).toBe(200);
  // Keyed by id like every board; here as a list (in no particular order) for the assertions.
  const board = MineSchema.parse(res.body);
  for (const [key, task] of Object.entries(board.tasks)) expect(task.id).toBe(key);
  return { ...board, tasks: Object.values(board.tasks) };
};
const me = async (token: string) => {
  await settled(h);
  const res = await h.get('/me', token);
  expect(res.status).toBe(200);
  return MeSchema.parse(res.body);
};
const ids = (tasks: readonly { id: string }[]) => tasks.map((task) => task.id);
/** The ids of a board's tasks, sorted (a keyed board has no order of its own). */
const keys = (tasks: readonly { id: string }[]) => ids(tasks).sort();

test('a task logged for a person is on their mine board and in /api/me, with the name at assignment', async () => {
  await f.task('bastar', 'stage', 'adivasi', { assignee: { personId: 'p-kamla' }, dueAt: ist(19, '18:00') });
  const board = await mine(kamla);
  expect(board.person).toEqual({ id: 'p-kamla', name: 'Kamla Dhruw' });
  expect(board.tasks).toEqual([
    expect.objectContaining({
      id: 'stage',
      assignee: { personId: 'p-kamla', name: 'Kamla Dhruw' },
      dueAt: utc(ist(19, '18:00')),
      overdue: false,
      programmeId: 'bastar',
      programmeTitle: 'बस्तर दौरा',
    }),
  ]);
  expect(ids((await me(kamla)).tasks)).toEqual(['stage']);
  expect((await mine(ravi)).tasks).toEqual([]);
  // The programme board's card carries the assignee as stored.
  const card = (await h.get('/boards/programme/bastar', kamla)).body as { cards: Record<string, { assignee?: unknown }> };
  expect(card.cards.stage?.assignee).toEqual({ personId: 'p-kamla', name: 'Kamla Dhruw' });
});

test('reassigning to another person moves the task between their boards; text filters still match by name', async () => {
  expectAnswer(await h.post('/tasks/stage/assign', h.tokens.incharge, { assignee: { personId: 'p-ravi' } }), 200);
  expect((await mine(kamla)).tasks).toEqual([]);
  expect(keys((await mine(ravi)).tasks)).toEqual(['stage']);
  expect(ids((await me(ravi)).tasks)).toEqual(['stage']);
  const filtered = (await h.get('/boards/programme/bastar?assignee=Ravi%20Korram&q=korram', ravi)).body as { cards: Record<string, unknown> };
  expect(Object.keys(filtered.cards)).toEqual(['stage']);
  const byId = async (id: string) => Object.keys(((await h.get(`/boards/programme/bastar?assigneeId=${id}`, ravi)).body as { cards: object }).cards);
  expect(await byId('p-ravi')).toEqual(['stage']);
  expect(await byId('p-kamla')).toEqual([]);
});

test('free text still works, and takes the task off the person’s board', async () => {
  await f.task('bastar', 'tent', 'adivasi', { assignee: 'Tent supplier, Jagdalpur' });
  expectAnswer(await h.post('/tasks/stage/assign', h.tokens.incharge, { assignee: 'Block president' }), 200);
  expect((await mine(ravi)).tasks).toEqual([]);
  const cards = ((await h.get('/boards/programme/bastar', ravi)).body as { cards: Record<string, { assignee?: unknown }> }).cards;
  expect(cards.tent?.assignee).toBe('Tent supplier, Jagdalpur');
  expect(cards.stage?.assignee).toBe('Block president');
});

test('an unknown person is 404 person-not-found and appends nothing', async () => {
  const before = await h.eventCount();
  expectProblem(await h.post('/tasks/stage/assign', h.tokens.incharge, { assignee: { personId: 'p-ghost' } }), 404, 'person-not-found');
  expectProblem(
    await h.post('/tasks', h.tokens.incharge, { programmeId: 'bastar', wing: 'adivasi', title: 'x', assignee: { personId: 'p-ghost' } }),
    404,
    'person-not-found',
  );
  expect(await h.eventCount()).toBe(before);
  expectProblem(await h.post('/tasks/stage/assign', h.tokens.incharge, { assignee: { personId: 'p-kamla', name: 'x' } }), 400, 'unknown-field');
});

test('/api/me lists the open tasks overdue first, then by due time (none last); the board holds them all, done ones too', async () => {
  const to = { assignee: { personId: 'p-kamla' } };
  await f.task('bastar', 'late', 'adivasi', { ...to, dueAt: ist(1, '09:00') });
  await f.task('review', 'agenda', 'adivasi', { ...to, dueAt: ist(10, '09:00') });
  await f.task('bastar', 'someday', 'adivasi', to);
  await f.task('bastar', 'soon', 'adivasi', { ...to, dueAt: ist(5, '09:00') });
  await f.task('bastar', 'finished', 'adivasi', { ...to, dueAt: ist(1, '08:00') });
  await f.status('finished', 'done');
  await f.task('bastar', 'dropped', 'adivasi', to);
  await f.cancelTask('dropped');
  const board = await mine(kamla);
  expect(keys(board.tasks)).toEqual(['agenda', 'finished', 'late', 'someday', 'soon']);
  expect(keys(board.tasks.filter((task) => task.overdue))).toEqual(['late']);
  expect(board.tasks.find((task) => task.id === 'agenda')).toMatchObject({ programmeId: 'review', programmeTitle: 'Meeting review' });
  expect(ids((await me(kamla)).tasks)).toEqual(['late', 'soon', 'agenda', 'someday']);
});

test('a cancelled programme’s tasks leave the board', async () => {
  await f.cancelMeeting('review');
  expect(keys((await mine(kamla)).tasks)).toEqual(['finished', 'late', 'someday', 'soon']);
});

test('a token the directory does not know reads an empty board under its sub', async () => {
  expect(await mine(h.tokens.observer)).toEqual({ position: expect.any(String), person: { id: 'u-observer' }, tasks: [] });
  expect((await me(h.tokens.observer)).tasks).toEqual([]);
});

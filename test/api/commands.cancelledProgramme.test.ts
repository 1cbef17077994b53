import { expectAnswer, expectProblem, startApi, type ApiHarness, type PersonName } from '../support/apiHarness';
import { fixtures, type Fixtures } from './fixtures';

/**
 * SPEC: nothing more changes on a cancelled programme, nor on a cancelled stop. Work logged before
 * the cancel stays, but every later command on its tasks and duties is 409 and appends nothing,
 * whoever sends it (the wing's own lead and organiser included).
 */

let h: ApiHarness;
let f: Fixtures;

/** Tasks and a duty logged while the programme (or stop) was live, then the cancel. */
async function workThenCancel(programmeId: string, kind: 'tour' | 'meeting' | 'stop'): Promise<void> {
  if (kind === 'meeting') await f.meeting(programmeId);
  else {
    await f.tour(programmeId);
    await f.stop(programmeId, `${programmeId}-s`, 26, '11:00', '13:00');
    await f.stop(programmeId, `${programmeId}-live`, 26, '15:00', '17:00');
  }
  const onStop = kind === 'meeting' ? {} : { stopId: `${programmeId}-s` };
  await f.responsibility(programmeId, `${programmeId}-r`, 'adivasi', onStop);
  await f.task(programmeId, `${programmeId}-t`, 'adivasi', onStop);
  await f.task(programmeId, `${programmeId}-blocked`, 'adivasi', onStop);
  await f.status(`${programmeId}-blocked`, 'blocked', { reason: 'no tent' });
  if (kind === 'meeting') await f.cancelMeeting(programmeId);
  else if (kind === 'tour') await f.cancelTour(programmeId);
  else await f.cancelStop(programmeId, `${programmeId}-s`);
}

beforeAll(async () => {
  h = await startApi();
  f = fixtures(h);
  await workThenCancel('c-tour', 'tour');
  await workThenCancel('c-meeting', 'meeting');
  await workThenCancel('c-stop', 'stop');
});
afterAll(() => h.close());

type Command = [what: string, as: PersonName, path: (p: string) => string, body: object];

/** Every task and duty command, each as someone who may send it on a live programme. */
const commands: Command[] = [
  ['a status change', 'adivasiOrganiser', (p) => `/tasks/${p}-t/status`, { status: 'in_progress' }],
  ['done', 'adivasiOrganiser', (p) => `/tasks/${p}-t/status`, { status: 'done' }],
  ['unblocking', 'adivasiOrganiser', (p) => `/tasks/${p}-blocked/status`, { status: 'todo' }],
  ['the same status with a note', 'adivasiOrganiser', (p) => `/tasks/${p}-t/status`, { status: 'todo', note: 'still' }],
  ['the same status alone (else a no-op)', 'adivasiOrganiser', (p) => `/tasks/${p}-t/status`, { status: 'todo' }],
  ['a note', 'adivasiOrganiser', (p) => `/tasks/${p}-t/notes`, { text: 'tent booked' }],
  ['a due time', 'adivasiOrganiser', (p) => `/tasks/${p}-t/due`, { dueAt: '2018-06-25T18:00:00+05:30' }],
  ['an assignment', 'adivasiLead', (p) => `/tasks/${p}-t/assign`, { assignee: 'Lakhma' }],
  ['cancelling the task', 'adivasiLead', (p) => `/tasks/${p}-t/cancel`, { reason: 'programme off' }],
  ['cancelling the task, as the in-charge', 'incharge', (p) => `/tasks/${p}-t/cancel`, { reason: 'programme off' }],
  ['acknowledging the duty', 'adivasiLead', (p) => `/responsibilities/${p}-r/acknowledge`, {}],
  ['reassigning the duty', 'incharge', (p) => `/responsibilities/${p}-r/reassign`, { wing: 'youth' }],
  ['cancelling the duty', 'incharge', (p) => `/responsibilities/${p}-r/cancel`, { reason: 'programme off' }],
];

const cases = [
  ['a cancelled tour', 'c-tour', 'programme-cancelled'],
  ['a cancelled meeting', 'c-meeting', 'programme-cancelled'],
  ['a cancelled stop', 'c-stop', 'stop-cancelled'],
] as const;

describe.each(cases)('on %s', (_where, programmeId, rule) => {
  test.each(commands)('%s is 409 and appends nothing', async (_what, as, path, body) => {
    const before = await h.eventCount();
    expectProblem(await h.post(path(programmeId), h.tokens[as], body), 409, rule);
    expect(await h.eventCount()).toBe(before);
  });

  test('a new task or duty is 409 too', async () => {
    const before = await h.eventCount();
    const onStop = programmeId === 'c-meeting' ? {} : { stopId: `${programmeId}-s` };
    expectProblem(await h.post('/tasks', h.tokens.incharge, { programmeId, wing: 'adivasi', title: 'late', ...onStop }), 409, rule);
    expectProblem(await h.post(`/programmes/${programmeId}/responsibilities`, h.tokens.incharge, { wing: 'adivasi', duty: 'late', ...onStop }), 409, rule);
    expect(await h.eventCount()).toBe(before);
  });
});

test('an unknown task is still 404 and a wing outside the task still 403, before the programme is looked at', async () => {
  expectProblem(await h.post('/tasks/c-none/notes', h.tokens.incharge, { text: 'n' }), 404, 'task-not-found');
  expect((await h.post('/tasks/c-tour-t/notes', h.tokens.youthLead, { text: 'n' })).status).toBe(403);
});

test('work on the live stop of a tour whose other stop is cancelled goes on', async () => {
  await f.task('c-stop', 'c-stop-live-t', 'adivasi', { stopId: 'c-stop-live' });
  expectAnswer(await h.post('/tasks/c-stop-live-t/status', h.tokens.adivasiOrganiser, { status: 'done' }), 200);
  await f.task('c-stop', 'c-stop-any-t', 'adivasi');
  expectAnswer(await h.post('/tasks/c-stop-any-t/notes', h.tokens.adivasiOrganiser, { text: 'no stop, so unaffected' }), 200);
});

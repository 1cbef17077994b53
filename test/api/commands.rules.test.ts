import { expectAnswer, type ApiHarness, type PersonName } from '../support/apiHarness';
import { ist, type Fixtures } from './fixtures';
import { refusedOn, startRulesApi, stop, task, type Rule } from './rulesApi';

/**
 * Every rule of SPEC.md over HTTP: the status, the problem `type` that names the rule, and that
 * the refused command appended nothing (the event count and the streams' versions are unchanged).
 * Who may run a command (403) and If-Match (412) are in commands.rules.access.test.ts.
 */

let h: ApiHarness;
let f: Fixtures;

beforeAll(async () => {
  ({ h, f } = await startRulesApi());
});
afterAll(() => h.close());

const refused = (as: PersonName, path: string, body: object, status: number, rule: string, headers: Record<string, string> = {}) =>
  refusedOn(h, as, path, body, status, rule, headers);

describe('a stop does not overlap another live stop of the same tour (409)', () => {
  const rules: Rule[] = [
    ['a new stop overlapping the start of a', '/tours/r-tour/stops', stop('n1', 26, '10:00', '11:30'), 409, 'stop-overlaps'],
    ['a new stop overlapping the end of a', '/tours/r-tour/stops', stop('n2', 26, '12:59', '14:00'), 409, 'stop-overlaps'],
    ['a new stop with exactly the window of a', '/tours/r-tour/stops', stop('n3', 26, '11:00', '13:00'), 409, 'stop-overlaps'],
    ['a new stop inside a', '/tours/r-tour/stops', stop('n4', 26, '11:30', '12:00'), 409, 'stop-overlaps'],
    ['a new stop around a and b', '/tours/r-tour/stops', stop('n5', 26, '09:00', '18:00'), 409, 'stop-overlaps'],
    ['b rescheduled onto a', '/tours/r-tour/stops/b/reschedule', { startsAt: ist(26, '12:00'), endsAt: ist(26, '14:00') }, 409, 'stop-overlaps'],
  ];
  test.each(rules)('%s', (_what, path, body, status, rule) => refused('incharge', path, body, status, rule));

  test('touching windows do not overlap; a cancelled stop does not count; another tour does not count', async () => {
    expectAnswer(await h.post('/tours/r-tour/stops', h.tokens.incharge, stop('between', 26, '13:00', '15:00')), 201);
    expectAnswer(await h.post('/tours/r-tour/stops', h.tokens.incharge, stop('over-gone', 27, '10:00', '11:00')), 201);
    expectAnswer(await h.post('/tours/r-other/stops', h.tokens.incharge, stop('same-as-a', 26, '12:00', '13:00')), 201);
    // A stop moved within its own window overlaps only itself.
    expectAnswer(await h.post('/tours/r-tour/stops/a/reschedule', h.tokens.incharge, { startsAt: ist(26, '11:30'), endsAt: ist(26, '13:00') }), 200);
  });
});

describe('nothing is added to or rescheduled on a cancelled tour, stop or meeting (409)', () => {
  const rules: Rule[] = [
    ['a stop added to a cancelled tour', '/tours/r-cancelled/stops', stop('late', 28, '10:00', '11:00'), 409, 'tour-cancelled'],
    [
      'a stop of a cancelled tour rescheduled',
      '/tours/r-cancelled/stops/s/reschedule',
      { startsAt: ist(28, '10:00'), endsAt: ist(28, '11:00') },
      409,
      'tour-cancelled',
    ],
    ['a stop of a cancelled tour cancelled', '/tours/r-cancelled/stops/s/cancel', { reason: 'again' }, 409, 'tour-cancelled'],
    ['a cancelled tour cancelled again', '/tours/r-cancelled/cancel', { reason: 'again' }, 409, 'tour-cancelled'],
    ['a cancelled stop rescheduled', '/tours/r-tour/stops/gone/reschedule', { startsAt: ist(28, '10:00'), endsAt: ist(28, '11:00') }, 409, 'stop-cancelled'],
    ['a cancelled stop cancelled again', '/tours/r-tour/stops/gone/cancel', { reason: 'again' }, 409, 'stop-cancelled'],
    ['a cancelled meeting rescheduled', '/meetings/r-meeting-cancelled/reschedule', { startsAt: ist(22, '10:00') }, 409, 'meeting-cancelled'],
    ['minutes of a cancelled meeting', '/meetings/r-meeting-cancelled/minutes', { decisions: ['none'] }, 409, 'meeting-cancelled'],
    ['a cancelled meeting cancelled again', '/meetings/r-meeting-cancelled/cancel', { reason: 'again' }, 409, 'meeting-cancelled'],
  ];
  test.each(rules)('%s', (_what, path, body, status, rule) => refused('incharge', path, body, status, rule));
});

describe("a task's or responsibility's programme exists (404) and is not cancelled (409); its stop belongs to that tour (404) and is live (409)", () => {
  const rules: Rule[] = [
    // Named in the path.
    ['a stop added to an unknown tour', '/tours/nowhere/stops', stop('s', 26, '10:00', '11:00'), 404, 'tour-not-found'],
    ['an unknown tour cancelled', '/tours/nowhere/cancel', { reason: 'r' }, 404, 'tour-not-found'],
    ['an unknown stop rescheduled', '/tours/r-tour/stops/nowhere/reschedule', { startsAt: ist(28, '10:00'), endsAt: ist(28, '11:00') }, 404, 'stop-not-found'],
    ["another tour's stop cancelled through this tour", '/tours/r-tour/stops/x/cancel', { reason: 'r' }, 404, 'stop-not-found'],
    [
      "another tour's stop rescheduled through this tour",
      '/tours/r-tour/stops/x/reschedule',
      { startsAt: ist(28, '10:00'), endsAt: ist(28, '11:00') },
      404,
      'stop-not-found',
    ],
    ['an unknown meeting rescheduled', '/meetings/nowhere/reschedule', { startsAt: ist(22, '10:00') }, 404, 'meeting-not-found'],
    ['minutes of an unknown meeting', '/meetings/nowhere/minutes', { decisions: ['d'] }, 404, 'meeting-not-found'],
    ['an unknown meeting cancelled', '/meetings/nowhere/cancel', { reason: 'r' }, 404, 'meeting-not-found'],
    ['a tour is not a meeting', '/meetings/r-tour/cancel', { reason: 'r' }, 404, 'meeting-not-found'],
    ['a duty for an unknown programme', '/programmes/nowhere/responsibilities', { wing: 'adivasi', duty: 'd' }, 404, 'programme-not-found'],
    ['an unknown responsibility acknowledged', '/responsibilities/nowhere/acknowledge', {}, 404, 'responsibility-not-found'],
    ['an unknown responsibility reassigned', '/responsibilities/nowhere/reassign', { wing: 'youth' }, 404, 'responsibility-not-found'],
    ['an unknown responsibility cancelled', '/responsibilities/nowhere/cancel', { reason: 'r' }, 404, 'responsibility-not-found'],
    ['the status of an unknown task', '/tasks/nowhere/status', { status: 'done' }, 404, 'task-not-found'],
    ['an unknown task assigned', '/tasks/nowhere/assign', { assignee: 'A' }, 404, 'task-not-found'],
    ['the due time of an unknown task', '/tasks/nowhere/due', { dueAt: ist(24, '10:00') }, 404, 'task-not-found'],
    ['a note on an unknown task', '/tasks/nowhere/notes', { text: 't' }, 404, 'task-not-found'],
    ['an unknown task cancelled', '/tasks/nowhere/cancel', { reason: 'r' }, 404, 'task-not-found'],
    // Named in the body.
    ['a task for an unknown programme', '/tasks', task({ programmeId: 'nowhere' }), 404, 'programme-not-found'],
    ['a task at an unknown stop', '/tasks', task({ stopId: 'nowhere' }), 404, 'stop-not-found'],
    ["a task at another tour's stop", '/tasks', task({ stopId: 'x' }), 404, 'stop-not-found'],
    ['a task at a stop of a meeting', '/tasks', task({ programmeId: 'r-meeting', stopId: 'a' }), 404, 'stop-not-found'],
    ['a task under an unknown responsibility', '/tasks', task({ responsibilityId: 'nowhere' }), 404, 'responsibility-not-found'],
    ["a task under another programme's responsibility", '/tasks', task({ responsibilityId: 'r-resp-other' }), 404, 'responsibility-not-found'],
    ['a duty at an unknown stop', '/programmes/r-tour/responsibilities', { wing: 'adivasi', duty: 'd', stopId: 'nowhere' }, 404, 'stop-not-found'],
    ["a duty at another tour's stop", '/programmes/r-tour/responsibilities', { wing: 'adivasi', duty: 'd', stopId: 'x' }, 404, 'stop-not-found'],
    // Cancelled.
    ['a duty for a cancelled tour', '/programmes/r-cancelled/responsibilities', { wing: 'adivasi', duty: 'd' }, 409, 'programme-cancelled'],
    ['a duty for a cancelled meeting', '/programmes/r-meeting-cancelled/responsibilities', { wing: 'adivasi', duty: 'd' }, 409, 'programme-cancelled'],
    ['a task for a cancelled tour', '/tasks', task({ programmeId: 'r-cancelled' }), 409, 'programme-cancelled'],
    ['a task for a cancelled meeting', '/tasks', task({ programmeId: 'r-meeting-cancelled' }), 409, 'programme-cancelled'],
    ['a duty at a cancelled stop', '/programmes/r-tour/responsibilities', { wing: 'adivasi', duty: 'd', stopId: 'gone' }, 409, 'stop-cancelled'],
    ['a task at a cancelled stop', '/tasks', task({ stopId: 'gone' }), 409, 'stop-cancelled'],
    ['a task under a cancelled responsibility', '/tasks', task({ responsibilityId: 'r-resp-cancelled' }), 409, 'responsibility-cancelled'],
  ];
  test.each(rules)('%s', (_what, path, body, status, rule) => refused('incharge', path, body, status, rule));
});

describe('a done task can only go back to todo (409); a cancelled task or responsibility changes no more (409)', () => {
  const rules: Rule[] = [
    ['done → in_progress', '/tasks/r-done/status', { status: 'in_progress' }, 409, 'task-done-reopens-to-todo'],
    ['done → blocked', '/tasks/r-done/status', { status: 'blocked', reason: 'r' }, 409, 'task-done-reopens-to-todo'],
    ['the status of a cancelled task', '/tasks/r-task-cancelled/status', { status: 'in_progress' }, 409, 'task-cancelled'],
    ['a cancelled task assigned', '/tasks/r-task-cancelled/assign', { assignee: 'A' }, 409, 'task-cancelled'],
    ['the due time of a cancelled task', '/tasks/r-task-cancelled/due', { dueAt: ist(24, '10:00') }, 409, 'task-cancelled'],
    ['a note on a cancelled task', '/tasks/r-task-cancelled/notes', { text: 't' }, 409, 'task-cancelled'],
    ['a cancelled task cancelled again', '/tasks/r-task-cancelled/cancel', { reason: 'r' }, 409, 'task-cancelled'],
    ['a cancelled responsibility acknowledged', '/responsibilities/r-resp-cancelled/acknowledge', {}, 409, 'responsibility-cancelled'],
    ['a cancelled responsibility reassigned', '/responsibilities/r-resp-cancelled/reassign', { wing: 'youth' }, 409, 'responsibility-cancelled'],
    ['a cancelled responsibility cancelled again', '/responsibilities/r-resp-cancelled/cancel', { reason: 'r' }, 409, 'responsibility-cancelled'],
  ];
  test.each(rules)('%s', (_what, path, body, status, rule) => refused('incharge', path, body, status, rule));

  test('done → todo reopens; done → done changes nothing', async () => {
    await f.task('r-tour', 'r-reopen');
    await f.status('r-reopen', 'done');
    const before = await h.eventCount();
    expectAnswer(await h.post('/tasks/r-reopen/status', h.tokens.incharge, { status: 'done' }), 200);
    expect(await h.eventCount()).toBe(before);
    expectAnswer(await h.post('/tasks/r-reopen/status', h.tokens.incharge, { status: 'todo' }), 200);
    const [reopened] = await h.eventsAfter(before);
    expect(reopened?.type).toBe('TaskReopened');
  });
});

describe('input wrong on its own (400)', () => {
  const rules: Rule[] = [
    ['a duty for an unknown wing', '/programmes/r-tour/responsibilities', { wing: 'martians', duty: 'd' }, 400, 'unknown-wing'],
    ['a task for an unknown wing', '/tasks', task({ wing: 'martians' }), 400, 'unknown-wing'],
    ['a stop hosted by an unknown wing', '/tours/r-tour/stops', { ...stop('w', 29, '10:00', '11:00'), hostWing: 'martians' }, 400, 'unknown-wing'],
    ['a duty reassigned to an unknown wing', '/responsibilities/r-resp/reassign', { wing: 'martians' }, 400, 'unknown-wing'],
    ['blocked without a reason', '/tasks/r-task/status', { status: 'blocked' }, 400, 'blocked-needs-reason'],
    ['blocked with only a note', '/tasks/r-task/status', { status: 'blocked', note: 'see the note' }, 400, 'blocked-needs-reason'],
    ['a reason without blocked', '/tasks/r-task/status', { status: 'done', reason: 'r' }, 400, 'reason-only-when-blocked'],
    ['a stop ending before it starts', '/tours/r-tour/stops', stop('w', 29, '11:00', '10:00'), 400, 'window-ends-before-start'],
    ['a stop ending as it starts', '/tours/r-tour/stops', stop('w', 29, '11:00', '11:00'), 400, 'window-ends-before-start'],
    [
      'a stop ending before it starts once offsets are applied',
      '/tours/r-tour/stops',
      { ...stop('w', 29, '11:00', '12:00'), startsAt: '2018-06-29T06:00:00Z', endsAt: '2018-06-29T10:00:00+05:30' },
      400,
      'window-ends-before-start',
    ],
    [
      'a stop rescheduled to end before it starts',
      '/tours/r-tour/stops/b/reschedule',
      { startsAt: ist(26, '17:00'), endsAt: ist(26, '15:00') },
      400,
      'window-ends-before-start',
    ],
    [
      'a meeting ending before it starts',
      '/meetings',
      { title: 'M', venue: 'V', startsAt: ist(22, '12:00'), endsAt: ist(22, '10:00'), chairs: ['C'] },
      400,
      'window-ends-before-start',
    ],
    [
      'a meeting rescheduled to end before it starts',
      '/meetings/r-meeting/reschedule',
      { startsAt: ist(22, '12:00'), endsAt: ist(22, '11:59') },
      400,
      'window-ends-before-start',
    ],
  ];
  test.each(rules)('%s', async (_what, path, body, status, rule) => {
    const problem = await refused('incharge', path, body, status, rule);
    expect(problem.errors?.length).toBeGreaterThan(0);
  });

  test('the unknown wing and the window name the field at fault', async () => {
    const wing = await refused('incharge', '/tasks', task({ wing: 'martians' }), 400, 'unknown-wing');
    expect(wing.errors).toEqual([{ path: 'wing', message: expect.any(String) }]);
    const host = await refused('incharge', '/tours/r-tour/stops', { ...stop('w', 29, '10:00', '11:00'), hostWing: 'martians' }, 400, 'unknown-wing');
    expect(host.errors).toEqual([{ path: 'hostWing', message: expect.any(String) }]);
    const window = await refused('incharge', '/tours/r-tour/stops', stop('w', 29, '11:00', '10:00'), 400, 'window-ends-before-start');
    expect(window.errors).toEqual([{ path: 'endsAt', message: expect.any(String) }]);
    const reason = await refused('incharge', '/tasks/r-task/status', { status: 'blocked' }, 400, 'blocked-needs-reason');
    expect(reason.errors).toEqual([{ path: 'reason', message: expect.any(String) }]);
  });
});

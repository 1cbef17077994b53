import { COMMANDS } from '@tayari/shared/application/aggregates';
import { expectAnswer, expectProblem, type ApiHarness, type PersonName } from '../support/apiHarness';
import { ist, type Fixtures } from './fixtures';
import { refusedOn, startRulesApi, stop, task } from './rulesApi';

/**
 * Who may run a command (403) and If-Match (412) over HTTP: the status, the problem `type`, and that
 * the refused command appended nothing. The matrix of every command × role is test/trust/permissions.matrix.test.ts.
 */

let h: ApiHarness;
let f: Fixtures;

beforeAll(async () => {
  ({ h, f } = await startRulesApi());
});
afterAll(() => h.close());

const refused = (as: PersonName, path: string, body: object, status: number, rule: string, headers: Record<string, string> = {}) =>
  refusedOn(h, as, path, body, status, rule, headers);

describe('who may do what (403)', () => {
  /** One body per route that would be accepted from an in-charge, so only the role refuses it. */
  const bodies: Record<string, [string, object]> = {
    PlanTour: ['/tours', { title: 'T', leader: 'L' }],
    AddStop: ['/tours/r-tour/stops', stop('obs', 30, '10:00', '11:00')],
    RescheduleStop: ['/tours/r-tour/stops/b/reschedule', { startsAt: ist(30, '12:00'), endsAt: ist(30, '13:00') }],
    CancelStop: ['/tours/r-tour/stops/b/cancel', { reason: 'r' }],
    CancelTour: ['/tours/r-tour/cancel', { reason: 'r' }],
    ScheduleMeeting: ['/meetings', { title: 'M', venue: 'V', startsAt: ist(22, '10:00'), chairs: ['C'] }],
    RescheduleMeeting: ['/meetings/r-meeting/reschedule', { startsAt: ist(23, '10:00') }],
    CancelMeeting: ['/meetings/r-meeting/cancel', { reason: 'r' }],
    RecordMinutes: ['/meetings/r-meeting/minutes', { decisions: ['d'] }],
    AssignResponsibility: ['/programmes/r-tour/responsibilities', { wing: 'adivasi', duty: 'd' }],
    AcknowledgeResponsibility: ['/responsibilities/r-resp/acknowledge', {}],
    ReassignResponsibility: ['/responsibilities/r-resp/reassign', { wing: 'youth' }],
    CancelResponsibility: ['/responsibilities/r-resp/cancel', { reason: 'r' }],
    LogTask: ['/tasks', task({})],
    ChangeTaskStatus: ['/tasks/r-task/status', { status: 'in_progress' }],
    AssignTask: ['/tasks/r-task/assign', { assignee: 'A' }],
    ChangeTaskDue: ['/tasks/r-task/due', { dueAt: ist(24, '10:00') }],
    AddTaskNote: ['/tasks/r-task/notes', { text: 't' }],
    CancelTask: ['/tasks/r-task/cancel', { reason: 'r' }],
    RegisterWing: ['/wings', { code: 'observers', name: { en: 'O', hi: 'ओ' }, kind: 'cell' }],
    RegisterUnit: ['/units', { code: 'cg-observers', name: { en: 'O', hi: 'ओ' }, kind: 'district', parent: 'cg' }],
    AddPerson: ['/people', { name: 'P', role: 'observer' }],
    ChangeRole: ['/people/r-person/role', { role: 'observer' }],
    IssueInvitation: ['/people/r-person/invite', {}],
    RevokeAccess: ['/people/r-person/revoke', { reason: 'r' }],
    DefineTemplate: ['/templates', { name: { en: 'T', hi: 'ट' }, kind: 'stop', items: [{ title: 't', wing: 'adivasi', offset: '-P1D' }] }],
    ReviseTemplate: ['/templates/r-template/revise', { name: { en: 'T', hi: 'ट' }, kind: 'stop', items: [{ title: 't', wing: 'adivasi', offset: '-P1D' }] }],
    ApplyTemplate: ['/programmes/r-tour/apply-template', { templateId: 'r-template', stopId: 'b' }],
    CreatePost: ['/posts', { unit: 'cg-bastar', title: { en: 'P', hi: 'प' } }],
    ProposeNominee: ['/posts/r-post/nominations', { nominee: 'N', proposedBy: 'B' }],
    RecommendNomination: ['/nominations/r-nomination/recommend', {}],
    ApproveNomination: ['/nominations/r-nomination/approve', {}],
    DeclineNomination: ['/nominations/r-nomination/decline', { reason: 'r' }],
    WithdrawNomination: ['/nominations/r-nomination/withdraw', {}],
    Appoint: ['/posts/r-post/appoint', { nominationId: 'r-nomination' }],
    VacatePost: ['/posts/r-post/vacate', { reason: 'r' }],
    LaunchDrive: ['/drives', { title: 'D', startsAt: ist(1, '10:00'), endsAt: ist(30, '10:00'), targets: {} }],
    SetDriveTarget: ['/drives/r-drive/targets', { unit: 'cg-bastar', target: 1 }],
    CloseDrive: ['/drives/r-drive/close', {}],
    EnrolWorker: ['/drives/r-drive/enrolments', { unit: 'cg-bastar', name: 'N', phone: '9812345678', consent: true }],
    ForgetEnrolment: ['/drives/r-drive/enrolments/r-enrolment/forget', { reason: 'r' }],
  };

  test('there is a body for every route', () => {
    expect(Object.keys(bodies).sort()).toEqual(COMMANDS.map((r) => r.name).sort());
  });

  test.each(COMMANDS.map((r) => [r.name, r.permission] as const))('an observer may not %s (needs %s)', async (name, permission) => {
    const [path, body] = bodies[name] ?? ['/no-body', {}];
    await refused('observer', path, body, 403, `forbidden-${permission}`);
  });

  const forbidden: [what: string, as: PersonName, path: string, body: object, rule: string][] = [
    ['a wing lead plans no tour', 'adivasiLead', '/tours', { title: 'T', leader: 'L' }, 'forbidden-incharge'],
    ['an organiser plans no tour', 'adivasiOrganiser', '/tours', { title: 'T', leader: 'L' }, 'forbidden-incharge'],
    ['a wing lead registers no wing', 'adivasiLead', '/wings', { code: 'mine', name: { en: 'M', hi: 'म' }, kind: 'cell' }, 'forbidden-incharge'],
    ['a wing lead assigns no duty', 'adivasiLead', '/programmes/r-tour/responsibilities', { wing: 'adivasi', duty: 'd' }, 'forbidden-incharge'],
    ['a wing lead reassigns no duty', 'adivasiLead', '/responsibilities/r-resp/reassign', { wing: 'youth' }, 'forbidden-incharge'],
    ['a wing lead logs no task for another wing', 'youthLead', '/tasks', task({}), 'forbidden-other-wing'],
    ['a wing lead moves no task of another wing', 'youthLead', '/tasks/r-task/status', { status: 'in_progress' }, 'forbidden-other-wing'],
    ['a wing lead cancels no task of another wing', 'youthLead', '/tasks/r-task/cancel', { reason: 'r' }, 'forbidden-other-wing'],
    ['a wing lead acknowledges no duty of another wing', 'youthLead', '/responsibilities/r-resp/acknowledge', {}, 'forbidden-other-wing'],
    ['an organiser logs no task', 'adivasiOrganiser', '/tasks', task({}), 'forbidden-wing-manage'],
    ['an organiser assigns no task', 'adivasiOrganiser', '/tasks/r-task/assign', { assignee: 'A' }, 'forbidden-wing-manage'],
    ['an organiser cancels no task', 'adivasiOrganiser', '/tasks/r-task/cancel', { reason: 'r' }, 'forbidden-wing-manage'],
    ['an organiser acknowledges no duty', 'adivasiOrganiser', '/responsibilities/r-resp/acknowledge', {}, 'forbidden-wing-acknowledge'],
  ];
  test.each(forbidden)('%s', (_what, as, path, body, rule) => refused(as, path, body, 403, rule));

  test("an organiser works its own wing's tasks: status, notes and due time", async () => {
    await f.task('r-tour', 'r-org');
    expectAnswer(await h.post('/tasks/r-org/status', h.tokens.adivasiOrganiser, { status: 'in_progress' }), 200);
    expectAnswer(await h.post('/tasks/r-org/notes', h.tokens.adivasiOrganiser, { text: 'on it' }), 200);
    expectAnswer(await h.post('/tasks/r-org/due', h.tokens.adivasiOrganiser, { dueAt: ist(25, '10:00') }), 200);
  });

  test("a wing lead manages its own wing's tasks and acknowledges its own duties", async () => {
    const logged = expectAnswer(await h.post('/tasks', h.tokens.adivasiLead, task({ id: 'r-lead' })), 201);
    expect(logged.id).toBe('r-lead');
    expectAnswer(await h.post('/tasks/r-lead/assign', h.tokens.adivasiLead, { assignee: 'Netam' }), 200);
    expectAnswer(await h.post('/responsibilities/r-resp/acknowledge', h.tokens.adivasiLead, {}), 200);
    expectAnswer(await h.post('/tasks/r-lead/cancel', h.tokens.adivasiLead, { reason: 'not needed' }), 200);
  });
});

describe('If-Match: applied only at that version (412)', () => {
  test('a stale If-Match is refused with the current ETag; the current one is applied', async () => {
    const logged = await f.task('r-tour', 'r-match');
    await f.status('r-match', 'in_progress');
    const res = await h.post('/tasks/r-match/notes', h.tokens.incharge, { text: 'stale' }, { 'If-Match': `"${logged.version}"` });
    expectProblem(res, 412, 'version-mismatch');
    expect(res.headers.etag).toBe(`"${logged.version + 1}"`);
    expect(await h.streamVersion('task-r-match')).toBe(logged.version + 1);
    const ok = expectAnswer(await h.post('/tasks/r-match/notes', h.tokens.incharge, { text: 'fresh' }, { 'If-Match': `"${logged.version + 1}"` }), 200);
    expect(ok.version).toBe(logged.version + 2);
  });

  test('If-Match on a creation: the stream must be at that version too', async () => {
    await refused('incharge', '/tours', { id: 'r-match-new', title: 'T', leader: 'L' }, 412, 'version-mismatch', { 'If-Match': '"3"' });
    expectAnswer(await h.post('/tours', h.tokens.incharge, { id: 'r-match-new', title: 'T', leader: 'L' }, { 'If-Match': '"0"' }), 201);
  });
});

import { COMMANDS } from '@tayari/shared/application/aggregates';
import { IdSchema } from '@tayari/shared/common/ids';
import type { RecordedEvent } from '@tayari/shared/eventstore/EventStore';
import { expectAnswer, expectProblem, people, startApi, typesAndData, type ApiHarness, type PersonName } from '../support/apiHarness';
import { fixtures, ist, utc, type Fixtures } from './fixtures';

/**
 * Every command endpoint over HTTP against the real service: status, `{id, version, position}`,
 * `ETag`, and exactly the events it appended (type, data, stream, metadata).
 */

interface EndpointCase {
  /** Builds what the command needs, through the API. */
  arrange?: (f: Fixtures) => Promise<unknown>;
  path: string;
  body: object;
  as?: PersonName;
  status: 200 | 201;
  /** The id the answer names. */
  id: string;
  stream: string;
  events: { type: string; data: unknown }[];
}

const cases: Record<string, EndpointCase> = {
  PlanTour: {
    path: '/tours',
    body: { id: 'e-plan', title: 'Bastar tour', leader: 'Rahul Gandhi', region: 'Bastar', notes: 'two days' },
    status: 201,
    id: 'e-plan',
    stream: 'tour-e-plan',
    events: [{ type: 'TourPlanned', data: { tourId: 'e-plan', title: 'Bastar tour', leader: 'Rahul Gandhi', region: 'Bastar', notes: 'two days' } }],
  },
  AddStop: {
    arrange: (f) => f.tour('e-stop'),
    path: '/tours/e-stop/stops',
    body: {
      stopId: 's1',
      place: 'Jagdalpur',
      district: 'Bastar',
      venue: 'Lalbagh ground',
      startsAt: ist(26, '11:00'),
      endsAt: ist(26, '13:00'),
      hostWing: 'adivasi',
    },
    status: 201,
    id: 's1',
    stream: 'tour-e-stop',
    events: [
      {
        type: 'StopAdded',
        data: {
          tourId: 'e-stop',
          stopId: 's1',
          place: 'Jagdalpur',
          district: 'Bastar',
          venue: 'Lalbagh ground',
          startsAt: '2018-06-26T05:30:00.000Z',
          endsAt: '2018-06-26T07:30:00.000Z',
          hostWing: 'adivasi',
        },
      },
    ],
  },
  RescheduleStop: {
    arrange: async (f) => {
      await f.tour('e-resched');
      await f.stop('e-resched', 's1', 26, '11:00', '13:00');
    },
    path: '/tours/e-resched/stops/s1/reschedule',
    body: { startsAt: ist(26, '15:00'), endsAt: ist(26, '17:00') },
    status: 200,
    id: 's1',
    stream: 'tour-e-resched',
    events: [
      { type: 'StopRescheduled', data: { tourId: 'e-resched', stopId: 's1', startsAt: '2018-06-26T09:30:00.000Z', endsAt: '2018-06-26T11:30:00.000Z' } },
    ],
  },
  CancelStop: {
    arrange: async (f) => {
      await f.tour('e-cstop');
      await f.stop('e-cstop', 's1', 26, '11:00', '13:00');
    },
    path: '/tours/e-cstop/stops/s1/cancel',
    body: { reason: 'heavy rain' },
    status: 200,
    id: 's1',
    stream: 'tour-e-cstop',
    events: [{ type: 'StopCancelled', data: { tourId: 'e-cstop', stopId: 's1', reason: 'heavy rain' } }],
  },
  CancelTour: {
    arrange: (f) => f.tour('e-ctour'),
    path: '/tours/e-ctour/cancel',
    body: { reason: 'postponed' },
    status: 200,
    id: 'e-ctour',
    stream: 'tour-e-ctour',
    events: [{ type: 'TourCancelled', data: { tourId: 'e-ctour', reason: 'postponed' } }],
  },
  ScheduleMeeting: {
    path: '/meetings',
    body: {
      id: 'e-meet',
      title: 'Review',
      venue: 'Rajiv Bhawan',
      startsAt: ist(20, '10:00'),
      endsAt: ist(20, '12:00'),
      chairs: ['Mohan Markam', 'PL Punia'],
      agenda: ['booths', 'media'],
    },
    status: 201,
    id: 'e-meet',
    stream: 'meeting-e-meet',
    events: [
      {
        type: 'MeetingScheduled',
        data: {
          meetingId: 'e-meet',
          title: 'Review',
          venue: 'Rajiv Bhawan',
          startsAt: '2018-06-20T04:30:00.000Z',
          endsAt: '2018-06-20T06:30:00.000Z',
          chairs: ['Mohan Markam', 'PL Punia'],
          agenda: ['booths', 'media'],
        },
      },
    ],
  },
  RescheduleMeeting: {
    arrange: (f) => f.meeting('e-rmeet'),
    path: '/meetings/e-rmeet/reschedule',
    body: { startsAt: ist(21, '16:00'), endsAt: ist(21, '18:00'), venue: 'Congress Bhawan' },
    status: 200,
    id: 'e-rmeet',
    stream: 'meeting-e-rmeet',
    events: [
      {
        type: 'MeetingRescheduled',
        data: { meetingId: 'e-rmeet', startsAt: '2018-06-21T10:30:00.000Z', endsAt: '2018-06-21T12:30:00.000Z', venue: 'Congress Bhawan' },
      },
    ],
  },
  CancelMeeting: {
    arrange: (f) => f.meeting('e-cmeet'),
    path: '/meetings/e-cmeet/cancel',
    body: { reason: 'clash with the rally' },
    status: 200,
    id: 'e-cmeet',
    stream: 'meeting-e-cmeet',
    events: [{ type: 'MeetingCancelled', data: { meetingId: 'e-cmeet', reason: 'clash with the rally' } }],
  },
  RecordMinutes: {
    arrange: (f) => f.meeting('e-minutes'),
    path: '/meetings/e-minutes/minutes',
    body: { decisions: ['booth committees by 30 June', 'one rally per district'], attendance: 48 },
    status: 200,
    id: 'e-minutes',
    stream: 'meeting-e-minutes',
    events: [
      { type: 'MinutesRecorded', data: { meetingId: 'e-minutes', decisions: ['booth committees by 30 June', 'one rally per district'], attendance: 48 } },
    ],
  },
  AssignResponsibility: {
    arrange: async (f) => {
      await f.tour('e-assign');
      await f.stop('e-assign', 's1', 26, '11:00', '13:00');
    },
    path: '/programmes/e-assign/responsibilities',
    body: { id: 'e-r1', wing: 'adivasi', duty: 'crowd mobilisation', stopId: 's1', lead: 'Kawasi Lakhma' },
    status: 201,
    id: 'e-r1',
    stream: 'responsibility-e-r1',
    events: [
      {
        type: 'ResponsibilityAssigned',
        data: {
          responsibilityId: 'e-r1',
          programmeId: 'e-assign',
          programmeKind: 'tour',
          wing: 'adivasi',
          duty: 'crowd mobilisation',
          stopId: 's1',
          lead: 'Kawasi Lakhma',
        },
      },
    ],
  },
  AcknowledgeResponsibility: {
    arrange: async (f) => {
      await f.tour('e-ack');
      await f.responsibility('e-ack', 'e-r-ack', 'adivasi');
    },
    path: '/responsibilities/e-r-ack/acknowledge',
    body: {},
    as: 'adivasiLead',
    status: 200,
    id: 'e-r-ack',
    stream: 'responsibility-e-r-ack',
    events: [{ type: 'ResponsibilityAcknowledged', data: { responsibilityId: 'e-r-ack', programmeId: 'e-ack', wing: 'adivasi' } }],
  },
  ReassignResponsibility: {
    arrange: async (f) => {
      await f.meeting('e-reassign');
      await f.responsibility('e-reassign', 'e-r-re', 'adivasi');
    },
    path: '/responsibilities/e-r-re/reassign',
    body: { wing: 'youth' },
    status: 200,
    id: 'e-r-re',
    stream: 'responsibility-e-r-re',
    events: [{ type: 'ResponsibilityReassigned', data: { responsibilityId: 'e-r-re', programmeId: 'e-reassign', from: 'adivasi', wing: 'youth' } }],
  },
  CancelResponsibility: {
    arrange: async (f) => {
      await f.tour('e-rcancel');
      await f.responsibility('e-rcancel', 'e-r-c', 'mahila');
    },
    path: '/responsibilities/e-r-c/cancel',
    body: { reason: 'merged with another duty' },
    status: 200,
    id: 'e-r-c',
    stream: 'responsibility-e-r-c',
    events: [
      { type: 'ResponsibilityCancelled', data: { responsibilityId: 'e-r-c', programmeId: 'e-rcancel', wing: 'mahila', reason: 'merged with another duty' } },
    ],
  },
  LogTask: {
    arrange: async (f) => {
      await f.tour('e-log');
      await f.stop('e-log', 's1', 26, '11:00', '13:00');
      await f.responsibility('e-log', 'e-r-log', 'adivasi', { stopId: 's1' });
    },
    path: '/tasks',
    body: {
      id: 'e-t1',
      programmeId: 'e-log',
      stopId: 's1',
      responsibilityId: 'e-r-log',
      wing: 'adivasi',
      title: 'Book 40 buses',
      assignee: 'Netam',
      dueAt: ist(24, '18:00'),
    },
    as: 'adivasiLead',
    status: 201,
    id: 'e-t1',
    stream: 'task-e-t1',
    events: [
      {
        type: 'TaskLogged',
        data: {
          taskId: 'e-t1',
          programmeId: 'e-log',
          programmeKind: 'tour',
          stopId: 's1',
          responsibilityId: 'e-r-log',
          wing: 'adivasi',
          title: 'Book 40 buses',
          assignee: 'Netam',
          dueAt: '2018-06-24T12:30:00.000Z',
        },
      },
    ],
  },
  ChangeTaskStatus: {
    arrange: async (f) => {
      await f.tour('e-status');
      await f.task('e-status', 'e-t-status');
    },
    path: '/tasks/e-t-status/status',
    body: { status: 'in_progress', note: 'calling the depot' },
    as: 'adivasiOrganiser',
    status: 200,
    id: 'e-t-status',
    stream: 'task-e-t-status',
    events: [{ type: 'TaskStarted', data: { taskId: 'e-t-status', programmeId: 'e-status', wing: 'adivasi', from: 'todo', note: 'calling the depot' } }],
  },
  AssignTask: {
    arrange: async (f) => {
      await f.tour('e-tassign');
      await f.task('e-tassign', 'e-t-assign');
    },
    path: '/tasks/e-t-assign/assign',
    body: { assignee: 'Lakhma' },
    as: 'adivasiLead',
    status: 200,
    id: 'e-t-assign',
    stream: 'task-e-t-assign',
    events: [{ type: 'TaskAssigned', data: { taskId: 'e-t-assign', programmeId: 'e-tassign', wing: 'adivasi', assignee: 'Lakhma' } }],
  },
  ChangeTaskDue: {
    arrange: async (f) => {
      await f.tour('e-tdue');
      await f.task('e-tdue', 'e-t-due');
    },
    path: '/tasks/e-t-due/due',
    body: { dueAt: ist(25, '09:00') },
    as: 'adivasiOrganiser',
    status: 200,
    id: 'e-t-due',
    stream: 'task-e-t-due',
    events: [{ type: 'TaskDueChanged', data: { taskId: 'e-t-due', programmeId: 'e-tdue', wing: 'adivasi', dueAt: '2018-06-25T03:30:00.000Z' } }],
  },
  AddTaskNote: {
    arrange: async (f) => {
      await f.tour('e-tnote');
      await f.task('e-tnote', 'e-t-note');
    },
    path: '/tasks/e-t-note/notes',
    body: { text: '20 buses confirmed' },
    as: 'adivasiOrganiser',
    status: 200,
    id: 'e-t-note',
    stream: 'task-e-t-note',
    events: [{ type: 'TaskNoteAdded', data: { taskId: 'e-t-note', programmeId: 'e-tnote', wing: 'adivasi', text: '20 buses confirmed' } }],
  },
  CancelTask: {
    arrange: async (f) => {
      await f.tour('e-tcancel');
      await f.task('e-tcancel', 'e-t-cancel');
    },
    path: '/tasks/e-t-cancel/cancel',
    body: { reason: 'logged twice' },
    as: 'adivasiLead',
    status: 200,
    id: 'e-t-cancel',
    stream: 'task-e-t-cancel',
    events: [{ type: 'TaskCancelled', data: { taskId: 'e-t-cancel', programmeId: 'e-tcancel', wing: 'adivasi', reason: 'logged twice' } }],
  },
  RegisterWing: {
    path: '/wings',
    body: { code: 'lawyers', name: { en: 'Legal cell', hi: 'विधि प्रकोष्ठ' }, kind: 'cell' },
    status: 201,
    id: 'lawyers',
    stream: 'wings-catalogue',
    events: [{ type: 'WingRegistered', data: { code: 'lawyers', name: { en: 'Legal cell', hi: 'विधि प्रकोष्ठ' }, kind: 'cell' } }],
  },
  RegisterUnit: {
    path: '/units',
    body: { code: 'cg-bastar-jagdalpur', name: { en: 'Jagdalpur block', hi: 'जगदलपुर ब्लॉक' }, kind: 'block', parent: 'cg-bastar' },
    status: 201,
    id: 'cg-bastar-jagdalpur',
    stream: 'units-catalogue',
    events: [
      { type: 'UnitRegistered', data: { code: 'cg-bastar-jagdalpur', name: { en: 'Jagdalpur block', hi: 'जगदलपुर ब्लॉक' }, kind: 'block', parent: 'cg-bastar' } },
    ],
  },
};

/** `/tours/:tourId/stops` matches `/tours/e-stop/stops`. */
const routePattern = (path: string) => new RegExp(`^${path.replace(/:[A-Za-z]+/g, '[^/]+')}$`);

let h: ApiHarness;
let f: Fixtures;

beforeAll(async () => {
  h = await startApi();
  f = fixtures(h);
});
afterAll(() => h.close());

/** The one event a command appended, checked against the stream and the store's head. */
async function lastOf(appended: RecordedEvent[]): Promise<RecordedEvent> {
  const last = appended.at(-1);
  if (!last) throw new Error('nothing was appended');
  return last;
}

describe('the commands table', () => {
  test('every command route has a case here, and every case a route', () => {
    expect(Object.keys(cases).sort()).toEqual(COMMANDS.map((r) => r.name).sort());
    for (const route of COMMANDS) expect(cases[route.name].path).toMatch(routePattern(route.path));
  });

  test.each(COMMANDS.map((r) => [r.name, r.path] as const))('%s (POST %s) answers, sets ETag and appends its events', async (name) => {
    const c = cases[name];
    if (c === undefined) throw new Error(`no case for ${name}`);
    await c.arrange?.(f);
    const person = people[c.as ?? 'incharge'];
    const before = await h.eventCount();

    const res = await h.post(c.path, h.tokens[c.as ?? 'incharge'], c.body);

    const answer = expectAnswer(res, c.status);
    expect(answer.id).toBe(c.id);
    const appended = await h.eventsAfter(before);
    expect(typesAndData(appended)).toEqual(c.events);
    for (const event of appended) expect(event.streamId).toBe(c.stream);
    const last = await lastOf(appended);
    expect(answer.version).toBe(last.version);
    expect(answer.version).toBe(await h.streamVersion(c.stream));
    expect(answer.position).toBe(last.position);
    expect(last.metadata).toEqual({
      actor: person,
      at: h.clock.now().toISOString(),
      commandId: expect.stringMatching(/^cmd-/),
      correlationId: expect.any(String),
      schema: 1,
    });
  });
});

describe('ChangeTaskStatus, every transition', () => {
  test('each status change appends its own event and bumps the version by one', async () => {
    await f.tour('e-walk');
    const logged = await f.task('e-walk', 'walk');
    const ref = { taskId: 'walk', programmeId: 'e-walk', wing: 'adivasi' };
    const steps: [object, { type: string; data: object }][] = [
      [{ status: 'in_progress' }, { type: 'TaskStarted', data: { ...ref, from: 'todo' } }],
      [
        { status: 'blocked', reason: 'no buses' },
        { type: 'TaskBlocked', data: { ...ref, from: 'in_progress', reason: 'no buses' } },
      ],
      [
        { status: 'blocked', reason: 'depot closed' },
        { type: 'TaskBlocked', data: { ...ref, from: 'blocked', reason: 'depot closed' } },
      ],
      [{ status: 'in_progress' }, { type: 'TaskUnblocked', data: { ...ref, to: 'in_progress' } }],
      [
        { status: 'done', note: 'all 40 booked' },
        { type: 'TaskCompleted', data: { ...ref, from: 'in_progress', note: 'all 40 booked' } },
      ],
      [{ status: 'todo' }, { type: 'TaskReopened', data: { ...ref, from: 'done' } }],
      [
        { status: 'blocked', reason: 'rain' },
        { type: 'TaskBlocked', data: { ...ref, from: 'todo', reason: 'rain' } },
      ],
      [{ status: 'todo' }, { type: 'TaskUnblocked', data: { ...ref, to: 'todo' } }],
      [
        { status: 'todo', note: 'still waiting' },
        { type: 'TaskNoteAdded', data: { ...ref, text: 'still waiting' } },
      ],
      [{ status: 'done' }, { type: 'TaskCompleted', data: { ...ref, from: 'todo' } }],
    ];
    let version = logged.version;
    for (const [body, event] of steps) {
      const before = await h.eventCount();
      const answer = expectAnswer(await h.post('/tasks/walk/status', h.tokens.adivasiOrganiser, body), 200);
      version += 1;
      expect(answer).toMatchObject({ id: 'walk', version });
      expect(typesAndData(await h.eventsAfter(before))).toEqual([event]);
    }
  });
});

describe('creation with and without a client id', () => {
  test('without an id the server makes one, names it in the answer and in the events', async () => {
    await f.tour('e-noid');
    const made = [
      { path: '/tours', body: { title: 'No id tour', leader: 'Leader' }, stream: 'tour-', field: 'tourId' },
      {
        path: '/meetings',
        body: { title: 'No id meeting', venue: 'Raipur', startsAt: ist(22, '10:00'), chairs: ['Chair'] },
        stream: 'meeting-',
        field: 'meetingId',
      },
      {
        path: '/tours/e-noid/stops',
        body: { place: 'Kanker', district: 'Kanker', venue: 'Stadium', startsAt: ist(27, '10:00'), endsAt: ist(27, '11:00') },
        stream: 'tour-e-noid',
        field: 'stopId',
      },
      { path: '/programmes/e-noid/responsibilities', body: { wing: 'youth', duty: 'volunteers' }, stream: 'responsibility-', field: 'responsibilityId' },
      { path: '/tasks', body: { programmeId: 'e-noid', wing: 'youth', title: 'Print posters' }, stream: 'task-', field: 'taskId' },
    ];
    const ids = new Set<string>();
    for (const m of made) {
      const before = await h.eventCount();
      const answer = expectAnswer(await h.post(m.path, h.tokens.incharge, m.body), 201);
      expect(IdSchema.safeParse(answer.id).success).toBe(true);
      ids.add(answer.id);
      const [event, ...more] = await h.eventsAfter(before);
      expect(more).toEqual([]);
      expect(event.data).toMatchObject({ [m.field]: answer.id });
      expect(event.streamId).toBe(m.stream.endsWith('-') ? `${m.stream}${answer.id}` : m.stream);
    }
    expect(ids.size).toBe(made.length);
  });

  test('two creations without an id get two different ids', async () => {
    const a = expectAnswer(await h.post('/tours', h.tokens.incharge, { title: 'Same title', leader: 'Same leader' }), 201);
    const b = expectAnswer(await h.post('/tours', h.tokens.incharge, { title: 'Same title', leader: 'Same leader' }), 201);
    expect(a.id).not.toBe(b.id);
    expect(a.version).toBe(1);
    expect(b.version).toBe(1);
    expect(Number(b.position)).toBeGreaterThan(Number(a.position));
  });

  test('a client id is kept as given', async () => {
    const answer = expectAnswer(await h.post('/tours', h.tokens.incharge, { id: 'Offline_Tour-42', title: 'Made offline', leader: 'Leader' }), 201);
    expect(answer).toMatchObject({ id: 'Offline_Tour-42', version: 1 });
    expect(await h.streamVersion('tour-Offline_Tour-42')).toBe(1);
  });
});

describe('409 when an id is taken', () => {
  beforeAll(async () => {
    await f.tour('taken-tour');
    await f.stop('taken-tour', 'taken-stop', 26, '11:00', '12:00');
    await f.meeting('taken-meeting');
    await f.responsibility('taken-tour', 'taken-r');
    await f.task('taken-tour', 'taken-t');
    expectAnswer(await h.post('/wings', h.tokens.incharge, { code: 'taken-wing', name: { en: 'Taken', hi: 'लिया' }, kind: 'cell' }), 201);
  });

  const taken: [string, string, object, string][] = [
    ['a tour id taken by a tour', '/tours', { id: 'taken-tour', title: 'Again', leader: 'L' }, 'id-taken'],
    ['a tour id taken by a meeting', '/tours', { id: 'taken-meeting', title: 'Again', leader: 'L' }, 'id-taken'],
    [
      'a meeting id taken by a meeting',
      '/meetings',
      { id: 'taken-meeting', title: 'Again', venue: 'V', startsAt: ist(22, '10:00'), chairs: ['C'] },
      'id-taken',
    ],
    ['a meeting id taken by a tour', '/meetings', { id: 'taken-tour', title: 'Again', venue: 'V', startsAt: ist(22, '10:00'), chairs: ['C'] }, 'id-taken'],
    [
      'a stop id taken on its tour',
      '/tours/taken-tour/stops',
      { stopId: 'taken-stop', place: 'P', district: 'D', venue: 'V', startsAt: ist(28, '10:00'), endsAt: ist(28, '11:00') },
      'id-taken',
    ],
    ['a responsibility id taken', '/programmes/taken-tour/responsibilities', { id: 'taken-r', wing: 'youth', duty: 'again' }, 'id-taken'],
    ['a task id taken', '/tasks', { id: 'taken-t', programmeId: 'taken-tour', wing: 'youth', title: 'again' }, 'id-taken'],
    ['a default wing code', '/wings', { code: 'adivasi', name: { en: 'Again', hi: 'फिर' }, kind: 'morcha' }, 'wing-code-taken'],
    ['a registered wing code', '/wings', { code: 'taken-wing', name: { en: 'Again', hi: 'फिर' }, kind: 'cell' }, 'wing-code-taken'],
  ];
  test.each(taken)('%s → 409, nothing appended', async (_what, path, body, rule) => {
    const before = await h.eventCount();
    expectProblem(await h.post(path, h.tokens.incharge, body), 409, rule);
    expect(await h.eventCount()).toBe(before);
  });
});

describe('a command that changes nothing answers 200 and appends nothing', () => {
  let stream: { tour: RecordedEvent[]; task: RecordedEvent[] };
  beforeAll(async () => {
    await f.tour('noop');
    await f.stop('noop', 's1', 26, '11:00', '13:00');
    await f.meeting('noop-meeting', { venue: 'Rajiv Bhawan', startsAt: ist(20, '10:00'), endsAt: ist(20, '12:00') });
    await f.responsibility('noop', 'noop-r', 'adivasi');
    expectAnswer(await h.post('/responsibilities/noop-r/acknowledge', h.tokens.adivasiLead, {}), 200);
    await f.task('noop', 'noop-t', 'adivasi', { assignee: 'Netam', dueAt: ist(24, '18:00') });
    // Something else is appended afterwards, so "the stream's last position" is not the store's head.
    await f.tour('noop-later');
    stream = { tour: await h.tayari.store.readStream('tour-noop'), task: await h.tayari.store.readStream('task-noop-t') };
  });

  const noops: [string, string, object, PersonName, string][] = [
    ['setting a task to the status it has', '/tasks/noop-t/status', { status: 'todo' }, 'adivasiOrganiser', 'task-noop-t'],
    ['assigning the assignee it has', '/tasks/noop-t/assign', { assignee: 'Netam' }, 'adivasiLead', 'task-noop-t'],
    ['the due time it has, sent in another offset', '/tasks/noop-t/due', { dueAt: '2018-06-24T12:30:00Z' }, 'adivasiOrganiser', 'task-noop-t'],
    [
      'rescheduling a stop to its window, in UTC',
      '/tours/noop/stops/s1/reschedule',
      { startsAt: '2018-06-26T05:30:00Z', endsAt: '2018-06-26T07:30:00.000Z' },
      'incharge',
      'tour-noop',
    ],
    [
      'rescheduling a meeting to its time and venue',
      '/meetings/noop-meeting/reschedule',
      { startsAt: ist(20, '10:00'), endsAt: ist(20, '12:00'), venue: 'Rajiv Bhawan' },
      'incharge',
      'meeting-noop-meeting',
    ],
    ['acknowledging a duty twice', '/responsibilities/noop-r/acknowledge', {}, 'adivasiLead', 'responsibility-noop-r'],
    ['reassigning a duty to its own wing', '/responsibilities/noop-r/reassign', { wing: 'adivasi' }, 'incharge', 'responsibility-noop-r'],
  ];
  test.each(noops)('%s', async (_what, path, body, as, streamId) => {
    const recorded = await h.tayari.store.readStream(streamId);
    const last = recorded.at(-1);
    if (!last) throw new Error(`${streamId} is empty`);
    const before = await h.eventCount();
    const answer = expectAnswer(await h.post(path, h.tokens[as], body), 200);
    expect(answer).toEqual({ id: expect.any(String), version: last.version, position: last.position });
    expect(await h.eventCount()).toBe(before);
  });

  test('the no-op answers name the stream version and the stream’s last position, not the head', async () => {
    const head = await h.tayari.store.headPosition();
    const answer = expectAnswer(await h.post('/tasks/noop-t/status', h.tokens.incharge, { status: 'todo' }), 200);
    expect(answer.position).toBe(stream.task.at(-1)?.position);
    expect(answer.position).not.toBe(head);
    expect(answer.version).toBe(stream.task.length);
  });
});

describe('Unicode text round-trips unchanged', () => {
  // Devanagari with conjuncts, a nukta (क + ़), a zero-width joiner, Urdu, Tamil, an emoji, and
  // "é" both precomposed and decomposed: nothing may be normalised (to NFC or NFD) or re-encoded.
  const title = 'छत्तीसगढ़ में राहुल गांधी का दौरा — क\u093Cस्बा क्\u200Dष 🙏 Caf\u00e9 Cafe\u0301';
  const leader = 'राहुल गांधी';
  const region = 'बस्तर (اردو / தமிழ்)';

  test('Devanagari in every text field is stored exactly as sent', async () => {
    const body = { id: 'hindi', title, leader, region, notes: 'नोट: २६ जून, सुबह ११ बजे' };
    const before = await h.eventCount();
    expectAnswer(await h.post('/tours', h.tokens.incharge, body), 201);
    expectAnswer(
      await h.post('/tours/hindi/stops', h.tokens.incharge, {
        stopId: 'jagdalpur',
        place: 'जगदलपुर',
        district: 'बस्तर',
        venue: 'लालबाग मैदान',
        startsAt: ist(26, '11:00'),
        endsAt: ist(26, '13:00'),
      }),
      201,
    );
    expectAnswer(
      await h.post('/tasks', h.tokens.incharge, { id: 'hindi-t', programmeId: 'hindi', wing: 'adivasi', title: 'बसों की व्यवस्था', assignee: 'नेताम जी' }),
      201,
    );
    expectAnswer(await h.post('/tasks/hindi-t/notes', h.tokens.incharge, { text: '४० बसें — पक्की ✅' }), 200);
    const [planned, stop, task, note] = await h.eventsAfter(before);
    expect(planned.data).toEqual({ tourId: 'hindi', title, leader, region, notes: 'नोट: २६ जून, सुबह ११ बजे' });
    expect(stop.data).toMatchObject({ place: 'जगदलपुर', district: 'बस्तर', venue: 'लालबाग मैदान' });
    expect(task.data).toMatchObject({ title: 'बसों की व्यवस्था', assignee: 'नेताम जी' });
    expect(note.data).toMatchObject({ text: '४० बसें — पक्की ✅' });
    // The title is in neither normal form, so equality above means nothing was normalised.
    expect(title.normalize('NFC')).not.toBe(title);
    expect(title.normalize('NFD')).not.toBe(title);
  });

  test('a raw UTF-8 body with a charset parameter gives the same text', async () => {
    const before = await h.eventCount();
    const raw = JSON.stringify({ id: 'hindi-raw', title, leader });
    expectAnswer(await h.postRaw('/tours', h.tokens.incharge, raw, 'application/json; charset=utf-8'), 201);
    const [planned] = await h.eventsAfter(before);
    expect(planned.data).toEqual({ tourId: 'hindi-raw', title, leader });
  });
});

describe('times with an offset come back as the same instant', () => {
  test('+05:30, -04:00, Z and milliseconds all keep their instant', async () => {
    await f.tour('offsets');
    const sent = [
      { startsAt: '2018-06-26T11:00:00+05:30', endsAt: '2018-06-26T13:00:00+05:30' },
      { startsAt: '2018-06-26T05:00:00-04:00', endsAt: '2018-06-26T06:30:00.250-04:00' },
      { startsAt: '2018-06-27T00:15:00Z', endsAt: '2018-06-27T06:00:00.5+05:30' },
    ];
    for (const [i, window] of sent.entries()) {
      const before = await h.eventCount();
      expectAnswer(await h.post('/tours/offsets/stops', h.tokens.incharge, { stopId: `o${i}`, place: 'P', district: 'D', venue: 'V', ...window }), 201);
      const [event] = await h.eventsAfter(before);
      const data = event.data as { startsAt: string; endsAt: string };
      expect(Date.parse(data.startsAt)).toBe(Date.parse(window.startsAt));
      expect(Date.parse(data.endsAt)).toBe(Date.parse(window.endsAt));
      expect(data.startsAt).toBe(utc(window.startsAt));
    }
  });

  test('the same window in two offsets is the same window (a reschedule to it is a no-op; an overlap is seen)', async () => {
    await f.tour('offsets2');
    await f.stop('offsets2', 'a', 26, '11:00', '13:00');
    const before = await h.eventCount();
    expectAnswer(
      await h.post('/tours/offsets2/stops/a/reschedule', h.tokens.incharge, { startsAt: '2018-06-26T01:30:00-04:00', endsAt: '2018-06-26T03:30:00-04:00' }),
      200,
    );
    expect(await h.eventCount()).toBe(before);
    // 12:00 IST is 06:30Z: inside a's window although the strings compare the other way.
    expectProblem(
      await h.post('/tours/offsets2/stops', h.tokens.incharge, {
        stopId: 'b',
        place: 'P',
        district: 'D',
        venue: 'V',
        startsAt: '2018-06-26T06:30:00Z',
        endsAt: '2018-06-26T08:00:00Z',
      }),
      409,
      'stop-overlaps',
    );
    expect(await h.eventCount()).toBe(before);
  });
});

import { COMMANDS } from '@tayari/shared/application/aggregates';
import { READ_OPERATIONS } from '@tayari/api/openapi/readOperations';
import type { Role } from '@tayari/shared/common/actor';
import { EventMetadataSchema } from '@tayari/shared/common/metadata';
import { fixtures, ist, type Fixtures } from '../api/fixtures';
import { expectAnswer, expectProblem, people, startApi, type ApiHarness, type Person } from '../support/apiHarness';

/**
 * Who may do what (SPEC.md, "Authentication"), over HTTP, as one matrix: every command × every role ×
 * the thing belonging to the actor's own wing or to another wing. Each cell gets fresh state made by
 * an in-charge, so that an allowed command can succeed; it then asserts 2xx and events recorded with
 * the actor's identity, or 403 problem+json with nothing appended.
 *
 * The table below is the single source of the expectations: one row per command name, and its keys
 * must equal `COMMANDS` — a new command cannot be added without saying who may run it.
 */

/** Who may run a command: anyone of that role, only on their own wing's things, or nobody. */
type Reach = 'any-wing' | 'own-wing' | 'never';
type Side = 'own' | 'other';

/** The wing roles act for adivasi; "another wing" is youth. In-charges and observers have no wing. */
const OWN = 'adivasi';
const OTHER = 'youth';
const ACTORS: Record<Role, Person> = {
  incharge: people.incharge,
  'wing-lead': people.adivasiLead,
  organiser: people.adivasiOrganiser,
  observer: people.observer,
};
const ROLES = Object.keys(ACTORS) as Role[];

/** The request one cell sends. */
interface Attempt {
  path: string;
  body: object;
}
interface Row {
  who: Record<Role, Reach>;
  /** Makes fresh state as the in-charge, the target belonging to `wing`; `n` is unique per cell. */
  arrange(f: Fixtures, wing: string, n: string): Promise<Attempt>;
}

const stopBody = (stopId: string, wing: string) => ({
  stopId,
  place: 'Jagdalpur',
  district: 'Bastar',
  venue: 'Lalbagh ground',
  startsAt: ist(26, '11:00'),
  endsAt: ist(26, '13:00'),
  hostWing: wing,
});
/** Tasks and duties of the matrix live under one tour planned once. */
const TOUR = 'matrix-tour';

const INCHARGE_ONLY: Record<Role, Reach> = { incharge: 'any-wing', 'wing-lead': 'never', organiser: 'never', observer: 'never' };

const TABLE: Record<string, Row> = {
  PlanTour: {
    who: INCHARGE_ONLY,
    arrange: async (_f, _wing, n) => ({ path: '/tours', body: { id: `tour-${n}`, title: 'बस्तर दौरा', leader: 'Leader' } }),
  },
  AddStop: {
    who: INCHARGE_ONLY,
    arrange: async (f, wing, n) => {
      await f.tour(`tour-${n}`);
      return { path: `/tours/tour-${n}/stops`, body: stopBody('s1', wing) };
    },
  },
  RescheduleStop: {
    who: INCHARGE_ONLY,
    arrange: async (f, wing, n) => {
      await f.tour(`tour-${n}`);
      await f.stop(`tour-${n}`, 's1', 26, '11:00', '13:00', { hostWing: wing });
      return { path: `/tours/tour-${n}/stops/s1/reschedule`, body: { startsAt: ist(27, '11:00'), endsAt: ist(27, '13:00') } };
    },
  },
  CancelStop: {
    who: INCHARGE_ONLY,
    arrange: async (f, wing, n) => {
      await f.tour(`tour-${n}`);
      await f.stop(`tour-${n}`, 's1', 26, '11:00', '13:00', { hostWing: wing });
      return { path: `/tours/tour-${n}/stops/s1/cancel`, body: { reason: 'rain' } };
    },
  },
  CancelTour: {
    who: INCHARGE_ONLY,
    arrange: async (f, _wing, n) => {
      await f.tour(`tour-${n}`);
      return { path: `/tours/tour-${n}/cancel`, body: { reason: 'postponed' } };
    },
  },
  ScheduleMeeting: {
    who: INCHARGE_ONLY,
    arrange: async (_f, _wing, n) => ({
      path: '/meetings',
      body: { id: `meeting-${n}`, title: 'समीक्षा बैठक', venue: 'Rajiv Bhawan', startsAt: ist(20, '10:00'), chairs: ['Mohan Markam'] },
    }),
  },
  RescheduleMeeting: {
    who: INCHARGE_ONLY,
    arrange: async (f, _wing, n) => {
      await f.meeting(`meeting-${n}`);
      return { path: `/meetings/meeting-${n}/reschedule`, body: { startsAt: ist(21, '10:00'), endsAt: ist(21, '12:00') } };
    },
  },
  CancelMeeting: {
    who: INCHARGE_ONLY,
    arrange: async (f, _wing, n) => {
      await f.meeting(`meeting-${n}`);
      return { path: `/meetings/meeting-${n}/cancel`, body: { reason: 'clash' } };
    },
  },
  RecordMinutes: {
    who: INCHARGE_ONLY,
    arrange: async (f, _wing, n) => {
      await f.meeting(`meeting-${n}`);
      return { path: `/meetings/meeting-${n}/minutes`, body: { decisions: ['Book the ground'], attendance: 40 } };
    },
  },
  AssignResponsibility: {
    who: INCHARGE_ONLY,
    arrange: async (_f, wing, n) => ({ path: `/programmes/${TOUR}/responsibilities`, body: { id: `duty-${n}`, wing, duty: 'crowd mobilisation' } }),
  },
  AcknowledgeResponsibility: {
    who: { incharge: 'any-wing', 'wing-lead': 'own-wing', organiser: 'never', observer: 'never' },
    arrange: async (f, wing, n) => {
      await f.responsibility(TOUR, `duty-${n}`, wing);
      return { path: `/responsibilities/duty-${n}/acknowledge`, body: {} };
    },
  },
  ReassignResponsibility: {
    who: INCHARGE_ONLY,
    arrange: async (f, wing, n) => {
      await f.responsibility(TOUR, `duty-${n}`, wing);
      return { path: `/responsibilities/duty-${n}/reassign`, body: { wing: 'mahila' } };
    },
  },
  CancelResponsibility: {
    who: INCHARGE_ONLY,
    arrange: async (f, wing, n) => {
      await f.responsibility(TOUR, `duty-${n}`, wing);
      return { path: `/responsibilities/duty-${n}/cancel`, body: { reason: 'not needed' } };
    },
  },
  LogTask: {
    who: { incharge: 'any-wing', 'wing-lead': 'own-wing', organiser: 'never', observer: 'never' },
    arrange: async (_f, wing, n) => ({ path: '/tasks', body: { id: `task-${n}`, programmeId: TOUR, wing, title: 'Arrange water' } }),
  },
  ChangeTaskStatus: {
    who: { incharge: 'any-wing', 'wing-lead': 'own-wing', organiser: 'own-wing', observer: 'never' },
    arrange: async (f, wing, n) => {
      await f.task(TOUR, `task-${n}`, wing);
      return { path: `/tasks/task-${n}/status`, body: { status: 'in_progress' } };
    },
  },
  AssignTask: {
    who: { incharge: 'any-wing', 'wing-lead': 'own-wing', organiser: 'never', observer: 'never' },
    arrange: async (f, wing, n) => {
      await f.task(TOUR, `task-${n}`, wing);
      return { path: `/tasks/task-${n}/assign`, body: { assignee: 'सुनीता' } };
    },
  },
  ChangeTaskDue: {
    who: { incharge: 'any-wing', 'wing-lead': 'own-wing', organiser: 'own-wing', observer: 'never' },
    arrange: async (f, wing, n) => {
      await f.task(TOUR, `task-${n}`, wing);
      return { path: `/tasks/task-${n}/due`, body: { dueAt: ist(25, '18:00') } };
    },
  },
  AddTaskNote: {
    who: { incharge: 'any-wing', 'wing-lead': 'own-wing', organiser: 'own-wing', observer: 'never' },
    arrange: async (f, wing, n) => {
      await f.task(TOUR, `task-${n}`, wing);
      return { path: `/tasks/task-${n}/notes`, body: { text: 'टेंट वाले से बात हो गई' } };
    },
  },
  CancelTask: {
    who: { incharge: 'any-wing', 'wing-lead': 'own-wing', organiser: 'never', observer: 'never' },
    arrange: async (f, wing, n) => {
      await f.task(TOUR, `task-${n}`, wing);
      return { path: `/tasks/task-${n}/cancel`, body: { reason: 'duplicate' } };
    },
  },
  RegisterWing: {
    who: INCHARGE_ONLY,
    arrange: async (_f, _wing, n) => ({ path: '/wings', body: { code: `w-${n}`, name: { en: 'Lawyers cell', hi: 'विधि प्रकोष्ठ' }, kind: 'cell' } }),
  },
  RegisterUnit: {
    who: INCHARGE_ONLY,
    arrange: async (_f, _wing, n) => ({
      path: '/units',
      body: { code: `cg-bastar-b${n}`, name: { en: 'A block', hi: 'एक ब्लॉक' }, kind: 'block', parent: 'cg-bastar' },
    }),
  },
};

const allowed = (reach: Reach, side: Side) => reach === 'any-wing' || (reach === 'own-wing' && side === 'own');

interface Cell {
  command: string;
  role: Role;
  side: Side;
  /** 200/201, or the rule of the 403: the role may never (`forbidden-<permission>`), or not on another wing. */
  expected: 200 | 201 | string;
}
const CELLS: Cell[] = COMMANDS.flatMap((route) =>
  ROLES.flatMap((role) =>
    (['own', 'other'] as const).map((side): Cell => {
      const reach = TABLE[route.name]?.who[role] ?? 'never';
      const expected = allowed(reach, side) ? (route.creates ? 201 : 200) : reach === 'never' ? `forbidden-${route.permission}` : 'forbidden-other-wing';
      return { command: route.name, role, side, expected };
    }),
  ),
);

let h: ApiHarness;
let f: Fixtures;
let cellNumber = 0;

beforeAll(async () => {
  h = await startApi();
  f = fixtures(h);
  await f.tour(TOUR);
});
afterAll(() => h.close());

test('the table has exactly one row per command route', () => {
  expect(Object.keys(TABLE).sort()).toEqual(COMMANDS.map((r) => r.name).sort());
  expect(new Set(COMMANDS.map((r) => r.name)).size).toBe(COMMANDS.length);
  // Every role appears in every row (the type says so; this says it to a reader of the output too).
  for (const row of Object.values(TABLE)) expect(Object.keys(row.who).sort()).toEqual([...ROLES].sort());
});

test('the matrix is every command × 4 roles × own/other wing', () => {
  expect(CELLS).toHaveLength(COMMANDS.length * 4 * 2);
});

/** One command's cells as test.each rows: role, side, title, expected. */
const cellRows = (command: string) =>
  CELLS.filter((c) => c.command === command).map(
    (c) => [c.role, c.side, typeof c.expected === 'number' ? c.expected : `403 ${c.expected}`, c.expected] as const,
  );

/** Sets up what the command acts on, for the own or the other wing. */
const arrange = async (command: string, side: Side, n: string) => {
  const row = TABLE[command];
  if (row === undefined) throw new Error(`${command} has no row in TABLE: say who may run it`);
  return row.arrange(f, side === 'own' ? OWN : OTHER, n);
};

describe.each(COMMANDS.map((route) => route.name))('%s', (command) => {
  test.each(cellRows(command))('as %s on the %s wing → %s', async (role, side, _title, expected) => {
    const attempt = await arrange(command, side, `${++cellNumber}`);
    const actor = ACTORS[role];
    const before = await h.tayari.store.headPosition();
    const res = await h.post(attempt.path, await h.token(actor), attempt.body);
    const appended = await h.tayari.store.readAll(before, 100);
    if (typeof expected === 'string') {
      expectProblem(res, 403, expected);
      expect(appended).toEqual([]);
      expect(await h.tayari.store.headPosition()).toBe(before);
    } else {
      const answer = expectAnswer(res, expected);
      expect(appended.length).toBeGreaterThan(0);
      expect(appended.at(-1)?.position).toBe(answer.position);
      for (const event of appended) expect(EventMetadataSchema.parse(event.metadata).actor).toEqual(actor);
    }
  });
});

// The batch endpoint (SPEC v2) runs each item through the same checks: the same cells, in a batch.
describe.each(COMMANDS.map((route) => route.name))('%s in a batch', (command) => {
  test.each(cellRows(command))('as %s on the %s wing → %s', async (role, side, _title, expected) => {
    const attempt = await arrange(command, side, `b${++cellNumber}`);
    const before = await h.tayari.store.headPosition();
    const res = await h.post('/commands/batch', await h.token(ACTORS[role]), {
      commands: [{ method: 'POST', path: `/api${attempt.path}`, body: attempt.body, idempotencyKey: `cell-${cellNumber}` }],
    });
    const [result] = (res.body as { results: { status: number; body: { type?: string } }[] }).results;
    const appended = await h.tayari.store.readAll(before, 100);
    if (typeof expected === 'string') {
      expect(res.status).toBe(207);
      expect(result).toMatchObject({ status: 403, body: { type: `/problems/${expected}` } });
      expect(appended).toEqual([]);
    } else {
      expect(res.status).toBe(200);
      expect(result?.status).toBe(expected);
      expect(appended.length).toBeGreaterThan(0);
    }
  });
});

describe('object-level checks follow the current state', () => {
  test('a duty reassigned away from a wing can no longer be acknowledged by that wing, and can by the new one', async () => {
    await f.responsibility(TOUR, 'moved-duty', OWN);
    expectAnswer(await h.post('/responsibilities/moved-duty/reassign', h.tokens.incharge, { wing: OTHER }), 200);
    const before = await h.eventCount();
    expectProblem(await h.post('/responsibilities/moved-duty/acknowledge', h.tokens.adivasiLead, {}), 403, 'forbidden-other-wing');
    expect(await h.eventCount()).toBe(before);
    expectAnswer(await h.post('/responsibilities/moved-duty/acknowledge', h.tokens.youthLead, {}), 200);
  });

  test('an Idempotency-Key does not turn a refusal into a replayed success, nor the other way round', async () => {
    await f.task(TOUR, 'keyed-task', OTHER);
    const key = { 'Idempotency-Key': 'perm-key-1' };
    const body = { text: 'try' };
    expectProblem(await h.post('/tasks/keyed-task/notes', h.tokens.adivasiOrganiser, body, key), 403, 'forbidden-other-wing');
    // The same key and body by someone allowed is that person's own request (keys are per subject).
    expectAnswer(await h.post('/tasks/keyed-task/notes', h.tokens.youthLead, body, key), 200);
    const before = await h.eventCount();
    const again = await h.post('/tasks/keyed-task/notes', h.tokens.adivasiOrganiser, body, key);
    expectProblem(again, 403, 'forbidden-other-wing');
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await h.eventCount()).toBe(before);
  });
});

describe('reads are open to every valid token', () => {
  const READ_PATHS: Record<string, string> = {
    '/api/health': '/health',
    '/api/wings': '/wings',
    '/api/units': '/units',
    '/api/programmes': '/programmes',
    '/api/programmes/{id}': `/programmes/${TOUR}`,
    '/api/programmes/{id}/history': `/programmes/${TOUR}/history`,
    '/api/boards/programme/{id}': `/boards/programme/${TOUR}`,
    '/api/boards/readiness': '/boards/readiness',
    '/api/boards/attention': '/boards/attention',
    '/api/boards/wing/{wing}': `/boards/wing/${OTHER}`,
  };

  test('one path per read operation of the API', () => {
    expect(Object.keys(READ_PATHS).sort()).toEqual(READ_OPERATIONS.map((r) => r.path).sort());
  });

  test.each(Object.entries(READ_PATHS).flatMap(([operation, path]) => ROLES.map((role) => [operation, role, path] as const)))(
    'GET %s as %s → 200',
    async (_operation, role, path) => {
      // Read your writes: wait for the projections to reach the store's head (health takes no query).
      const head = (await h.tayari.store.headPosition()) ?? '0';
      const res = await h.get(path === '/health' ? path : `${path}?minPosition=${head}`, await h.token(ACTORS[role]));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(typeof (res.body as { position?: unknown }).position).toBe('string');
    },
  );

  test('every read without a token is 401, but health', async () => {
    for (const path of Object.values(READ_PATHS)) {
      const res = await h.get(path);
      expect(res.status).toBe(path === '/health' ? 200 : 401);
    }
  });
});

import type { Role } from '@tayari/shared/common/actor';
import { ist, type Fixtures } from '../api/fixtures';
import { people, type Person } from '../support/apiHarness';
import { PEOPLE_ROWS } from './peoplePermissionRows';
import { POST_ROWS } from './postPermissionRows';
import { TEMPLATE_ROWS } from './templatePermissionRows';
import { DRIVE_ROWS } from './drivePermissionRows';

/**
 * Who may do what (SPEC.md, "Authentication"): the single source of the permission matrix's
 * expectations, one row per command name. Its keys must equal `COMMANDS` (permissions.matrix.test.ts
 * checks), so a new command cannot be added without saying who may run it: add its row here.
 */

/** Who may run a command: anyone of that role, only on their own wing's things, or nobody. */
export type Reach = 'any-wing' | 'own-wing' | 'never';
export type Side = 'own' | 'other';

/** The wing roles act for adivasi; "another wing" is youth. In-charges and observers have no wing. */
export const OWN = 'adivasi';
export const OTHER = 'youth';
export const ACTORS: Record<Role, Person> = {
  incharge: people.incharge,
  'wing-lead': people.adivasiLead,
  organiser: people.adivasiOrganiser,
  observer: people.observer,
};
export const ROLES = Object.keys(ACTORS) as Role[];

/** The request one cell sends. */
export interface Attempt {
  path: string;
  body: object;
}
export interface Row {
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
export const TOUR = 'matrix-tour';

const INCHARGE_ONLY: Record<Role, Reach> = { incharge: 'any-wing', 'wing-lead': 'never', organiser: 'never', observer: 'never' };

export const TABLE: Record<string, Row> = {
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
  ...POST_ROWS,
  ...PEOPLE_ROWS,
  ...TEMPLATE_ROWS,
  ...DRIVE_ROWS,
};

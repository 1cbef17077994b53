import type { Role } from '@tayari/shared/common/actor';
import type { Reach, Row } from './permissionTable';

const INCHARGE_ONLY: Record<Role, Reach> = { incharge: 'any-wing', 'wing-lead': 'never', organiser: 'never', observer: 'never' };
/** Aspirants (organiser tokens) and wing-leads enrol for their own wing (SPEC v2, "the enrolment drive"). */
const OWN_WING_WORK: Record<Role, Reach> = { incharge: 'any-wing', 'wing-lead': 'own-wing', organiser: 'own-wing', observer: 'never' };
const targets = { 'cg-bastar': 1000 };
/** Every cell enrols its own phone: `n` is unique per cell. */
const phoneOf = (n: string) => `+9198${String([...n].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) % 1e8, 7)).padStart(8, '0')}`;

/** The permission matrix's rows of the drive commands (see permissionTable.ts). */
export const DRIVE_ROWS: Record<string, Row> = {
  LaunchDrive: {
    who: INCHARGE_ONLY,
    arrange: async (_f, _wing, n) => ({
      path: '/drives',
      body: { id: `drive-${n}`, title: 'Shakti', startsAt: '2018-06-01T00:00:00Z', endsAt: '2018-07-01T00:00:00Z', targets },
    }),
  },
  SetDriveTarget: {
    who: INCHARGE_ONLY,
    arrange: async (f, _wing, n) => {
      await f.drive(`drive-${n}`, targets);
      return { path: `/drives/drive-${n}/targets`, body: { unit: 'cg-raipur', target: 5 } };
    },
  },
  CloseDrive: {
    who: INCHARGE_ONLY,
    arrange: async (f, _wing, n) => {
      await f.drive(`drive-${n}`, targets);
      return { path: `/drives/drive-${n}/close`, body: {} };
    },
  },
  EnrolWorker: {
    who: OWN_WING_WORK,
    arrange: async (f, wing, n) => {
      await f.drive(`drive-${n}`, targets);
      return { path: `/drives/drive-${n}/enrolments`, body: { id: `w-${n}`, unit: 'cg-bastar', name: 'Worker', phone: phoneOf(n), wing, consent: true } };
    },
  },
  ForgetEnrolment: {
    who: INCHARGE_ONLY,
    arrange: async (f, _wing, n) => {
      await f.drive(`drive-${n}`, targets);
      await f.enrolment(`drive-${n}`, `w-${n}`, phoneOf(n));
      return { path: `/drives/drive-${n}/enrolments/w-${n}/forget`, body: { reason: 'asked to be removed' } };
    },
  },
};

import type { Role } from '@tayari/shared/common/actor';
import type { Reach, Row } from './permissionTable';

const INCHARGE_ONLY: Record<Role, Reach> = { incharge: 'any-wing', 'wing-lead': 'never', organiser: 'never', observer: 'never' };
/** SPEC v2: a wing-lead adds (and invites, and revokes) organisers of its own wing. */
const OWN_WING_LEAD: Record<Role, Reach> = { incharge: 'any-wing', 'wing-lead': 'own-wing', organiser: 'never', observer: 'never' };

/** The permission matrix's rows of the people commands (see permissionTable.ts): the target is an organiser of `wing`. */
export const PEOPLE_ROWS: Record<string, Row> = {
  AddPerson: {
    who: OWN_WING_LEAD,
    arrange: async (_f, wing, n) => ({ path: '/people', body: { id: `person-${n}`, name: 'सुनीता नेताम', role: 'organiser', wing } }),
  },
  ChangeRole: {
    who: INCHARGE_ONLY,
    arrange: async (f, wing, n) => {
      await f.person(`person-${n}`, wing);
      return { path: `/people/person-${n}/role`, body: { role: 'wing-lead', wing } };
    },
  },
  IssueInvitation: {
    who: OWN_WING_LEAD,
    arrange: async (f, wing, n) => {
      await f.person(`person-${n}`, wing);
      return { path: `/people/person-${n}/invite`, body: {} };
    },
  },
  RevokeAccess: {
    who: OWN_WING_LEAD,
    arrange: async (f, wing, n) => {
      await f.person(`person-${n}`, wing);
      return { path: `/people/person-${n}/revoke`, body: { reason: 'left' } };
    },
  },
};

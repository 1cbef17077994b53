import type { Role } from '@tayari/shared/common/actor';
import type { Fixtures } from '../api/fixtures';
import type { Reach, Row } from './permissionTable';

const INCHARGE_ONLY: Record<Role, Reach> = { incharge: 'any-wing', 'wing-lead': 'never', organiser: 'never', observer: 'never' };
/** SPEC v2: a wing-lead proposes for its wing's posts and recommends within its wing. */
const OWN_WING_LEAD: Record<Role, Reach> = { incharge: 'any-wing', 'wing-lead': 'own-wing', organiser: 'never', observer: 'never' };

/** A post of `wing` with nomination `nom-<n>` taken to `stage`. */
async function nominated(f: Fixtures, wing: string, n: string, stage: 'proposed' | 'recommended' | 'approved' | 'appointed') {
  await f.post(`post-${n}`, wing);
  await f.nomination(`post-${n}`, `nom-${n}`);
  if (stage === 'proposed') return;
  await f.nominationStep(`nom-${n}`, 'recommend');
  if (stage === 'recommended') return;
  await f.nominationStep(`nom-${n}`, 'approve');
  if (stage === 'appointed') await f.appoint(`post-${n}`, `nom-${n}`);
}

/** The permission matrix's rows of the posts and nominations commands (see permissionTable.ts). */
export const POST_ROWS: Record<string, Row> = {
  CreatePost: {
    who: INCHARGE_ONLY,
    arrange: async (_f, wing, n) => ({
      path: '/posts',
      body: { id: `post-${n}`, unit: 'cg-bastar', wing, title: { en: 'Block president', hi: 'ब्लॉक अध्यक्ष' } },
    }),
  },
  ProposeNominee: {
    who: OWN_WING_LEAD,
    arrange: async (f, wing, n) => {
      await f.post(`post-${n}`, wing);
      return { path: `/posts/post-${n}/nominations`, body: { id: `nom-${n}`, nominee: 'सुनीता मरकाम', proposedBy: 'Block president' } };
    },
  },
  RecommendNomination: {
    who: OWN_WING_LEAD,
    arrange: async (f, wing, n) => {
      await nominated(f, wing, n, 'proposed');
      return { path: `/nominations/nom-${n}/recommend`, body: {} };
    },
  },
  ApproveNomination: {
    who: INCHARGE_ONLY,
    arrange: async (f, wing, n) => {
      await nominated(f, wing, n, 'recommended');
      return { path: `/nominations/nom-${n}/approve`, body: {} };
    },
  },
  DeclineNomination: {
    who: INCHARGE_ONLY,
    arrange: async (f, wing, n) => {
      await nominated(f, wing, n, 'proposed');
      return { path: `/nominations/nom-${n}/decline`, body: { reason: 'not a member' } };
    },
  },
  WithdrawNomination: {
    who: INCHARGE_ONLY,
    arrange: async (f, wing, n) => {
      await nominated(f, wing, n, 'recommended');
      return { path: `/nominations/nom-${n}/withdraw`, body: {} };
    },
  },
  Appoint: {
    who: INCHARGE_ONLY,
    arrange: async (f, wing, n) => {
      await nominated(f, wing, n, 'approved');
      return { path: `/posts/post-${n}/appoint`, body: { nominationId: `nom-${n}` } };
    },
  },
  VacatePost: {
    who: INCHARGE_ONLY,
    arrange: async (f, wing, n) => {
      await nominated(f, wing, n, 'appointed');
      return { path: `/posts/post-${n}/vacate`, body: { reason: 'resigned' } };
    },
  },
};

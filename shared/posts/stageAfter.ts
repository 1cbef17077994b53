import type { NominationStage } from '../contract/nominationStages';
import type { PostEvent } from './events';

/**
 * The stage a nomination is at after each event of its post's stream: one map for the decider's state
 * and the posts board, so the two cannot drift apart.
 */
export const STAGE_AFTER: Record<Exclude<PostEvent['type'], 'PostCreated'>, NominationStage> = {
  NomineeProposed: 'proposed',
  NominationRecommended: 'recommended',
  NominationApproved: 'approved',
  NominationDeclined: 'declined',
  NominationWithdrawn: 'withdrawn',
  NominationClosed: 'closed',
  PostFilled: 'appointed',
  PostVacated: 'vacated',
};

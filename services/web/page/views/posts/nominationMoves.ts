import type { NominationStage } from '@tayari/shared/contract/nominationStages';
import type { Claims } from '../../token';
import type { PostItem } from '../../types';

/** A move on a nomination the page may offer. */
export type NominationMove = 'recommend' | 'approve' | 'appoint' | 'decline' | 'withdraw';

/**
 * What the person may do to a post (README "Who may do what"): in-charges everything; a wing lead
 * proposes and recommends on its own wing's posts (a post of no wing is the in-charges' alone);
 * everyone else reads.
 */
export function mayNominate(claims: Claims, post: PostItem): boolean {
  if (claims.role === 'incharge') return true;
  return claims.role === 'wing-lead' && post.wing !== undefined && post.wing === claims.wing;
}

/** The moves offered on a nomination at `stage`, as far as the person may make them. */
export function movesOf(claims: Claims, post: PostItem, stage: NominationStage): NominationMove[] {
  const incharge = claims.role === 'incharge';
  const moves: NominationMove[] = [];
  if (stage === 'proposed' && mayNominate(claims, post)) moves.push('recommend');
  if (stage === 'recommended' && incharge) moves.push('approve');
  if (stage === 'approved' && incharge && post.status === 'vacant') moves.push('appoint');
  if (incharge && (stage === 'proposed' || stage === 'recommended' || stage === 'approved')) moves.push('decline', 'withdraw');
  return moves;
}

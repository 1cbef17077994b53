import { sameHash } from './credentials';
import type { PersonState } from './PersonState';

/** How long after a rotation the token before it still answers (a phone that lost the answer retries). */
export const REFRESH_GRACE_MS = 2 * 60 * 1000;

/**
 * What a presented refresh token is to its family: the current one (rotate), the one just replaced
 * (a retry within the grace: answer the current one again), an older one (reuse: end the family),
 * or nothing usable.
 */
export type RefreshVerdict = 'current' | 'retry' | 'reuse' | 'unknown' | 'ended' | 'expired';

export function refreshVerdict(state: PersonState, familyId: string, presentedHash: string, at: string): RefreshVerdict {
  const family = state?.families.get(familyId);
  if (state === undefined || family === undefined) return 'unknown';
  if (family.ended || state.revoked) return 'ended';
  if (family.expiresAt <= at) return 'expired';
  if (sameHash(family.hash, presentedHash)) return 'current';
  const sinceRotation = family.rotatedAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(at) - Date.parse(family.rotatedAt);
  if (family.previousHash !== undefined && sameHash(family.previousHash, presentedHash) && sinceRotation <= REFRESH_GRACE_MS) return 'retry';
  return 'reuse';
}

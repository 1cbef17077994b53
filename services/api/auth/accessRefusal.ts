import type { VerifiedToken } from './TokenVerifier';

/** What the access checks need of a person, from memory (the people read model). */
export interface PersonAccess {
  accessVersion: number;
  revoked: boolean;
}
export type PersonLookup = (personId: string) => PersonAccess | undefined;

/** Why a token no longer speaks for its person: the problem's rule and what it tells the client. */
export interface AccessRefusal {
  rule: 'access-revoked' | 'token-stale';
  detail: string;
}

/**
 * Why a verified token no longer speaks for its person, or undefined when it does: a revoked person's
 * `sub` is refused whatever signed the token; a token made before a role change or revocation (`ver`
 * below the person's access version) must be refreshed. Tokens of people Tayari does not know
 * (integrations signed with the secret) pass as in v1.
 */
export function accessRefusal(token: Pick<VerifiedToken, 'actor' | 'ver'>, people: PersonLookup): AccessRefusal | undefined {
  const person = people(token.actor.sub);
  if (person === undefined) return undefined;
  if (person.revoked) return { rule: 'access-revoked', detail: "this person's access was revoked" };
  if (token.ver !== undefined && token.ver < person.accessVersion) {
    return { rule: 'token-stale', detail: 'your role changed since this token was made: refresh it (POST /api/auth/refresh)' };
  }
  return undefined;
}

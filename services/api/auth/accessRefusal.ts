import type { VerifiedToken } from './TokenVerifier';

/** What the access checks need of a person, from memory (the people read model). */
export interface PersonAccess {
  accessVersion: number;
  revoked: boolean;
}
export type PersonLookup = (personId: string) => PersonAccess | undefined;

/**
 * Why a verified token no longer speaks for its person, or undefined when it does: a revoked person's
 * `sub` is refused whatever signed the token; a token made before a role change or revocation (`ver`
 * below the person's access version) must be refreshed. Tokens of people Tayari does not know
 * (integrations signed with the secret) pass as in v1.
 */
export function accessRefusal(token: Pick<VerifiedToken, 'actor' | 'ver'>, people: PersonLookup): string | undefined {
  const person = people(token.actor.sub);
  if (person === undefined) return undefined;
  if (person.revoked) return 'access-revoked';
  if (token.ver !== undefined && token.ver < person.accessVersion) return 'token-stale';
  return undefined;
}

export const ACCESS_REFUSALS: Readonly<Record<string, string>> = {
  'access-revoked': "this person's access was revoked",
  'token-stale': 'your role changed since this token was made: refresh it (POST /api/auth/refresh)',
};

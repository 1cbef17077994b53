import type { Role } from '@tayari/shared/contract/domain';

/**
 * GET /api/people (SPEC v2 "people and access"), as projections/boards/directory.ts answers it (that
 * module is the server's and imports Node; test/web/peopleTypes.rules.test.ts checks the two agree).
 */
export const SIGN_IN_STATES = ['not-invited', 'invited', 'invitation-expired', 'signed-in', 'signed-out', 'revoked'] as const;
export type SignInState = (typeof SIGN_IN_STATES)[number];

export interface Person {
  id: string;
  name: string;
  /** Only in-charges read phones. */
  phone?: string;
  role: Role;
  wing?: string;
  unit?: string;
  signIn: SignInState;
}

export interface Directory {
  position: string;
  people: Person[];
}

/** What `POST /api/people/{id}/invite` answers besides the command's `{id, version, position}`. */
export interface Invitation {
  link: string;
  code: string;
  expiresAt: string;
}

export function invitationOf(answer: object): Invitation | undefined {
  const { link, code, expiresAt } = answer as Partial<Record<keyof Invitation, unknown>>;
  return typeof link === 'string' && typeof code === 'string' && typeof expiresAt === 'string' ? { link, code, expiresAt } : undefined;
}

/** Who may do what to a person (the server's rules, shared/people/peopleAggregate.ts): only that is offered. */
export interface PeopleClaims {
  role: Role;
  wing?: string;
}

/** An in-charge manages everyone; a wing lead the organisers of its own wing. */
export const manages = (me: PeopleClaims, person: { role: Role; wing?: string }) =>
  me.role === 'incharge' || (me.role === 'wing-lead' && person.role === 'organiser' && person.wing === me.wing);

/** Roles a person may give when adding someone (a wing lead adds organisers only). */
export const rolesFor = (me: PeopleClaims): readonly Role[] =>
  me.role === 'incharge' ? ['organiser', 'wing-lead', 'incharge', 'observer'] : me.role === 'wing-lead' ? ['organiser'] : [];

/** Wing-lead and organiser act for a wing; in-charge and observer for none. */
export const needsWing = (role: string) => role === 'wing-lead' || role === 'organiser';

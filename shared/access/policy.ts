import type { Actor } from '@tayari/shared/common/actor';
import { Forbidden } from './Forbidden';

/**
 * Who may do what (SPEC.md, "Authentication"), in one place:
 * - `incharge`: only in-charges (planning, assigning duties, cancelling programmes, wings);
 * - `wing-manage`: in-charges, or the lead of the wing the thing belongs to;
 * - `wing-acknowledge`: the same people, for duties given to that wing;
 * - `wing-work`: in-charges, and the lead or an organiser of that wing (status, notes, due time).
 * Observers only read.
 */
export type Permission = 'incharge' | 'wing-manage' | 'wing-acknowledge' | 'wing-work';

const rolesFor: Record<Permission, readonly Actor['role'][]> = {
  incharge: ['incharge'],
  'wing-manage': ['incharge', 'wing-lead'],
  'wing-acknowledge': ['incharge', 'wing-lead'],
  'wing-work': ['incharge', 'wing-lead', 'organiser'],
};

/** Role-level check, before anything is read: can this role ever do it? */
export function requireRole(actor: Actor, permission: Permission): void {
  if (!rolesFor[permission].includes(actor.role)) {
    throw new Forbidden(`forbidden-${permission}`, `the role ${actor.role} may not do this`);
  }
}

/** Object-level check: the thing belongs to `wing`; wing roles act only on their own wing. */
export function requireWing(actor: Actor, permission: Permission, wing: string): void {
  requireRole(actor, permission);
  if (actor.role !== 'incharge' && actor.wing !== wing) {
    throw new Forbidden('forbidden-other-wing', `this belongs to wing ${wing}; you act for ${actor.wing ?? 'no wing'}`);
  }
}

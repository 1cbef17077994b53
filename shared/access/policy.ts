import type { Actor } from '../common/actor';
import { may, ROLES_FOR, type Permission } from '../contract/domain';
import { Forbidden } from './Forbidden';

export type { Permission } from '../contract/domain';

/** Role-level check, before anything is read: can this role ever do it? (Who may do what: contract/domain.ts.) */
export function requireRole(actor: Actor, permission: Permission): void {
  if (!ROLES_FOR[permission].includes(actor.role)) {
    throw new Forbidden(`forbidden-${permission}`, `the role ${actor.role} may not do this`);
  }
}

/** Object-level check: the thing belongs to `wing`; wing roles act only on their own wing. */
export function requireWing(actor: Actor, permission: Permission, wing: string): void {
  requireRole(actor, permission);
  if (!may(actor, permission, wing)) {
    throw new Forbidden('forbidden-other-wing', `this belongs to wing ${wing}; you act for ${actor.wing ?? 'no wing'}`);
  }
}

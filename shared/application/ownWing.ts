import { requireWing, type Permission } from '../access/policy';
import type { Actor } from '../common/actor';

/** Object-level permission for a stream whose state names a wing (tasks, responsibilities). */
export const ownWing =
  (permission: Permission) =>
  ({ actor }: { actor: Actor }) =>
  (state: { exists: false } | { exists: true; wing: string }) => {
    if (state.exists) requireWing(actor, permission, state.wing);
  };

/**
 * The domain's words that the server and the page share: statuses, roles, who may do what, and the
 * one status rule a person meets on a card. Node-free and without zod, so the page's bundle imports it;
 * the server's schemas and policy are built from it, so nothing here is declared twice.
 */

/** A live task's statuses, in board order (a cancelled task is on no board). */
export const TASK_STATUSES = ['todo', 'in_progress', 'blocked', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const ROLES = ['incharge', 'wing-lead', 'organiser', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return ROLES.some((role) => role === value);
}

/**
 * What a command needs (SPEC "Authentication"):
 * - `incharge`: only in-charges (planning, assigning duties, cancelling programmes, wings);
 * - `wing-manage`: in-charges, or the lead of the wing the thing belongs to;
 * - `wing-acknowledge`: the same people, for duties given to that wing;
 * - `wing-work`: in-charges, and the lead or an organiser of that wing (status, notes, due time);
 * - `wing-nominate`: in-charges, or the lead of the wing a post belongs to (proposing, recommending).
 * Observers only read.
 */
export const PERMISSIONS = ['incharge', 'wing-manage', 'wing-acknowledge', 'wing-work', 'wing-nominate'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES_FOR: Readonly<Record<Permission, readonly Role[]>> = {
  incharge: ['incharge'],
  'wing-manage': ['incharge', 'wing-lead'],
  'wing-acknowledge': ['incharge', 'wing-lead'],
  'wing-work': ['incharge', 'wing-lead', 'organiser'],
  'wing-nominate': ['incharge', 'wing-lead'],
};

/** Whether a person may do what needs `permission` to a thing of `wing` (undefined: any thing). */
export function may(person: { role: Role; wing?: string | undefined }, permission: Permission, wing?: string): boolean {
  if (!ROLES_FOR[permission].includes(person.role)) return false;
  return person.role === 'incharge' || wing === undefined || person.wing === wing;
}

/** SPEC "Rules": a done task only goes back to todo; the others may go to any other status. */
export function statusesReachable(from: TaskStatus): TaskStatus[] {
  return from === 'done' ? ['todo'] : TASK_STATUSES.filter((status) => status !== from);
}

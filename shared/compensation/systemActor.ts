import type { Actor } from '../common/actor';

/**
 * Who Tayari itself is in history, when a process manager appends an event no person asked for.
 * An in-charge: what it appends (a cancel) is something only an in-charge could have decided.
 */
export const SYSTEM_ACTOR: Actor = { sub: 'tayari', name: 'Tayari', role: 'incharge' };

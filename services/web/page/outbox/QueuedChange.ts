import type { TaskStatus } from '../types';

/** What a queued change is about: a task's card or a duty, and the programme whose board holds it. */
export interface ChangeTarget {
  kind: 'task' | 'duty';
  id: string;
  programmeId: string;
  /** The task's title or the duty's text when the person acted, to name it in the report. */
  title: string;
}

/**
 * The one field a change's meaning depends on, as the person saw it (README "Offline changes and
 * conflicts"): after a 412 the change is sent again only if that field still holds what they saw.
 */
export type Aspect = { field: 'status'; seen: TaskStatus } | { field: 'assignee' | 'dueAt' | 'wing'; seen: string | undefined };

/**
 * One thing a person did, kept until the server has answered it: the command as it would be sent
 * alone, its Idempotency-Key (made when the person acted, so every resend is the same request), and
 * the version it was made against (none for a note: a note never conflicts).
 */
export interface QueuedChange {
  key: string;
  /** Who acted (the token's `sub`): a queue left by someone else on this browser is never sent as another person. */
  by: string;
  /** Order of acting on this browser. */
  seq: number;
  path: string;
  body: object;
  ifMatch?: number;
  aspect?: Aspect;
  target?: ChangeTarget;
  /** When the person acted (ISO), for ordering and for saying when. */
  at: string;
}

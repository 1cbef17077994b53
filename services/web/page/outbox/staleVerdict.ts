import type { Aspect } from './QueuedChange';

/** A task card or a duty as read again after a 412: the fields a change can depend on, and its version. */
export interface CurrentState {
  version: number;
  status?: string;
  assignee?: string;
  dueAt?: string;
  wing?: string;
}

/** What to do with a change the server refused as stale (412). */
export type Verdict =
  /** What the person's change depends on is as they saw it: send it again at this version. */
  | { kind: 'resend'; version: number }
  /** Someone changed that very thing meanwhile: `now` is what it holds now. */
  | { kind: 'conflict'; field: Aspect['field']; now: string | undefined }
  /** It is on no board any more (cancelled): nothing to compare. */
  | { kind: 'gone' };

/**
 * Conflicts by meaning (README "Offline changes and conflicts"): a 412 says only that the stream moved
 * on; it is a conflict only when the field the change depends on is no longer what the person saw
 * (a note or an assignment does not undo a status move). A change without an aspect depends on
 * nothing it saw and is resent too.
 */
export function staleVerdict(aspect: Aspect | undefined, current: CurrentState | undefined): Verdict {
  if (!current) return { kind: 'gone' };
  if (!aspect) return { kind: 'resend', version: current.version };
  const now = current[aspect.field];
  if (now === aspect.seen) return { kind: 'resend', version: current.version };
  return { kind: 'conflict', field: aspect.field, now };
}

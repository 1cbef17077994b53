import type { Aspect, QueuedChange } from './QueuedChange';

/** What became of a change the person made, in the terms the page words it in (reportText). */
export type Report =
  | { kind: 'saved' }
  /** Someone changed what the change depended on; `field` is unknown for a change without an aspect. */
  | { kind: 'conflict'; field?: Aspect['field']; now: string | undefined }
  | { kind: 'cancelled'; what: 'task' | 'duty' | 'programme' | 'stop' }
  | { kind: 'refused'; detail: string; rule?: string }
  | { kind: 'forbidden' };

/** A queued change with the server's final word on it. */
export interface Settled {
  change: QueuedChange;
  report: Report;
}

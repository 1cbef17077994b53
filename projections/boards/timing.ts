import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { phaseOf, programmeWindow } from '../readiness/programmeWindow';
import type { Timing } from './types';

export function timingOf(doc: ProgrammeDoc, now: Date): Timing {
  const window = programmeWindow(doc);
  const phase = phaseOf(window, now);
  return window ? { startsAt: window.startsAt, endsAt: window.endsAt, phase } : { phase };
}

/** Time order of boards and lists as a string: by start (UTC ISO text), unscheduled last, then by id. */
export function programmeOrder(item: { id: string; startsAt?: string }): string {
  return `${item.startsAt ?? '~'} ${item.id}`;
}

/** Time order of boards and lists: by start, unscheduled last, then by id for a stable order. */
export function byStart(a: { id: string; startsAt?: string }, b: { id: string; startsAt?: string }): number {
  const x = programmeOrder(a);
  const y = programmeOrder(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { phaseOf, programmeWindow } from '../readiness/programmeWindow';
import type { Timing } from './types';

export function timingOf(doc: ProgrammeDoc, now: Date): Timing {
  const window = programmeWindow(doc);
  return { startsAt: window?.startsAt ?? null, endsAt: window?.endsAt ?? null, phase: phaseOf(window, now) };
}

/** Time order of boards and lists: by start, unscheduled last, then by id for a stable order. */
export function byStart(a: { id: string; startsAt: string | null }, b: { id: string; startsAt: string | null }): number {
  if (a.startsAt !== b.startsAt) {
    if (a.startsAt === null) return 1;
    if (b.startsAt === null) return -1;
    return a.startsAt < b.startsAt ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

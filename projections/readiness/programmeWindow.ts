import type { ProgrammeHeader } from '../models/programme/ProgrammeDoc';
import type { Phase, TimeWindow } from './types';

/** How long a meeting without an end is taken to last. */
export const DEFAULT_MEETING_MS = 2 * 60 * 60 * 1000;

/**
 * When a programme runs. A tour: from its earliest live stop's start to its latest live stop's end
 * (no live stops: undefined, i.e. unscheduled). A meeting: startsAt to endsAt, or startsAt + 2 h
 * when it has no end.
 */
export function programmeWindow(doc: ProgrammeHeader): TimeWindow | undefined {
  if (doc.kind === 'meeting') {
    const endsAt = doc.endsAt ?? new Date(Date.parse(doc.startsAt) + DEFAULT_MEETING_MS).toISOString();
    return { startsAt: doc.startsAt, endsAt };
  }
  let window: TimeWindow | undefined;
  for (const stop of doc.stops) {
    if (stop.cancelled) continue;
    // Stored instants are normalised to UTC, so they compare as strings.
    if (!window) window = { startsAt: stop.startsAt, endsAt: stop.endsAt };
    else {
      if (stop.startsAt < window.startsAt) window.startsAt = stop.startsAt;
      if (stop.endsAt > window.endsAt) window.endsAt = stop.endsAt;
    }
  }
  return window;
}

/** `ended` once now reaches the end; `running` from the start. An unscheduled programme never ends. */
export function phaseOf(window: TimeWindow | undefined, now: Date): Phase {
  if (!window) return 'unscheduled';
  const t = now.getTime();
  if (t >= Date.parse(window.endsAt)) return 'ended';
  if (t >= Date.parse(window.startsAt)) return 'running';
  return 'upcoming';
}

import type { GenerateOptions } from './generateEvents';

const DAY = 24 * 3_600_000;

/** Events a programme of the history plan yields on average (measured from the generator). */
export const EVENTS_PER_PROGRAMME = 290;

/**
 * The live plan: upcoming programmes (starting in 1.5 to 6 days) whose preparation is under way,
 * `programmes` of them, with no cancellations: every task can be moved by a command.
 */
export function livePlan(nowMs: number, programmes: number, seed = 7): GenerateOptions {
  return { seed, nowMs, firstStartMs: nowMs + 1.5 * DAY, spacingMs: (4.5 * DAY) / programmes, programmes, cancellations: false };
}

/**
 * The history plan: about two years of programmes, a few a day, ending with some still upcoming;
 * a little more than `events` worth, so that the log can be cut at exactly `events`.
 */
export function historyPlan(nowMs: number, events: number, seed = 11): GenerateOptions {
  const programmes = Math.ceil((events / EVENTS_PER_PROGRAMME) * 1.25) + 2;
  const firstStartMs = nowMs - 730 * DAY;
  return { seed, nowMs, firstStartMs, spacingMs: (750 * DAY) / programmes, programmes, cancellations: true };
}

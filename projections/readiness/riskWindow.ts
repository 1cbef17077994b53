import type { TimeWindow } from './types';

/** SPEC: "starts within 48 hours and percent < 80". */
export const RISK_HORIZON_MS = 48 * 60 * 60 * 1000;
/** SPEC v2: "starts within 7 days and has a blocked task". */
export const BLOCKED_HORIZON_MS = 7 * 24 * 60 * 60 * 1000;

/** Where "now" stands against a window, as far as the at-risk rule cares. */
export interface RiskStance {
  /** Not ended (an unscheduled programme never ends). */
  open: boolean;
  /** Starts within 7 days (or has started): a blocked task puts it at risk. */
  withinWeek: boolean;
  /** Starts within 48 hours (or has started): percent < 80 puts it at risk. */
  within48h: boolean;
}

export const NEVER_AT_RISK: RiskStance = { open: false, withinWeek: false, within48h: false };

/**
 * SPEC v2 at-risk: the programme has not ended and (it has an overdue task, or it starts within
 * 7 days and has a blocked task, or it starts within 48 hours and percent < 80). "Starts within"
 * includes having started: a programme under way that is not ready is at risk too. An unscheduled
 * programme (no window) has not ended and never starts: only an overdue task puts it at risk.
 */
export function riskStance(window: TimeWindow | undefined, now: Date): RiskStance {
  if (!window) return { open: true, withinWeek: false, within48h: false };
  const t = now.getTime();
  const start = Date.parse(window.startsAt);
  const open = t < Date.parse(window.endsAt);
  return { open, withinWeek: open && t >= start - BLOCKED_HORIZON_MS, within48h: open && t >= start - RISK_HORIZON_MS };
}

export function isAtRisk(stance: RiskStance, counts: { percent: number; blocked: number; overdue: number }): boolean {
  return stance.open && (counts.overdue > 0 || (stance.withinWeek && counts.blocked > 0) || (stance.within48h && counts.percent < 80));
}

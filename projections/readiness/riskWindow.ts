import type { TimeWindow } from './types';

/** SPEC: a programme "starts within 48 hours". */
export const RISK_HORIZON_MS = 48 * 60 * 60 * 1000;

/**
 * The stretch of time in which readiness can put a programme at risk: from 48 h before its start
 * until it ends. A programme under way that is still not ready is at risk too; one that ended, or
 * that starts later than 48 h from now, is not. An unscheduled programme never is.
 */
export function inRiskWindow(window: TimeWindow | undefined, now: Date): boolean {
  if (!window) return false;
  const t = now.getTime();
  return t >= Date.parse(window.startsAt) - RISK_HORIZON_MS && t < Date.parse(window.endsAt);
}

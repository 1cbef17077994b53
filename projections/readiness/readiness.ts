import type { ProgrammeDoc, TaskCard } from '../models/programme/ProgrammeDoc';
import { programmeWindow } from './programmeWindow';
import type { Readiness, ReadinessCounts, TimeWindow } from './types';
import { isAtRisk, NEVER_AT_RISK, riskStance, type RiskStance } from './riskWindow';

export type ReadinessTask = Pick<TaskCard, 'wing' | 'status' | 'dueAt' | 'stopId'>;

/** A task counts as overdue when it is live, not done, and its due time is before now. */
export function isOverdue(task: Pick<TaskCard, 'status' | 'dueAt'>, now: Date): boolean {
  return task.status !== 'done' && task.status !== 'cancelled' && task.dueAt !== undefined && Date.parse(task.dueAt) < now.getTime();
}

/** Counts before percent and atRisk are derived. */
export class Tally {
  total = 0;
  done = 0;
  inProgress = 0;
  blocked = 0;
  overdue = 0;

  add(task: Pick<TaskCard, 'status' | 'dueAt'>, now: Date): void {
    if (task.status === 'cancelled') return;
    this.total++;
    if (task.status === 'done') this.done++;
    else if (task.status === 'in_progress') this.inProgress++;
    else if (task.status === 'blocked') this.blocked++;
    if (isOverdue(task, now)) this.overdue++;
  }

  merge(other: Pick<ReadinessCounts, 'total' | 'done' | 'inProgress' | 'blocked' | 'overdue'>): void {
    this.total += other.total;
    this.done += other.done;
    this.inProgress += other.inProgress;
    this.blocked += other.blocked;
    this.overdue += other.overdue;
  }

  /** `stance`: where now stands against the window of the thing counted (see `riskStance`). */
  counts(stance: RiskStance): ReadinessCounts {
    const percent = this.total === 0 ? 0 : Math.round((100 * this.done) / this.total);
    const atRisk = isAtRisk(stance, { percent, blocked: this.blocked, overdue: this.overdue });
    return { percent, total: this.total, done: this.done, inProgress: this.inProgress, blocked: this.blocked, overdue: this.overdue, atRisk };
  }
}

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = new Tally()));
  return tally;
}

/** The ids of a tour's cancelled stops (a meeting has none). */
export function cancelledStops(programme: ProgrammeDoc): ReadonlySet<string> {
  if (programme.kind !== 'tour') return new Set();
  return new Set(programme.stops.filter((stop) => stop.cancelled).map((stop) => stop.id));
}

/** Whether a task counts towards readiness: live, and its stop (if any) not cancelled (SPEC v2). */
export function counts(task: ReadinessTask, cancelled: ReadonlySet<string>): boolean {
  return task.status !== 'cancelled' && (task.stopId === undefined || !cancelled.has(task.stopId));
}

/**
 * SPEC's readiness of a programme's tasks (all of them, or one wing's) at `now`. Cancelled tasks and
 * tasks of cancelled stops do not count. byWing entries use the programme's window; byStop (tours:
 * every live stop) uses each stop's own. A cancelled programme is never at risk.
 */
export function readiness(tasks: Iterable<ReadinessTask>, programme: ProgrammeDoc, now: Date): Readiness {
  const live = programme.status !== 'cancelled';
  const stance = live ? riskStance(programmeWindow(programme), now) : NEVER_AT_RISK;
  const cancelled = cancelledStops(programme);
  const all = new Tally();
  const byWing = new Map<string, Tally>();
  const byStop = new Map<string, Tally>();
  if (programme.kind === 'tour') for (const stop of programme.stops) if (!stop.cancelled) byStop.set(stop.id, new Tally());
  for (const task of tasks) {
    if (!counts(task, cancelled)) continue;
    all.add(task, now);
    tallyOf(byWing, task.wing).add(task, now);
    if (task.stopId !== undefined) byStop.get(task.stopId)?.add(task, now);
  }
  const result: Readiness = {
    ...all.counts(stance),
    byWing: Object.fromEntries([...byWing].sort(([a], [b]) => (a < b ? -1 : 1)).map(([wing, t]) => [wing, t.counts(stance)])),
  };
  if (programme.kind === 'tour') {
    const windows = new Map<string, TimeWindow>(programme.stops.map((stop) => [stop.id, stop]));
    result.byStop = Object.fromEntries([...byStop].map(([stopId, t]) => [stopId, t.counts(live ? riskStance(windows.get(stopId), now) : NEVER_AT_RISK)]));
  }
  return result;
}

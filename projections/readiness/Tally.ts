import type { TaskCard } from '../models/programme/ProgrammeDoc';
import { isAtRisk, type RiskStance } from './riskWindow';
import type { ReadinessCounts } from './types';

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

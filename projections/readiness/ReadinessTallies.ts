import type { ProgrammeHeader } from '../models/programme/ProgrammeDoc';
import { programmeWindow } from './programmeWindow';
import { NEVER_AT_RISK, riskStance } from './riskWindow';
import type { Readiness, ReadinessCounts, TimeWindow } from './types';
import { Tally, type ReadinessTask } from './Tally';

/** Sorted numbers: how many are below `limit` (binary search). */
function countBelow(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? Infinity) < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Where `value` goes in `sorted` (the first place not below it). */
const placeOf = countBelow;

/** The live tasks of one wing at one stop (or at none): status counts and the due times still to fall. */
class Bucket {
  total = 0;
  done = 0;
  inProgress = 0;
  blocked = 0;
  /** Due times (ms) of the tasks here that can still be overdue: not done, with a due time. Sorted. */
  readonly dues: number[] = [];

  constructor(
    readonly wing: string,
    readonly stopId: string | undefined,
  ) {}

  change(task: ReadinessTask, sign: 1 | -1): void {
    this.total += sign;
    if (task.status === 'done') this.done += sign;
    else if (task.status === 'in_progress') this.inProgress += sign;
    else if (task.status === 'blocked') this.blocked += sign;
    if (task.status === 'done' || task.dueAt === undefined) return;
    const due = Date.parse(task.dueAt);
    if (sign === 1) this.dues.splice(placeOf(this.dues, due), 0, due);
    else {
      const at = placeOf(this.dues, due);
      if (this.dues[at] === due) this.dues.splice(at, 1);
    }
  }

  /** Status counts, and overdue at `now`: due before now (SPEC: "not done and due before now"). */
  addTo(tally: Tally, now: Date): void {
    tally.merge({ total: this.total, done: this.done, inProgress: this.inProgress, blocked: this.blocked, overdue: countBelow(this.dues, now.getTime()) });
  }
}

/**
 * A programme's readiness counts kept per change: one bucket per (wing, stop) holding its live tasks'
 * status counts and sorted due times. A task changing moves it between buckets in O(log n); reading
 * the readiness at any `now` adds up the buckets (wings × stops, not tasks), with overdue counted by
 * binary search. Tasks of cancelled stops are left out when reading, so a stop's cancellation needs
 * no walk either.
 */
export class ReadinessTallies {
  private readonly buckets = new Map<string, Bucket>();

  static of(tasks: Iterable<ReadinessTask>): ReadinessTallies {
    const tallies = new ReadinessTallies();
    for (const task of tasks) tallies.set(undefined, task);
    return tallies;
  }

  /** A task changed from `before` to `after` (either undefined: it appeared, or it is gone). */
  set(before: ReadinessTask | undefined, after: ReadinessTask | undefined): void {
    if (before && before.status !== 'cancelled') this.bucket(before).change(before, -1);
    if (after && after.status !== 'cancelled') this.bucket(after).change(after, 1);
  }

  /**
   * SPEC's readiness at `now` of the programme's tasks (all, or one wing's). Cancelled tasks and
   * tasks of cancelled stops do not count. byWing entries use the programme's window; byStop (tours:
   * every live stop) uses each stop's own. A cancelled programme is never at risk. `carried`: tasks
   * of other programmes counted here too (a meeting's follow-ups from the earlier ones of its series).
   */
  readiness(programme: ProgrammeHeader, now: Date, wing?: string, carried: readonly ReadinessTallies[] = []): Readiness {
    const live = programme.status !== 'cancelled';
    const stance = live ? riskStance(programmeWindow(programme), now) : NEVER_AT_RISK;
    const stops = programme.kind === 'tour' ? programme.stops : [];
    const cancelled = new Set(stops.filter((stop) => stop.cancelled).map((stop) => stop.id));
    const all = new Tally();
    const byWing = new Map<string, Tally>();
    const byStop = new Map<string, Tally>();
    for (const stop of stops) if (!stop.cancelled) byStop.set(stop.id, new Tally());
    for (const tallies of [this, ...carried]) {
      for (const bucket of tallies.buckets.values()) {
        if (bucket.total === 0 || (wing !== undefined && bucket.wing !== wing)) continue;
        if (bucket.stopId !== undefined && cancelled.has(bucket.stopId)) continue;
        bucket.addTo(all, now);
        let tally = byWing.get(bucket.wing);
        if (!tally) byWing.set(bucket.wing, (tally = new Tally()));
        bucket.addTo(tally, now);
        const stopTally = bucket.stopId === undefined ? undefined : byStop.get(bucket.stopId);
        if (stopTally) bucket.addTo(stopTally, now);
      }
    }
    const result: Readiness = {
      ...all.counts(stance),
      byWing: Object.fromEntries([...byWing].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, tally]) => [code, tally.counts(stance)])),
    };
    if (programme.kind === 'tour') {
      const windows = new Map<string, TimeWindow>(programme.stops.map((stop) => [stop.id, stop]));
      result.byStop = Object.fromEntries(
        [...byStop].map(([stopId, tally]): [string, ReadinessCounts] => [stopId, tally.counts(live ? riskStance(windows.get(stopId), now) : NEVER_AT_RISK)]),
      );
    }
    return result;
  }

  /** Each wing's counts at `now` (cancelled stops left out), without a risk verdict: the attention board ranks wings by them. */
  wingTallies(programme: ProgrammeHeader, now: Date, into: Map<string, Tally>): void {
    const cancelled = new Set(programme.kind === 'tour' ? programme.stops.filter((stop) => stop.cancelled).map((stop) => stop.id) : []);
    for (const bucket of this.buckets.values()) {
      if (bucket.total === 0 || (bucket.stopId !== undefined && cancelled.has(bucket.stopId))) continue;
      let tally = into.get(bucket.wing);
      if (!tally) into.set(bucket.wing, (tally = new Tally()));
      bucket.addTo(tally, now);
    }
  }

  private bucket(task: ReadinessTask): Bucket {
    const key = `${task.wing}\u0000${task.stopId ?? ''}`;
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new Bucket(task.wing, task.stopId)));
    return bucket;
  }
}

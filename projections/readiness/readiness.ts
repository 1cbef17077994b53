import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { ReadinessTallies } from './ReadinessTallies';
import type { ReadinessTask } from './Tally';
import type { Readiness } from './types';

export { isOverdue, Tally, type ReadinessTask } from './Tally';

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
 * SPEC's readiness of some of a programme's tasks at `now` (see ReadinessTallies.readiness), counted
 * afresh. The model cache keeps each programme's tallies per change instead (`readinessOf`).
 */
export function readiness(tasks: Iterable<ReadinessTask>, programme: ProgrammeDoc, now: Date): Readiness {
  return ReadinessTallies.of(tasks).readiness(programme, now);
}

import { DueIndex } from '../clock/DueIndex';
import type { ProgrammeDoc, TaskCard } from '../models/programme/ProgrammeDoc';
import { ReadinessTallies } from '../readiness/ReadinessTallies';
import { ColumnIndex, type ColumnReader } from './ColumnIndex';
import type { Readiness } from '../readiness/types';
import type { CarriedFollowUps } from './seriesSection';

/** What boards need of a programme without walking its tasks. */
export interface ProgrammeIndex {
  readonly tallies: ReadinessTallies;
  /** The ids of its blocked tasks. */
  readonly blocked: ReadonlySet<string>;
  /** Its tasks that can still fall overdue (live, not done, with a due time), by due time. */
  readonly dues: DueIndex;
  /** Its live tasks by status, each column in board order: a board's first cards without a sort. */
  readonly columns: ColumnReader<TaskCard>;
  task(id: string): TaskCard | undefined;
  /** A meeting of a series: the follow-ups it carries from the earlier meetings, which its readiness counts. */
  carried?(): CarriedFollowUps | undefined;
}

/** Whether a task can still fall overdue: live, not done, with a due time. */
export function canFallDue(task: Pick<TaskCard, 'status' | 'dueAt'>): task is Pick<TaskCard, 'status'> & { dueAt: string } {
  return task.status !== 'done' && task.status !== 'cancelled' && task.dueAt !== undefined;
}

// Keyed by the programme object: the model cache registers the index it keeps per change with each
// view it hands out; a programme from anywhere else (a test's reference fold) is indexed once, here.
const indexes = new WeakMap<ProgrammeDoc, ProgrammeIndex>();

export function registerIndex(doc: ProgrammeDoc, index: ProgrammeIndex): void {
  indexes.set(doc, index);
}

export function indexOf(doc: ProgrammeDoc): ProgrammeIndex {
  let index = indexes.get(doc);
  if (index === undefined) {
    const tasks = Object.values(doc.tasks);
    const dues = new DueIndex();
    for (const task of tasks) if (canFallDue(task)) dues.set(task.id, task.dueAt, task.wing);
    let columns: ColumnIndex<TaskCard> | undefined;
    index = {
      tallies: ReadinessTallies.of(tasks),
      blocked: new Set(tasks.filter((task) => task.status === 'blocked').map((task) => task.id)),
      dues,
      // Sorted on a first preview only, as ProgrammeParts does: readiness alone needs no columns.
      get columns() {
        columns ??= ColumnIndex.of(tasks);
        return columns;
      },
      task: (id) => (Object.hasOwn(doc.tasks, id) ? doc.tasks[id] : undefined),
    };
    indexes.set(doc, index);
  }
  return index;
}

/** The programme's readiness at `now` (of one wing's tasks when `wing` is given), from its tallies. */
export function readinessOf(doc: ProgrammeDoc, now: Date, wing?: string): Readiness {
  const index = indexOf(doc);
  return index.tallies.readiness(doc, now, wing, index.carried?.()?.tallies);
}

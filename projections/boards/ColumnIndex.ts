import { compareOrder } from '@tayari/shared/contract/compareOrder';
import { TASK_STATUSES, type TaskStatus } from '@tayari/shared/contract/domain';
import { orderBound, orderIndex } from '@tayari/shared/contract/orderBound';
import type { TaskCard } from '../models/programme/ProgrammeDoc';
import { cardOrder } from './items';

/** What a column orders a task by. */
export type ColumnTask = Pick<TaskCard, 'id' | 'status' | 'dueAt' | 'loggedKey'>;

interface Entry<T> {
  order: string;
  task: T;
}

const orderOf = <T>(entry: Entry<T>): string => entry.order;

function isColumn(status: string): status is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(status);
}

/** A task with a column's status (not cancelled): what the columns hold. */
export type InColumn<T extends ColumnTask> = T & { status: TaskStatus };

function inColumn<T extends ColumnTask>(task: T): task is InColumn<T> {
  return isColumn(task.status);
}

/** What boards read of a column index. */
export interface ColumnReader<T extends ColumnTask> {
  /** How many tasks the column holds. */
  size(status: TaskStatus): number;
  /** The column's tasks in board order. */
  column(status: TaskStatus): Iterable<InColumn<T>>;
}

/**
 * A programme's live tasks by status, each column kept in board order (`cardOrder`, which SPEC's
 * `order` carries) as its tasks change: a board's first cards per column (`perColumn`) are read off
 * the front, without sorting the programme. A change costs a binary search and one splice per
 * column it leaves or joins; cancelled tasks are in no column.
 */
export class ColumnIndex<T extends ColumnTask> implements ColumnReader<T> {
  private readonly columns: Record<TaskStatus, Entry<InColumn<T>>[]> = { todo: [], in_progress: [], blocked: [], done: [] };

  static of<T extends ColumnTask>(tasks: Iterable<T>): ColumnIndex<T> {
    const index = new ColumnIndex<T>();
    for (const task of tasks) if (inColumn(task)) index.columns[task.status].push({ order: cardOrder(task), task });
    for (const column of Object.values(index.columns)) column.sort(compareOrder);
    return index;
  }

  /** `row` replaces `old` (undefined: a new task). */
  set(old: T | undefined, row: T): void {
    const order = cardOrder(row);
    if (old !== undefined && old.status === row.status && inColumn(row) && cardOrder(old) === order) {
      // The common change (a note, an assignee): the task keeps its place.
      const column = this.columns[row.status];
      const entry = column[orderIndex(column, order, orderOf, (held) => held.task.id === row.id)];
      if (entry) {
        entry.task = row;
        return;
      }
    }
    if (old !== undefined && isColumn(old.status)) {
      const column = this.columns[old.status];
      const at = orderIndex(column, cardOrder(old), orderOf, (entry) => entry.task.id === old.id);
      if (at >= 0) column.splice(at, 1);
    }
    if (inColumn(row)) {
      const column = this.columns[row.status];
      column.splice(orderBound(column, order, orderOf), 0, { order, task: row });
    }
  }

  size(status: TaskStatus): number {
    return this.columns[status].length;
  }

  *column(status: TaskStatus): Iterable<InColumn<T>> {
    for (const entry of this.columns[status]) yield entry.task;
  }
}

import { TASK_STATUSES, type TaskStatus } from '@tayari/shared/contract/domain';
import type { TaskCard } from '../models/programme/ProgrammeDoc';
import { cardOrder } from './items';

/** What a column orders a task by. */
export type ColumnTask = Pick<TaskCard, 'id' | 'status' | 'dueAt' | 'loggedKey'>;

interface Entry<T> {
  key: string;
  task: T;
}

/** The first index in `column` whose key is not below `key`. */
function bound<T>(column: readonly Entry<T>[], key: string): number {
  let low = 0;
  let high = column.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((column[mid] as Entry<T>).key < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

function isColumn(status: string): status is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(status);
}

/**
 * A programme's live tasks by status, each column kept in board order (`cardOrder`, which SPEC's
 * `order` carries) as its tasks change: a board's first cards per column (`perColumn`) are read off
 * the front, without sorting the programme. A change costs a binary search and one splice per
 * column it leaves or joins; cancelled tasks are in no column.
 */
export class ColumnIndex<T extends ColumnTask> {
  private readonly columns: Record<TaskStatus, Entry<T>[]> = { todo: [], in_progress: [], blocked: [], done: [] };

  static of<T extends ColumnTask>(tasks: Iterable<T>): ColumnIndex<T> {
    const index = new ColumnIndex<T>();
    for (const task of tasks) if (isColumn(task.status)) index.columns[task.status].push({ key: cardOrder(task), task });
    for (const column of Object.values(index.columns)) column.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return index;
  }

  /** `row` replaces `old` (undefined: a new task). */
  set(old: T | undefined, row: T): void {
    if (old !== undefined && isColumn(old.status)) {
      const column = this.columns[old.status];
      const key = cardOrder(old);
      for (let at = bound(column, key); column[at]?.key === key; at++) {
        if (column[at]?.task.id !== old.id) continue;
        column.splice(at, 1);
        break;
      }
    }
    if (isColumn(row.status)) {
      const column = this.columns[row.status];
      const key = cardOrder(row);
      column.splice(bound(column, key), 0, { key, task: row });
    }
  }

  /** How many tasks the column holds. */
  size(status: TaskStatus): number {
    return this.columns[status].length;
  }

  /** The column's tasks in board order. */
  *column(status: TaskStatus): Iterable<T> {
    for (const entry of this.columns[status]) yield entry.task;
  }
}

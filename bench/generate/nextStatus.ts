import type { TaskStatus } from '@tayari/shared/task/events';

/**
 * The status a benchmark command moves a task to: a legal cycle (todo → in_progress → done → todo,
 * blocked → in_progress), so that every command appends exactly one event.
 */
export function nextStatus(status: TaskStatus): TaskStatus {
  switch (status) {
    case 'todo':
      return 'in_progress';
    case 'in_progress':
      return 'done';
    case 'done':
      return 'todo';
    case 'blocked':
      return 'in_progress';
  }
}

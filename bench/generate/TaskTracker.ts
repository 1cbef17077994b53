import type { DomainEvent } from '@tayari/shared/events/DomainEventSchema';
import type { TaskStatus } from '@tayari/shared/task/events';

export interface TrackedTask {
  taskId: string;
  programmeId: string;
  status: TaskStatus;
}

/** Follows generated events to know each live task's status, so that commands can change it legally. */
export class TaskTracker {
  private readonly tasks = new Map<string, TrackedTask>();

  apply(event: DomainEvent): void {
    if (event.type === 'TaskLogged') {
      this.tasks.set(event.data.taskId, { taskId: event.data.taskId, programmeId: event.data.programmeId, status: 'todo' });
      return;
    }
    if (!event.type.startsWith('Task') || !('taskId' in event.data)) return;
    const task = this.tasks.get(event.data.taskId);
    if (!task) return;
    switch (event.type) {
      case 'TaskStarted':
        task.status = 'in_progress';
        break;
      case 'TaskBlocked':
        task.status = 'blocked';
        break;
      case 'TaskUnblocked':
        task.status = event.data.to;
        break;
      case 'TaskCompleted':
        task.status = 'done';
        break;
      case 'TaskReopened':
        task.status = 'todo';
        break;
      case 'TaskCancelled':
        this.tasks.delete(event.data.taskId);
        break;
    }
  }

  get size(): number {
    return this.tasks.size;
  }

  list(): TrackedTask[] {
    return [...this.tasks.values()];
  }
}

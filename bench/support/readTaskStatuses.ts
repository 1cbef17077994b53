import type { TrackedTask } from '../generate/TaskTracker';
import type { TaskStatus } from '@tayari/shared/task/events';
import { getJson } from './getJson';

/**
 * The tasks' statuses as the service's programme boards show them, once the read models stopped
 * moving: after a load run that was cut off mid-request, the load generator's own idea of them
 * may be ahead of what was applied.
 */
export async function readTaskStatuses(url: string, token: string, tasks: TrackedTask[]): Promise<TrackedTask[]> {
  let last: unknown;
  for (let stable = 0; stable < 3; ) {
    const { body } = await getJson(`${url}/api/health`);
    const position = (body as { position?: unknown }).position;
    stable = position === last ? stable + 1 : 0;
    last = position;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const statuses = new Map<string, TaskStatus>();
  for (const programmeId of new Set(tasks.map((t) => t.programmeId))) {
    const { status, body } = await getJson(`${url}/api/boards/programme/${programmeId}`, { authorization: `Bearer ${token}` });
    if (status !== 200) throw new Error(`GET /api/boards/programme/${programmeId} answered ${status}`);
    // SPEC v2: cards keyed by task id, each with its status (cancelled tasks are not on the board).
    const cards = (body as { cards?: Record<string, { id: string; status: TaskStatus }> }).cards;
    if (cards === undefined || typeof cards !== 'object') throw new Error(`GET /api/boards/programme/${programmeId} answered no cards`);
    for (const card of Object.values(cards)) statuses.set(card.id, card.status);
  }
  return tasks.map((task) => ({ ...task, status: statuses.get(task.taskId) ?? task.status }));
}

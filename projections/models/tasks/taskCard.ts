import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import { positionKey } from '@tayari/shared/readstore/positionKey';
import type { TaskEvent } from '@tayari/shared/task/events';
import type { TaskCard } from '../programme/ProgrammeDoc';

export type TaskStoredEvent = Extract<StoredEvent, { type: TaskEvent['type'] }>;

const TASK_EVENT_TYPES: ReadonlySet<string> = new Set<TaskEvent['type']>([
  'TaskLogged',
  'TaskStarted',
  'TaskBlocked',
  'TaskUnblocked',
  'TaskCompleted',
  'TaskReopened',
  'TaskAssigned',
  'TaskDueChanged',
  'TaskNoteAdded',
  'TaskCancelled',
]);

export function isTaskEvent(event: StoredEvent): event is TaskStoredEvent {
  return TASK_EVENT_TYPES.has(event.type);
}

/** The note a task event carries: the text of a note, or the optional note of a status change. */
function noteOf(event: TaskStoredEvent): string | undefined {
  switch (event.type) {
    case 'TaskNoteAdded':
      return event.data.text;
    case 'TaskStarted':
    case 'TaskBlocked':
    case 'TaskUnblocked':
    case 'TaskCompleted':
    case 'TaskReopened':
      return event.data.note;
    default:
      return undefined;
  }
}

function lastChangeOf(event: TaskStoredEvent): NonNullable<TaskCard['lastChange']> {
  return { at: event.metadata.at, by: event.metadata.actor.name, type: event.type };
}

function withStatus(card: TaskCard, status: TaskCard['status'], blocked?: { reason: string; at: string }): TaskCard {
  const { blockedReason: _old, blockedSince: since, ...rest } = card;
  if (blocked === undefined) return { ...rest, status };
  // A new reason for a task already blocked keeps when it became blocked.
  return { ...rest, status, blockedReason: blocked.reason, blockedSince: card.status === 'blocked' && since !== undefined ? since : blocked.at };
}

/** One task card, evolved by its own events; undefined until it is logged. */
export function evolveTaskCard(card: TaskCard | undefined, event: TaskStoredEvent): TaskCard | undefined {
  if (event.type === 'TaskLogged') {
    if (card) return card;
    const { taskId, title, wing, assignee, dueAt, stopId, responsibilityId, unit } = event.data;
    return {
      id: taskId,
      title,
      wing,
      ...(assignee === undefined ? {} : { assignee }),
      ...(dueAt === undefined ? {} : { dueAt }),
      ...(stopId === undefined ? {} : { stopId }),
      ...(responsibilityId === undefined ? {} : { responsibilityId }),
      ...(unit === undefined ? {} : { unit }),
      status: 'todo',
      version: event.version,
      loggedKey: positionKey(event.position),
      notes: 0,
      lastChange: lastChangeOf(event),
    };
  }
  if (!card) return card;
  let next: TaskCard;
  switch (event.type) {
    case 'TaskStarted':
      next = withStatus(card, 'in_progress');
      break;
    case 'TaskBlocked':
      next = withStatus(card, 'blocked', { reason: event.data.reason, at: event.metadata.at });
      break;
    case 'TaskUnblocked':
      next = withStatus(card, event.data.to);
      break;
    case 'TaskCompleted':
      next = withStatus(card, 'done');
      break;
    case 'TaskReopened':
      next = withStatus(card, 'todo');
      break;
    case 'TaskAssigned':
      next = { ...card, assignee: event.data.assignee };
      break;
    case 'TaskDueChanged':
      next = { ...card, dueAt: event.data.dueAt };
      break;
    case 'TaskNoteAdded':
      next = { ...card };
      break;
    case 'TaskCancelled':
      next = { ...withStatus(card, 'cancelled'), cancelReason: event.data.reason };
      break;
  }
  next.version = event.version;
  next.lastChange = lastChangeOf(event);
  const note = noteOf(event);
  if (note !== undefined) {
    next.notes = card.notes + 1;
    next.lastNote = { text: note, at: event.metadata.at, by: event.metadata.actor.name };
  }
  return next;
}

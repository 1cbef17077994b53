import type { HistoryEvent } from './ProgrammeHistory';

/** A note on a task as its history tells it: a note added, or the note that went with a move. */
export interface TaskNote {
  position: string;
  at: string;
  by: string;
  text: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The name of who did it (the event's actor, SPEC "Authentication": `sub`, `name`, `role`). */
export function actorName(actor: unknown): string | undefined {
  return isRecord(actor) && typeof actor.name === 'string' ? actor.name : undefined;
}

/** A member of an event's data, whatever it holds. */
export function member(data: unknown, name: string): unknown {
  return isRecord(data) ? data[name] : undefined;
}

/** A string field of an event's data, if it has one. */
export function field(data: unknown, name: string): string | undefined {
  const value = member(data, name);
  return typeof value === 'string' ? value : undefined;
}

/** The notes of one task, newest first, from its programme's history. */
export function taskNotes(events: readonly HistoryEvent[], taskId: string): TaskNote[] {
  const notes: TaskNote[] = [];
  for (const event of events) {
    if (field(event.data, 'taskId') !== taskId) continue;
    const text = event.type === 'TaskNoteAdded' ? field(event.data, 'text') : field(event.data, 'note');
    if (text !== undefined) notes.push({ position: event.position, at: event.at, by: actorName(event.actor) ?? '', text });
  }
  return notes.reverse();
}

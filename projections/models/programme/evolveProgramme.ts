import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import { own, withEntry } from '../own';
import { createdHeader, evolveMeeting, evolveTour } from './evolveHeader';
import type { ProgrammeDoc } from './ProgrammeDoc';
import { evolveResponsibility, isResponsibilityEvent } from '../responsibilities/responsibilityView';
import { evolveTaskCard, isTaskEvent } from '../tasks/taskCard';

/** The wings with live work on the programme, sorted: the wing boards that show it. */
function liveWings(doc: Pick<ProgrammeDoc, 'tasks' | 'responsibilities'>): string[] {
  const wings = new Set<string>();
  for (const task of Object.values(doc.tasks)) if (task.status !== 'cancelled') wings.add(task.wing);
  for (const r of Object.values(doc.responsibilities)) if (!r.cancelled) wings.add(r.wing);
  return [...wings].sort();
}

function sameWings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((wing, i) => wing === b[i]);
}

/**
 * The whole programme as one pure fold of the programme's own events and those of its tasks and
 * responsibilities (routed by `programmeIdOf`); answers the same object when nothing changed. The
 * runner keeps the parts apart (ModelCache); this fold is the reference the tests hold it to.
 */
export function evolveProgramme(doc: ProgrammeDoc | undefined, event: StoredEvent): ProgrammeDoc | undefined {
  if (event.type === 'TourPlanned' || event.type === 'MeetingScheduled') {
    const header = createdHeader(event);
    return doc ?? (header && { ...header, tasks: {}, responsibilities: {}, wings: [] });
  }
  if (!doc) return doc;
  if (isTaskEvent(event)) {
    const id = event.data.taskId;
    const card = own(doc.tasks, id);
    const next = evolveTaskCard(card, event);
    if (next === card) return doc;
    const tasks = withEntry(doc.tasks, id, next);
    return withWings({ ...doc, tasks }, doc.wings);
  }
  if (isResponsibilityEvent(event)) {
    const id = event.data.responsibilityId;
    const view = own(doc.responsibilities, id);
    const next = evolveResponsibility(view, event);
    if (next === view) return doc;
    const responsibilities = withEntry(doc.responsibilities, id, next);
    return withWings({ ...doc, responsibilities }, doc.wings);
  }
  return doc.kind === 'tour' ? evolveTour(doc, event) : evolveMeeting(doc, event);
}

/** Recomputes the wing set, keeping the old array when it did not change. */
function withWings<T extends ProgrammeDoc>(doc: T, previous: string[]): T {
  const wings = liveWings(doc);
  return { ...doc, wings: sameWings(wings, previous) ? previous : wings };
}

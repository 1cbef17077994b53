import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import { own, withEntry } from '../own';
import type { MeetingDoc, ProgrammeDoc, StopView, TourDoc } from './ProgrammeDoc';
import { evolveResponsibility, isResponsibilityEvent } from './responsibilityView';
import { evolveTaskCard, isTaskEvent } from './taskCard';

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

function updateStop(doc: TourDoc, stopId: string, change: (stop: StopView) => StopView): StopView[] {
  return doc.stops.map((stop) => (stop.id === stopId ? change(stop) : stop));
}

function evolveTour(doc: TourDoc, event: StoredEvent): TourDoc {
  const stamp = { version: event.version, position: event.position };
  switch (event.type) {
    case 'StopAdded': {
      if (doc.stops.some((stop) => stop.id === event.data.stopId)) return doc;
      const { tourId: _t, stopId, hostWing, ...rest } = event.data;
      const stop: StopView = { id: stopId, ...rest, ...(hostWing === undefined ? {} : { hostWing }), cancelled: false };
      return { ...doc, ...stamp, stops: [...doc.stops, stop] };
    }
    case 'StopRescheduled': {
      const { startsAt, endsAt } = event.data;
      return { ...doc, ...stamp, stops: updateStop(doc, event.data.stopId, (stop) => ({ ...stop, startsAt, endsAt })) };
    }
    case 'StopCancelled': {
      const reason = event.data.reason;
      return { ...doc, ...stamp, stops: updateStop(doc, event.data.stopId, (stop) => ({ ...stop, cancelled: true, cancelReason: reason })) };
    }
    case 'TourCancelled':
      return { ...doc, ...stamp, status: 'cancelled', cancelReason: event.data.reason };
    default:
      return doc;
  }
}

function evolveMeeting(doc: MeetingDoc, event: StoredEvent): MeetingDoc {
  const stamp = { version: event.version, position: event.position };
  switch (event.type) {
    case 'MeetingRescheduled': {
      // A reschedule without an end drops the old end (as the decider does).
      const { endsAt: _oldEnd, ...rest } = doc;
      const { startsAt, endsAt, venue } = event.data;
      return { ...rest, ...stamp, startsAt, ...(endsAt === undefined ? {} : { endsAt }), venue: venue ?? doc.venue };
    }
    case 'MeetingCancelled':
      return { ...doc, ...stamp, status: 'cancelled', cancelReason: event.data.reason };
    case 'MinutesRecorded': {
      const { decisions, attendance } = event.data;
      return { ...doc, ...stamp, minutes: { decisions, ...(attendance === undefined ? {} : { attendance }), recordedAt: event.metadata.at } };
    }
    default:
      return doc;
  }
}

/**
 * The programme document: a pure fold of the programme's own events and those of its tasks and
 * responsibilities (routed by `programmeIdOf`). Answers the same object when nothing changed.
 */
export function evolveProgramme(doc: ProgrammeDoc | undefined, event: StoredEvent): ProgrammeDoc | undefined {
  const empty = { status: 'planned' as const, version: event.version, position: event.position, tasks: {}, responsibilities: {}, wings: [] };
  switch (event.type) {
    case 'TourPlanned': {
      if (doc) return doc;
      const { tourId, title, leader, region, notes } = event.data;
      return {
        id: tourId,
        kind: 'tour',
        title,
        leader,
        ...(region === undefined ? {} : { region }),
        ...(notes === undefined ? {} : { notes }),
        stops: [],
        ...empty,
      };
    }
    case 'MeetingScheduled': {
      if (doc) return doc;
      const { meetingId, title, venue, startsAt, endsAt, chairs, agenda } = event.data;
      return {
        id: meetingId,
        kind: 'meeting',
        title,
        venue,
        startsAt,
        ...(endsAt === undefined ? {} : { endsAt }),
        chairs,
        agenda,
        ...empty,
      };
    }
  }
  if (!doc) return doc;
  if (isTaskEvent(event)) {
    const id = event.data.taskId;
    const card = own(doc.tasks, id);
    const next = evolveTaskCard(card, event);
    if (next === card) return doc;
    const tasks = withEntry(doc.tasks, id, next);
    return withWings({ ...doc, tasks, position: event.position }, doc.wings);
  }
  if (isResponsibilityEvent(event)) {
    const id = event.data.responsibilityId;
    const view = own(doc.responsibilities, id);
    const next = evolveResponsibility(view, event);
    if (next === view) return doc;
    const responsibilities = withEntry(doc.responsibilities, id, next);
    return withWings({ ...doc, responsibilities, position: event.position }, doc.wings);
  }
  return doc.kind === 'tour' ? evolveTour(doc, event) : evolveMeeting(doc, event);
}

/** Recomputes the wing set, keeping the old array when it did not change. */
function withWings<T extends ProgrammeDoc>(doc: T, previous: string[]): T {
  const wings = liveWings(doc);
  return { ...doc, wings: sameWings(wings, previous) ? previous : wings };
}

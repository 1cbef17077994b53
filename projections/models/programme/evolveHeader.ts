import { decisionText } from '@tayari/shared/meeting/decisions';
import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import type { MeetingHeader, ProgrammeHeader, StopView, TourHeader } from './ProgrammeDoc';

function updateStop(stops: readonly StopView[], stopId: string, change: (stop: StopView) => StopView): StopView[] {
  return stops.map((stop) => (stop.id === stopId ? change(stop) : stop));
}

/** A tour's own events on its header (or a whole tour document: the same fields change). */
export function evolveTour<T extends TourHeader>(doc: T, event: StoredEvent): T {
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
      return { ...doc, ...stamp, stops: updateStop(doc.stops, event.data.stopId, (stop) => ({ ...stop, startsAt, endsAt })) };
    }
    case 'StopCancelled': {
      const reason = event.data.reason;
      return { ...doc, ...stamp, stops: updateStop(doc.stops, event.data.stopId, (stop) => ({ ...stop, cancelled: true, cancelReason: reason })) };
    }
    case 'TourCancelled':
      return { ...doc, ...stamp, status: 'cancelled', cancelReason: event.data.reason };
    default:
      return doc;
  }
}

/** A meeting's own events on its header (or a whole meeting document). */
export function evolveMeeting<T extends MeetingHeader>(doc: T, event: StoredEvent): T {
  const stamp = { version: event.version, position: event.position };
  switch (event.type) {
    case 'MeetingRescheduled': {
      // A reschedule without an end drops the old end (as the decider does).
      const { endsAt: _oldEnd, ...rest } = doc;
      const { startsAt, endsAt, venue } = event.data;
      return { ...rest, ...stamp, startsAt, ...(endsAt === undefined ? {} : { endsAt }), venue: venue ?? doc.venue } as T;
    }
    case 'MeetingCancelled':
      return { ...doc, ...stamp, status: 'cancelled', cancelReason: event.data.reason };
    case 'MinutesRecorded': {
      const { decisions, attendance } = event.data;
      // The texts as before; a decision for a wing also names the task it became.
      const followUps = decisions.flatMap((d, index) =>
        typeof d === 'string' || d.taskId === undefined || d.wing === undefined ? [] : [{ decision: index, taskId: d.taskId, wing: d.wing }],
      );
      const minutes = {
        decisions: decisions.map(decisionText),
        ...(followUps.length > 0 ? { followUps } : {}),
        ...(attendance === undefined ? {} : { attendance }),
        recordedAt: event.metadata.at,
      };
      // Minutes recorded again replace the text, but the tasks earlier minutes made stay follow-ups.
      const made = followUps.map((f) => f.taskId).filter((id) => !doc.followUpTasks?.includes(id));
      const followUpTasks = made.length > 0 ? [...(doc.followUpTasks ?? []), ...made] : doc.followUpTasks;
      return { ...doc, ...stamp, minutes, ...(followUpTasks === undefined ? {} : { followUpTasks }) };
    }
    default:
      return doc;
  }
}

/** The header a programme's creation makes; undefined for any other event. */
export function createdHeader(event: StoredEvent): ProgrammeHeader | undefined {
  const base = { status: 'planned' as const, version: event.version, position: event.position };
  switch (event.type) {
    case 'TourPlanned': {
      const { tourId, title, leader, region, notes, unit } = event.data;
      return {
        id: tourId,
        kind: 'tour',
        title,
        leader,
        ...(region === undefined ? {} : { region }),
        ...(notes === undefined ? {} : { notes }),
        ...(unit === undefined ? {} : { unit }),
        stops: [],
        ...base,
      };
    }
    case 'MeetingScheduled': {
      const { meetingId, title, venue, startsAt, endsAt, chairs, agenda, unit, series } = event.data;
      return {
        id: meetingId,
        kind: 'meeting',
        title,
        venue,
        startsAt,
        ...(endsAt === undefined ? {} : { endsAt }),
        chairs,
        agenda,
        ...(unit === undefined ? {} : { unit }),
        ...(series === undefined ? {} : { series }),
        ...base,
      };
    }
    default:
      return undefined;
  }
}

/** The programme header, folded by the programme's own events; the same object when nothing changed. */
export function evolveHeader(header: ProgrammeHeader | undefined, event: StoredEvent): ProgrammeHeader | undefined {
  if (header === undefined) return createdHeader(event);
  return header.kind === 'tour' ? evolveTour(header, event) : evolveMeeting(header, event);
}

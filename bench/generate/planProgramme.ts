import { meetingAggregate } from '@tayari/shared/meeting/meetingAggregate';
import { responsibilityAggregate } from '@tayari/shared/responsibility/responsibilityAggregate';
import { taskAggregate } from '@tayari/shared/task/taskAggregate';
import { tourAggregate } from '@tayari/shared/tour/tourAggregate';
import type { DomainEvent } from '@tayari/shared/events/DomainEventSchema';
import { nth } from '@tayari/shared/testing/nth';
import type { TaskStatus } from '@tayari/shared/task/events';
import { INCHARGE, organiser, wingLead } from './benchActors';
import type { PlannedEvent } from './PlannedEvent';
import type { Rng } from './Rng';
import * as T from './texts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

export interface ProgrammeShape {
  /** Also the programme id's number: ids are unique per generated store. */
  seq: number;
  /** When the programme (its first stop, or the meeting) starts. */
  startsAtMs: number;
  /** Allow cancellations (of the programme, stops, responsibilities, tasks). */
  cancellations: boolean;
}

/**
 * The whole life of one tour or meeting as its organisers would write it: planned, stops added and
 * moved, duties given to wings and acknowledged, tasks logged and moved through their statuses over
 * the preparation weeks, notes, and minutes after a meeting. Returned in time order.
 */
export function planProgramme(rng: Rng, shape: ProgrammeShape): PlannedEvent[] {
  const out: PlannedEvent[] = [];
  const tour = rng.chance(0.55);
  const id = `${tour ? 'T' : 'M'}${shape.seq}`;
  const prepDays = rng.int(10, 25);
  const opened = shape.startsAtMs - prepDays * DAY;
  const programmeStream = tour ? tourAggregate.stream(id) : meetingAggregate.stream(id);
  const programme = (at: number, event: DomainEvent) => out.push({ at, streamId: programmeStream, actor: INCHARGE, event });

  // The programme itself and, for a tour, its stops on consecutive days.
  const liveStops: string[] = [];
  let endsAtMs: number;
  if (tour) {
    const place = rng.pick(T.DISTRICTS);
    programme(opened, {
      type: 'TourPlanned',
      data: {
        tourId: id,
        title: `${rng.pick(T.TOUR_TITLES)}: ${place.district}`,
        leader: rng.pick(T.LEADERS),
        region: place.district,
        ...(rng.chance(0.5) ? { notes: rng.pick(T.DECISIONS) } : {}),
      },
    });
    const stops = rng.int(3, 6);
    const districts = rng.sample(T.DISTRICTS, stops);
    for (let k = 0; k < stops; k++) {
      const stopId = `${id}-s${k + 1}`;
      const start = shape.startsAtMs + k * DAY;
      programme(opened + HOUR * (k + 1), {
        type: 'StopAdded',
        data: {
          tourId: id,
          stopId,
          place: nth(districts, k).place,
          district: nth(districts, k).district,
          venue: rng.pick(T.VENUES),
          startsAt: iso(start),
          endsAt: iso(start + 3 * HOUR),
          hostWing: rng.pick(T.WING_CODES),
        },
      });
      liveStops.push(stopId);
    }
    if (rng.chance(0.15)) {
      // Moved by two hours on the same day: never overlaps the next day's stop.
      const k = rng.int(0, stops - 1);
      const start = shape.startsAtMs + k * DAY + 2 * HOUR;
      programme(opened + DAY + rng.next() * prepDays * 0.5 * DAY, {
        type: 'StopRescheduled',
        data: { tourId: id, stopId: nth(liveStops, k), startsAt: iso(start), endsAt: iso(start + 3 * HOUR) },
      });
    }
    if (shape.cancellations && rng.chance(0.08)) {
      const stopId = nth(liveStops.splice(rng.int(1, liveStops.length - 1), 1), 0);
      programme(opened + DAY + rng.next() * prepDays * 0.7 * DAY, { type: 'StopCancelled', data: { tourId: id, stopId, reason: rng.pick(T.CANCEL_REASONS) } });
    }
    endsAtMs = shape.startsAtMs + stops * DAY;
  } else {
    const withEnd = rng.chance(0.7);
    programme(opened, {
      type: 'MeetingScheduled',
      data: {
        meetingId: id,
        title: rng.pick(T.MEETING_TITLES),
        venue: rng.pick(T.MEETING_VENUES),
        startsAt: iso(shape.startsAtMs),
        ...(withEnd ? { endsAt: iso(shape.startsAtMs + 3 * HOUR) } : {}),
        chairs: rng.sample(T.CHAIRS, rng.int(1, 4)),
        agenda: rng.sample(T.AGENDA, rng.int(2, 6)),
      },
    });
    if (rng.chance(0.2)) {
      programme(opened + DAY + rng.next() * prepDays * 0.5 * DAY, {
        type: 'MeetingRescheduled',
        data: { meetingId: id, startsAt: iso(shape.startsAtMs), endsAt: iso(shape.startsAtMs + 4 * HOUR), venue: rng.pick(T.MEETING_VENUES) },
      });
    }
    endsAtMs = shape.startsAtMs + 4 * HOUR;
    if (rng.chance(0.8)) {
      programme(endsAtMs + 2 * HOUR, {
        type: 'MinutesRecorded',
        data: { meetingId: id, decisions: rng.sample(T.DECISIONS, rng.int(1, 4)), attendance: rng.int(20, 400) },
      });
    }
  }
  // A cancelled programme stops its preparation: nothing of it happens after that.
  let cancelledAt = Infinity;
  if (shape.cancellations && rng.chance(0.02)) {
    cancelledAt = opened + (0.3 + rng.next() * 0.6) * prepDays * DAY;
    const reason = rng.pick(T.CANCEL_REASONS);
    programme(cancelledAt, tour ? { type: 'TourCancelled', data: { tourId: id, reason } } : { type: 'MeetingCancelled', data: { meetingId: id, reason } });
  }

  const kind = tour ? ('tour' as const) : ('meeting' as const);
  const prepMs = prepDays * DAY;
  const responsibilities = planResponsibilities(rng, out, { id, kind, opened, prepMs, liveStops, cancellations: shape.cancellations });
  planTasks(rng, out, {
    id,
    kind,
    opened,
    prepMs,
    startsAtMs: shape.startsAtMs,
    liveStops,
    responsibilities,
    cancellations: shape.cancellations,
    seq: shape.seq,
  });

  return out.filter((e) => e.at <= cancelledAt).sort((a, b) => a.at - b.at);
}

interface Frame {
  id: string;
  kind: 'tour' | 'meeting';
  opened: number;
  prepMs: number;
  liveStops: string[];
  cancellations: boolean;
}

function planResponsibilities(rng: Rng, out: PlannedEvent[], p: Frame): { id: string; wing: string; stopId?: string }[] {
  const wings = rng.sample(T.WING_CODES, rng.int(6, 12));
  return wings.map((wing, n) => {
    const id = `${p.id}-r${n + 1}`;
    const streamId = responsibilityAggregate.stream(id);
    // After the stops (added in the first hours), so that a duty at a stop names one that exists.
    const at = p.opened + 12 * HOUR + rng.next() * 0.15 * p.prepMs;
    const stopId = p.liveStops.length > 0 && rng.chance(0.5) ? rng.pick(p.liveStops) : undefined;
    out.push({
      at,
      streamId,
      actor: INCHARGE,
      event: {
        type: 'ResponsibilityAssigned',
        data: {
          responsibilityId: id,
          programmeId: p.id,
          programmeKind: p.kind,
          wing,
          duty: rng.pick(T.workOf(wing).duties),
          ...(stopId ? { stopId } : {}),
          ...(rng.chance(0.6) ? { lead: rng.pick(T.ASSIGNEES) } : {}),
        },
      },
    });
    let current = wing;
    if (rng.chance(0.05)) {
      const to = rng.pick(T.WING_CODES.filter((w) => w !== wing));
      out.push({
        at: at + 0.05 * p.prepMs,
        streamId,
        actor: INCHARGE,
        event: { type: 'ResponsibilityReassigned', data: { responsibilityId: id, programmeId: p.id, from: wing, wing: to } },
      });
      current = to;
    }
    if (rng.chance(0.8)) {
      out.push({
        at: at + 0.1 * p.prepMs,
        streamId,
        actor: wingLead(current),
        event: { type: 'ResponsibilityAcknowledged', data: { responsibilityId: id, programmeId: p.id, wing: current } },
      });
    }
    if (p.cancellations && rng.chance(0.03)) {
      out.push({
        at: at + 0.3 * p.prepMs,
        streamId,
        actor: INCHARGE,
        event: { type: 'ResponsibilityCancelled', data: { responsibilityId: id, programmeId: p.id, wing: current, reason: rng.pick(T.CANCEL_REASONS) } },
      });
    }
    return { id, wing: current, ...(stopId ? { stopId } : {}) };
  });
}

function planTasks(
  rng: Rng,
  out: PlannedEvent[],
  p: Frame & { startsAtMs: number; seq: number; responsibilities: { id: string; wing: string; stopId?: string }[] },
): void {
  const count = rng.int(40, 90);
  for (let n = 0; n < count; n++) {
    const taskId = `${p.id}-k${n + 1}`;
    const streamId = taskAggregate.stream(taskId);
    const duty = rng.chance(0.7) ? rng.pick(p.responsibilities) : undefined;
    const wing = duty?.wing ?? rng.pick(T.WING_CODES);
    const stopId = duty?.stopId ?? (p.liveStops.length > 0 && rng.chance(0.5) ? rng.pick(p.liveStops) : undefined);
    const ref = { taskId, programmeId: p.id, wing };
    const by = organiser(wing);
    let at = p.opened + (0.05 + rng.next() * 0.35) * p.prepMs;
    const step = () => (at += rng.next() * 0.15 * p.prepMs);
    out.push({
      at,
      streamId,
      actor: wingLead(wing),
      event: {
        type: 'TaskLogged',
        data: {
          ...ref,
          programmeKind: p.kind,
          title: rng.pick(T.workOf(wing).tasks),
          ...(stopId ? { stopId } : {}),
          ...(duty ? { responsibilityId: duty.id } : {}),
          ...(rng.chance(0.7) ? { assignee: rng.pick(T.ASSIGNEES) } : {}),
          ...(rng.chance(0.6) ? { dueAt: iso(p.startsAtMs - rng.int(0, 4) * 24 * HOUR) } : {}),
        },
      },
    });
    const push = (event: DomainEvent) => out.push({ at: step(), streamId, actor: by, event });
    let status: TaskStatus = 'todo';
    if (rng.chance(0.2)) push({ type: 'TaskAssigned', data: { ...ref, assignee: rng.pick(T.ASSIGNEES) } });
    if (rng.chance(0.15)) push({ type: 'TaskDueChanged', data: { ...ref, dueAt: iso(p.startsAtMs - rng.int(0, 3) * 24 * HOUR) } });
    if (p.cancellations && rng.chance(0.04)) {
      push({ type: 'TaskCancelled', data: { ...ref, reason: rng.pick(T.CANCEL_REASONS) } });
      continue;
    }
    if (rng.chance(0.9)) {
      push({ type: 'TaskStarted', data: { ...ref, from: status } });
      status = 'in_progress';
    }
    for (let notes = rng.int(0, 2); notes > 0; notes--) push({ type: 'TaskNoteAdded', data: { ...ref, text: rng.pick(T.NOTES) } });
    if (status === 'in_progress' && rng.chance(0.15)) {
      push({ type: 'TaskBlocked', data: { ...ref, from: status, reason: rng.pick(T.BLOCK_REASONS) } });
      push({ type: 'TaskUnblocked', data: { ...ref, to: 'in_progress', note: rng.pick(T.NOTES) } });
    }
    if (status === 'in_progress' && rng.chance(0.85)) {
      push({ type: 'TaskCompleted', data: { ...ref, from: status, ...(rng.chance(0.3) ? { note: rng.pick(T.NOTES) } : {}) } });
      status = 'done';
      if (rng.chance(0.03)) {
        push({ type: 'TaskReopened', data: { ...ref, from: status, note: rng.pick(T.NOTES) } });
        status = 'todo';
      }
    }
  }
}

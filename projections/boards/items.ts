import type { ResponsibilityView, StopView, TaskCard } from '../models/programme/ProgrammeDoc';
import { isOverdue } from '../readiness/readiness';
import type { Card, ResponsibilityItem, Stop, TaskStatus } from './types';

/** A task that is not cancelled: the only kind a board shows. */
export type LiveTask = TaskCard & { status: TaskStatus };

/** A live card as a board shows it at `now`. */
export function toCard(task: LiveTask, now: Date): Card {
  return {
    id: task.id,
    title: task.title,
    wing: task.wing,
    assignee: task.assignee ?? null,
    dueAt: task.dueAt ?? null,
    overdue: isOverdue(task, now),
    stopId: task.stopId ?? null,
    responsibilityId: task.responsibilityId ?? null,
    blockedReason: task.blockedReason ?? null,
    version: task.version,
    status: task.status,
    notes: task.notes,
    lastNote: task.lastNote ?? null,
  };
}

export function isLive(task: TaskCard): task is LiveTask {
  return task.status !== 'cancelled';
}

/** Board order of cards: by due time (no due time last), then in the order they were logged. */
export function byDue(a: TaskCard, b: TaskCard): number {
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === undefined) return 1;
    if (b.dueAt === undefined) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  }
  return a.loggedKey < b.loggedKey ? -1 : a.loggedKey > b.loggedKey ? 1 : 0;
}

export function toResponsibility(view: ResponsibilityView): ResponsibilityItem {
  return {
    id: view.id,
    wing: view.wing,
    duty: view.duty,
    stopId: view.stopId ?? null,
    lead: view.lead ?? null,
    acknowledged: view.acknowledged,
    acknowledgedBy: view.acknowledgedBy ?? null,
    cancelled: view.cancelled,
    cancelReason: view.cancelReason ?? null,
    version: view.version,
  };
}

export function byAssignment(a: ResponsibilityView, b: ResponsibilityView): number {
  return a.assignedKey < b.assignedKey ? -1 : a.assignedKey > b.assignedKey ? 1 : 0;
}

export function toStop(stop: StopView): Stop {
  return {
    id: stop.id,
    place: stop.place,
    district: stop.district,
    venue: stop.venue,
    startsAt: stop.startsAt,
    endsAt: stop.endsAt,
    hostWing: stop.hostWing ?? null,
    cancelled: stop.cancelled,
    cancelReason: stop.cancelReason ?? null,
  };
}

import type { ResponsibilityView, StopView, TaskCard } from '../models/programme/ProgrammeDoc';
import { isOverdue } from '../readiness/readiness';
import { timeZoneOf } from './timeZone';
import type { Card, ResponsibilityItem, Stop, TaskStatus } from './types';

/** A task that is not cancelled: the only kind a board shows. */
export type LiveTask = TaskCard & { status: TaskStatus };

/**
 * A card's `order`: its due time (stored instants are UTC ISO strings of one width, so they sort as
 * text; none sorts last), then the position it was logged at.
 */
export function cardOrder(task: Pick<TaskCard, 'dueAt' | 'loggedKey'>): string {
  return `${task.dueAt ?? '~'} ${task.loggedKey}`;
}

interface Memo {
  overdue: boolean;
  stopCancelled: boolean;
  card: Card;
}

// Documents are immutable (a change makes a new TaskCard), so a card built once is reused while its
// task and its clock-driven facts stay the same: boards of unchanged cards share objects, which is
// what lets a merge patch skip them by identity.
const cards = new WeakMap<TaskCard, Memo>();

/** A live card as a board shows it at `now`. */
export function toCard(task: LiveTask, now: Date, stopCancelled: boolean): Card {
  const overdue = isOverdue(task, now);
  const memo = cards.get(task);
  if (memo && memo.overdue === overdue && memo.stopCancelled === stopCancelled) return memo.card;
  const card: Card = {
    id: task.id,
    title: task.title,
    wing: task.wing,
    status: task.status,
    ...(task.assignee === undefined ? {} : { assignee: task.assignee }),
    ...(task.dueAt === undefined ? {} : { dueAt: task.dueAt }),
    overdue,
    ...(task.stopId === undefined ? {} : { stopId: task.stopId }),
    stopCancelled,
    ...(task.responsibilityId === undefined ? {} : { responsibilityId: task.responsibilityId }),
    ...(task.unit === undefined ? {} : { unit: task.unit }),
    ...(task.blockedReason === undefined ? {} : { blockedReason: task.blockedReason }),
    ...(task.blockedSince === undefined ? {} : { blockedSince: task.blockedSince }),
    ...(task.lastChange === undefined ? {} : { lastChange: task.lastChange }),
    version: task.version,
    order: cardOrder(task),
    notes: task.notes,
    ...(task.lastNote === undefined ? {} : { lastNote: task.lastNote }),
  };
  cards.set(task, { overdue, stopCancelled, card });
  return card;
}

export function isLive(task: TaskCard): task is LiveTask {
  return task.status !== 'cancelled';
}

const responsibilities = new WeakMap<ResponsibilityView, ResponsibilityItem>();

export function toResponsibility(view: ResponsibilityView): ResponsibilityItem {
  let item = responsibilities.get(view);
  if (item) return item;
  item = {
    id: view.id,
    wing: view.wing,
    duty: view.duty,
    ...(view.stopId === undefined ? {} : { stopId: view.stopId }),
    ...(view.lead === undefined ? {} : { lead: view.lead }),
    acknowledged: view.acknowledged,
    ...(view.acknowledgedBy === undefined ? {} : { acknowledgedBy: view.acknowledgedBy }),
    ...(view.givenAt === undefined ? {} : { givenAt: view.givenAt }),
    cancelled: view.cancelled,
    ...(view.cancelReason === undefined ? {} : { cancelReason: view.cancelReason }),
    version: view.version,
    order: view.assignedKey,
  };
  responsibilities.set(view, item);
  return item;
}

export function toStop(stop: StopView): Stop {
  return {
    id: stop.id,
    place: stop.place,
    district: stop.district,
    venue: stop.venue,
    startsAt: stop.startsAt,
    endsAt: stop.endsAt,
    timeZone: timeZoneOf(),
    ...(stop.hostWing === undefined ? {} : { hostWing: stop.hostWing }),
    cancelled: stop.cancelled,
    ...(stop.cancelReason === undefined ? {} : { cancelReason: stop.cancelReason }),
  };
}

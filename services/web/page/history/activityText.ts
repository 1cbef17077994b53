import { t, type Lang, type MessageKey } from '../i18n';
import type { Formats } from '../Formats';
import type { ProgrammeBoardPayload } from '../types';
import type { WingCatalogue } from '../WingCatalogue';
import type { HistoryEvent } from './ProgrammeHistory';
import { actorName, field, member } from './taskNotes';

/** The names events refer to by id (a task's title, a stop's place, a duty's text), from the history itself. */
export interface HistoryNames {
  tasks: Map<string, string>;
  stops: Map<string, string>;
  duties: Map<string, string>;
}

/** The sentence of each event type this page words; any other type (a newer one) is worded plainly with its type. */
const KEYS: Partial<Record<string, MessageKey>> = {
  TourPlanned: 'act_TourPlanned',
  StopAdded: 'act_StopAdded',
  StopRescheduled: 'act_StopRescheduled',
  StopCancelled: 'act_StopCancelled',
  TourCancelled: 'act_TourCancelled',
  MeetingScheduled: 'act_MeetingScheduled',
  MeetingRescheduled: 'act_MeetingRescheduled',
  MeetingCancelled: 'act_MeetingCancelled',
  MinutesRecorded: 'act_MinutesRecorded',
  ResponsibilityAssigned: 'act_ResponsibilityAssigned',
  ResponsibilityAcknowledged: 'act_ResponsibilityAcknowledged',
  ResponsibilityReassigned: 'act_ResponsibilityReassigned',
  ResponsibilityCancelled: 'act_ResponsibilityCancelled',
  TaskLogged: 'act_TaskLogged',
  TaskStarted: 'act_TaskStarted',
  TaskBlocked: 'act_TaskBlocked',
  TaskUnblocked: 'act_TaskUnblocked',
  TaskCompleted: 'act_TaskCompleted',
  TaskReopened: 'act_TaskReopened',
  TaskAssigned: 'act_TaskAssigned',
  TaskDueChanged: 'act_TaskDueChanged',
  TaskNoteAdded: 'act_TaskNoteAdded',
  TaskCancelled: 'act_TaskCancelled',
};

/**
 * The names the board gives (its cards' titles, its duties, a tour's stops): the events that named
 * them may be older than the part of the history the page has read.
 */
export function namesOfBoard(board: ProgrammeBoardPayload): HistoryNames {
  const { programme } = board;
  return {
    tasks: new Map(Object.values(board.cards).map((card) => [card.id, card.title])),
    stops: new Map(programme.kind === 'tour' ? programme.stops.map((stop) => [stop.id, stop.place]) : []),
    duties: new Map(Object.values(board.responsibilities).map((duty) => [duty.id, duty.duty])),
  };
}

/** Takes in the names a history's events give (called on every event, oldest first). */
export function learnNames(names: HistoryNames, event: HistoryEvent): void {
  const { data } = event;
  const id = (name: string) => field(data, name);
  const put = (map: Map<string, string>, key: string | undefined, value: string | undefined) => {
    if (key !== undefined && value !== undefined) map.set(key, value);
  };
  if (event.type === 'TaskLogged') put(names.tasks, id('taskId'), id('title'));
  if (event.type === 'StopAdded') put(names.stops, id('stopId'), id('place'));
  if (event.type === 'ResponsibilityAssigned') put(names.duties, id('responsibilityId'), id('duty'));
}

/** Who a task was given to: a person of Tayari ({personId, name}) or a name typed in. */
function assignee(data: unknown): string {
  const value = member(data, 'assignee');
  if (typeof value === 'string') return value;
  return field(value, 'name') ?? '';
}

/** One event of a programme's history as a sentence ("Asha Netam started “Book the ground”"). */
export function activityText(lang: Lang, fmt: Formats, wings: WingCatalogue, names: HistoryNames, event: HistoryEvent, now: Date, timeZone?: string): string {
  const { data } = event;
  const text = (name: string) => field(data, name) ?? '';
  const named = (map: Map<string, string>, key: string) => {
    const id = field(data, key);
    return id === undefined ? '' : (map.get(id) ?? id);
  };
  const wing = (key: string) => {
    const code = field(data, key);
    return code === undefined ? '' : wings.name(code, lang);
  };
  const decisions = member(data, 'decisions');
  const values = {
    who: actorName(event.actor) ?? t(lang, 'someone'),
    title: text('title'),
    place: text('place') || named(names.stops, 'stopId'),
    time: fmt.when(field(data, 'startsAt') ?? field(data, 'dueAt'), now, timeZone),
    reason: text('reason'),
    n: Array.isArray(decisions) ? decisions.length : 0,
    wing: wing('wing'),
    duty: text('duty') || named(names.duties, 'responsibilityId'),
    task: text('title') || named(names.tasks, 'taskId'),
    name: assignee(data),
    text: text('text'),
    type: event.type,
  };
  return t(lang, KEYS[event.type] ?? 'act_other', values);
}

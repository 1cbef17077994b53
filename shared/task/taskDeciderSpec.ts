import { deciderSpec } from '../common/deciderSpec';
import type { ProgrammeFacts } from '../common/programme';
import type { ResponsibilityState } from '../responsibility/decider';
import { wingsDecider } from '../wings/decider';
import type { ChangeTaskStatus, LogTask } from './commands';
import { taskDecider, type TaskContext } from './decider';
import { TaskEventSchema, type TaskEvent, type TaskStatus } from './events';

/** The task decider's spec, its context (a tour, a meeting, a duty), and the events and commands of one task, for the decider.*.test.ts files. */
export const programmeId = 'bastar-2018';
export const tour: ProgrammeFacts = {
  kind: 'tour',
  id: programmeId,
  cancelled: false,
  stops: new Map([
    ['jagdalpur', { cancelled: false }],
    ['dantewada', { cancelled: true }],
  ]),
};
export const meeting: ProgrammeFacts = { kind: 'meeting', id: 'raipur-review', cancelled: false, stops: new Map() };
/** A live duty of the tour, acknowledged. */
export const responsibility: Extract<ResponsibilityState, { exists: true }> = {
  exists: true,
  programmeId,
  wing: 'adivasi',
  acknowledged: true,
  cancelled: false,
};

export const wings = wingsDecider.initialState;
export const context: TaskContext = { wings, programme: tour, responsibility };
export const spec = deciderSpec(taskDecider, { context, events: TaskEventSchema });

export const taskId = 'stage-jagdalpur';
export const wing = 'adivasi';
export const ref = { taskId, programmeId, wing };
export const dueAt = '2018-06-25T12:30:00.000Z';

export const log: LogTask = {
  type: 'LogTask',
  taskId,
  programmeId,
  stopId: 'jagdalpur',
  responsibilityId: 'crowd-jagdalpur',
  wing,
  title: 'मंच और साउंड की व्यवस्था',
  assignee: 'Lakhma',
  dueAt,
};
export const logged: TaskEvent = {
  type: 'TaskLogged',
  data: { ...ref, programmeKind: 'tour', title: log.title, stopId: 'jagdalpur', responsibilityId: 'crowd-jagdalpur', assignee: 'Lakhma', dueAt },
};
export const why = 'tent supplier has not confirmed';
export const cancelled: TaskEvent = { type: 'TaskCancelled', data: { ...ref, reason: 'stop dropped' } };

/** The stream of a task that has reached each status the plain way. */
export const streamAt: Record<TaskStatus, TaskEvent[]> = {
  todo: [logged],
  in_progress: [logged, { type: 'TaskStarted', data: { ...ref, from: 'todo' } }],
  blocked: [logged, { type: 'TaskBlocked', data: { ...ref, from: 'todo', reason: why } }],
  done: [logged, { type: 'TaskCompleted', data: { ...ref, from: 'todo' } }],
};
export const setStatus = (status: TaskStatus, more: Partial<Pick<ChangeTaskStatus, 'reason' | 'note'>> = {}): ChangeTaskStatus => ({
  type: 'ChangeTaskStatus',
  taskId,
  status,
  ...(status === 'blocked' ? { reason: why } : {}),
  ...more,
});

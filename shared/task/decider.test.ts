import { deciderSpec } from '../common/deciderSpec';
import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import type { ProgrammeFacts } from '../common/programme';
import type { ResponsibilityState } from '../responsibility/decider';
import { wingsDecider } from '../wings/decider';
import type { ChangeTaskStatus, LogTask, TaskCommand } from './commands';
import { taskDecider, type TaskContext } from './decider';
import { TaskEventSchema, type TaskEvent, type TaskStatus } from './events';

const programmeId = 'bastar-2018';
const tour: ProgrammeFacts = {
  kind: 'tour',
  id: programmeId,
  cancelled: false,
  stops: new Map([
    ['jagdalpur', { cancelled: false }],
    ['dantewada', { cancelled: true }],
  ]),
};
const meeting: ProgrammeFacts = { kind: 'meeting', id: 'raipur-review', cancelled: false, stops: new Map() };
const responsibility: ResponsibilityState = { exists: true, programmeId, wing: 'adivasi', acknowledged: true, cancelled: false };

const wings = wingsDecider.initialState;
const context: TaskContext = { wings, programme: tour, responsibility };
const spec = deciderSpec(taskDecider, { context, events: TaskEventSchema });

const taskId = 'stage-jagdalpur';
const wing = 'adivasi';
const ref = { taskId, programmeId, wing };
const dueAt = '2018-06-25T12:30:00.000Z';

const log: LogTask = {
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
const logged: TaskEvent = {
  type: 'TaskLogged',
  data: { ...ref, programmeKind: 'tour', title: log.title, stopId: 'jagdalpur', responsibilityId: 'crowd-jagdalpur', assignee: 'Lakhma', dueAt },
};
const why = 'tent supplier has not confirmed';
const cancelled: TaskEvent = { type: 'TaskCancelled', data: { ...ref, reason: 'stop dropped' } };

/** The stream of a task that has reached each status the plain way. */
const streamAt: Record<TaskStatus, TaskEvent[]> = {
  todo: [logged],
  in_progress: [logged, { type: 'TaskStarted', data: { ...ref, from: 'todo' } }],
  blocked: [logged, { type: 'TaskBlocked', data: { ...ref, from: 'todo', reason: why } }],
  done: [logged, { type: 'TaskCompleted', data: { ...ref, from: 'todo' } }],
};
const setStatus = (status: TaskStatus, more: Partial<Pick<ChangeTaskStatus, 'reason' | 'note'>> = {}): ChangeTaskStatus => ({
  type: 'ChangeTaskStatus',
  taskId,
  status,
  ...(status === 'blocked' ? { reason: why } : {}),
  ...more,
});

describe('LogTask', () => {
  it('logs a task at a stop under a responsibility', () => {
    spec.given([]).when(log).then([logged]);
  });

  it('logs a task of a meeting', () => {
    spec
      .given([], { wings, programme: meeting })
      .when({ type: 'LogTask', taskId, programmeId: meeting.id, wing: 'media', title: 'press note' })
      .then([{ type: 'TaskLogged', data: { taskId, programmeId: meeting.id, programmeKind: 'meeting', wing: 'media', title: 'press note' } }]);
  });

  it('refuses a programme that does not exist', () => {
    spec.given([], { wings }).when(log).thenThrows(NotFound, 'programme-not-found');
  });

  it('refuses a cancelled programme', () => {
    spec
      .given([], { ...context, programme: { ...tour, cancelled: true } })
      .when(log)
      .thenThrows(RuleViolation, 'programme-cancelled');
  });

  it('refuses a stop that is not on the tour', () => {
    spec
      .given([])
      .when({ ...log, stopId: 'bijapur' })
      .thenThrows(NotFound, 'stop-not-found');
  });

  it('refuses a cancelled stop', () => {
    spec
      .given([])
      .when({ ...log, stopId: 'dantewada' })
      .thenThrows(RuleViolation, 'stop-cancelled');
  });

  it('refuses a responsibility that does not exist', () => {
    spec
      .given([], { wings, programme: tour, responsibility: { exists: false } })
      .when(log)
      .thenThrows(NotFound, 'responsibility-not-found');
  });

  it('refuses a responsibility of another programme', () => {
    spec
      .given([], { ...context, responsibility: { ...responsibility, programmeId: 'raipur-review' } })
      .when(log)
      .thenThrows(NotFound, 'responsibility-not-found');
  });

  it('refuses a cancelled responsibility', () => {
    spec
      .given([], { ...context, responsibility: { ...responsibility, cancelled: true } })
      .when(log)
      .thenThrows(RuleViolation, 'responsibility-cancelled');
  });

  it('refuses a wing that is not in the catalogue', () => {
    const error = spec
      .given([])
      .when({ ...log, wing: 'no-such-wing' })
      .thenThrows(InvalidCommand, 'unknown-wing');
    expect(error.path).toEqual(['wing']);
  });

  it('refuses an id a task already has', () => {
    spec.given([logged]).when(log).thenThrows(RuleViolation, 'id-taken');
  });

  it('refuses the id of a cancelled task', () => {
    spec.given([logged, cancelled]).when(log).thenThrows(RuleViolation, 'id-taken');
  });
});

describe('ChangeTaskStatus', () => {
  type Expected = TaskEvent | 'nothing' | 'task-done-reopens-to-todo';
  const transitions: [TaskStatus, TaskStatus, Expected][] = [
    ['todo', 'todo', 'nothing'],
    ['todo', 'in_progress', { type: 'TaskStarted', data: { ...ref, from: 'todo' } }],
    ['todo', 'blocked', { type: 'TaskBlocked', data: { ...ref, from: 'todo', reason: why } }],
    ['todo', 'done', { type: 'TaskCompleted', data: { ...ref, from: 'todo' } }],
    ['in_progress', 'todo', { type: 'TaskReopened', data: { ...ref, from: 'in_progress' } }],
    ['in_progress', 'in_progress', 'nothing'],
    ['in_progress', 'blocked', { type: 'TaskBlocked', data: { ...ref, from: 'in_progress', reason: why } }],
    ['in_progress', 'done', { type: 'TaskCompleted', data: { ...ref, from: 'in_progress' } }],
    ['blocked', 'todo', { type: 'TaskUnblocked', data: { ...ref, to: 'todo' } }],
    ['blocked', 'in_progress', { type: 'TaskUnblocked', data: { ...ref, to: 'in_progress' } }],
    ['blocked', 'blocked', 'nothing'], // with the same reason
    ['blocked', 'done', { type: 'TaskCompleted', data: { ...ref, from: 'blocked' } }],
    ['done', 'todo', { type: 'TaskReopened', data: { ...ref, from: 'done' } }],
    ['done', 'in_progress', 'task-done-reopens-to-todo'],
    ['done', 'blocked', 'task-done-reopens-to-todo'],
    ['done', 'done', 'nothing'],
  ];

  it.each(transitions)('%s → %s: %j', (from, to, expected) => {
    const outcome = spec.given(streamAt[from]).when(setStatus(to));
    if (expected === 'nothing') outcome.thenNothing();
    else if (expected === 'task-done-reopens-to-todo') outcome.thenThrows(RuleViolation, expected);
    else outcome.then([expected]);
  });

  it.each<TaskStatus>(['todo', 'in_progress', 'blocked', 'done'])('%s → the same status with a note: only the note', (status) => {
    spec
      .given(streamAt[status])
      .when(setStatus(status, { note: 'जाँच लिया' }))
      .then([{ type: 'TaskNoteAdded', data: { ...ref, text: 'जाँच लिया' } }]);
  });

  it('carries the note on the event of a change', () => {
    spec
      .given(streamAt.todo)
      .when(setStatus('done', { note: 'stage is up' }))
      .then([{ type: 'TaskCompleted', data: { ...ref, from: 'todo', note: 'stage is up' } }]);
  });

  it('blocks a blocked task again when the reason is new', () => {
    spec
      .given(streamAt.blocked)
      .when(setStatus('blocked', { reason: 'permission from the collector pending' }))
      .then([{ type: 'TaskBlocked', data: { ...ref, from: 'blocked', reason: 'permission from the collector pending' } }]);
  });

  it('blocks again with the old reason once the task was unblocked', () => {
    spec
      .given([...streamAt.blocked, { type: 'TaskUnblocked', data: { ...ref, to: 'in_progress' } }])
      .when(setStatus('blocked'))
      .then([{ type: 'TaskBlocked', data: { ...ref, from: 'in_progress', reason: why } }]);
  });

  // The body schema refuses this first; the decider must not emit a TaskBlocked without a reason either.
  it.each<TaskStatus>(['todo', 'blocked'])('refuses %s → blocked without a reason', (from) => {
    const error = spec.given(streamAt[from]).when({ type: 'ChangeTaskStatus', taskId, status: 'blocked' }).thenThrows(InvalidCommand, 'blocked-needs-reason');
    expect(error.path).toEqual(['reason']);
  });

  it('reopens a done task and lets it start again', () => {
    const reopened: TaskEvent = { type: 'TaskReopened', data: { ...ref, from: 'done' } };
    spec
      .given([...streamAt.done, reopened])
      .when(setStatus('in_progress'))
      .then([{ type: 'TaskStarted', data: { ...ref, from: 'todo' } }]);
  });
});

describe('AssignTask', () => {
  it('assigns the task to someone else', () => {
    spec
      .given([logged])
      .when({ type: 'AssignTask', taskId, assignee: 'कवासी लखमा' })
      .then([{ type: 'TaskAssigned', data: { ...ref, assignee: 'कवासी लखमा' } }]);
  });

  it('changes nothing when the assignee is the same', () => {
    spec.given([logged]).when({ type: 'AssignTask', taskId, assignee: 'Lakhma' }).thenNothing();
  });
});

describe('ChangeTaskDue', () => {
  it('moves the due time', () => {
    const later = '2018-06-25T14:30:00.000Z';
    spec
      .given([logged])
      .when({ type: 'ChangeTaskDue', taskId, dueAt: later })
      .then([{ type: 'TaskDueChanged', data: { ...ref, dueAt: later } }]);
  });

  it('changes nothing when the due time is the same', () => {
    spec.given([logged]).when({ type: 'ChangeTaskDue', taskId, dueAt }).thenNothing();
  });
});

describe('AddTaskNote', () => {
  it('adds a note', () => {
    spec
      .given([logged])
      .when({ type: 'AddTaskNote', taskId, text: 'बात हो गई' })
      .then([{ type: 'TaskNoteAdded', data: { ...ref, text: 'बात हो गई' } }]);
  });
});

describe('CancelTask', () => {
  it('cancels a task', () => {
    spec.given([logged]).when({ type: 'CancelTask', taskId, reason: 'stop dropped' }).then([cancelled]);
  });

  it('cancels a done task', () => {
    spec.given(streamAt.done).when({ type: 'CancelTask', taskId, reason: 'stop dropped' }).then([cancelled]);
  });
});

const everyChange: [string, TaskCommand][] = [
  ['status todo', setStatus('todo')],
  ['status in_progress', setStatus('in_progress')],
  ['status blocked', setStatus('blocked')],
  ['status done', setStatus('done')],
  ['assign', { type: 'AssignTask', taskId, assignee: 'someone' }],
  ['due', { type: 'ChangeTaskDue', taskId, dueAt: '2018-06-25T14:30:00.000Z' }],
  ['note', { type: 'AddTaskNote', taskId, text: 'a note' }],
  ['cancel', { type: 'CancelTask', taskId, reason: 'again' }],
];

describe('a cancelled task changes no more', () => {
  it.each(everyChange)('refuses %s', (_name, command) => {
    spec.given([logged, cancelled]).when(command).thenThrows(RuleViolation, 'task-cancelled');
  });
});

describe('a task that does not exist', () => {
  it.each(everyChange)('refuses %s', (_name, command) => {
    spec.given([]).when(command).thenThrows(NotFound, 'task-not-found');
  });
});

describe('nothing more changes on a cancelled programme or stop', () => {
  const tourCancelled: TaskContext = { wings, programme: { ...tour, cancelled: true } };
  const stopCancelled: TaskContext = { wings, programme: { ...tour, stops: new Map([['jagdalpur', { cancelled: true }]]) } };
  const meetingCancelled: TaskContext = { wings, programme: { ...meeting, id: programmeId, cancelled: true } };
  const offStop = [{ type: 'TaskLogged', data: { ...ref, programmeKind: 'meeting', title: log.title } }] satisfies TaskEvent[];

  it.each(everyChange)('refuses %s once the tour is cancelled', (_name, command) => {
    spec.given([logged], tourCancelled).when(command).thenThrows(RuleViolation, 'programme-cancelled');
  });

  it.each(everyChange)('refuses %s once the task’s stop is cancelled', (_name, command) => {
    spec.given([logged], stopCancelled).when(command).thenThrows(RuleViolation, 'stop-cancelled');
  });

  it.each(everyChange)('refuses %s once the meeting is cancelled', (_name, command) => {
    spec.given(offStop, meetingCancelled).when(command).thenThrows(RuleViolation, 'programme-cancelled');
  });

  it('refuses a change that would otherwise change nothing', () => {
    spec.given([logged], tourCancelled).when({ type: 'AssignTask', taskId, assignee: 'Lakhma' }).thenThrows(RuleViolation, 'programme-cancelled');
  });

  it('still works a task whose stop is live while another stop is cancelled', () => {
    spec
      .given([logged])
      .when({ type: 'AddTaskNote', taskId, text: 'n' })
      .then([{ type: 'TaskNoteAdded', data: { ...ref, text: 'n' } }]);
  });

  it('says the task is cancelled before it says the programme is', () => {
    spec.given([logged, cancelled], tourCancelled).when(setStatus('done')).thenThrows(RuleViolation, 'task-cancelled');
  });
});

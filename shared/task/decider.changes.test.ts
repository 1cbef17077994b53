import { NotFound, RuleViolation } from '../common/errors';
import type { TaskCommand } from './commands';
import type { TaskContext } from './decider';
import type { TaskEvent } from './events';
import { cancelled, dueAt, log, logged, meeting, programmeId, ref, setStatus, spec, streamAt, taskId, tour, wings } from './taskDeciderSpec';

/** The task decider on every other change (assign, due, note, cancel), and what no change may touch: a cancelled or unknown task, a cancelled programme or stop. */

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

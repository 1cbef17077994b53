import { InvalidCommand, RuleViolation } from '../common/errors';
import type { TaskEvent, TaskStatus } from './events';
import { ref, setStatus, spec, streamAt, taskId, why } from './taskDeciderSpec';

/** The task decider moving a task between statuses: every transition, notes, reasons, reopening. */

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

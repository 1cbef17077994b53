import type { TaskEvent } from './events';
import { logged, ref, spec } from './taskDeciderSpec';

/** A checklist's task follows its stop's new start until a person changes it (SPEC v2 templates). */

const moved = (dueAt: string): TaskEvent => ({ type: 'TaskDueChanged', data: { ...ref, dueAt, followsStart: true } });
const follow = (dueAt: string) => ({ type: 'ChangeTaskDue' as const, taskId: ref.taskId, dueAt, followsStart: true as const });

describe('ChangeTaskDue that follows the start', () => {
  it('moves an untouched task, marking the event, and keeps following after earlier such moves', () => {
    spec
      .given([logged])
      .when(follow('2018-06-24T05:30:00.000Z'))
      .then([moved('2018-06-24T05:30:00.000Z')]);
    spec
      .given([logged, moved('2018-06-24T05:30:00.000Z')])
      .when(follow('2018-06-22T05:30:00.000Z'))
      .then([moved('2018-06-22T05:30:00.000Z')]);
  });

  it('leaves a task a person has changed (status, note, assignee or its own due time)', () => {
    const touchedBy: TaskEvent[] = [
      { type: 'TaskStarted', data: { ...ref, from: 'todo' } },
      { type: 'TaskNoteAdded', data: { ...ref, text: 'ground booked' } },
      { type: 'TaskAssigned', data: { ...ref, assignee: 'Ravi' } },
      { type: 'TaskDueChanged', data: { ...ref, dueAt: '2018-06-20T05:30:00.000Z' } },
    ];
    for (const touch of touchedBy) spec.given([logged, touch]).when(follow('2018-06-24T05:30:00.000Z')).then([]);
  });

  it('a person’s own due change is not marked and is always applied', () => {
    spec
      .given([logged, moved('2018-06-24T05:30:00.000Z')])
      .when({ type: 'ChangeTaskDue', taskId: ref.taskId, dueAt: '2018-06-21T05:30:00.000Z' })
      .then([{ type: 'TaskDueChanged', data: { ...ref, dueAt: '2018-06-21T05:30:00.000Z' } }]);
  });
});

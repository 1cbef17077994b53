import { NotFound } from '../common/errors';
import type { TaskContext } from './decider';
import { TaskEventSchema, type TaskEvent } from './events';
import { context, log, logged, ref, spec, taskId } from './taskDeciderSpec';

/** The task decider on assignees (SPEC v2 "people and access"): a person of Tayari, or free text. */

const kamla: TaskContext = { ...context, person: { exists: true, name: 'Kamla Dhruw' } };
const nobody: TaskContext = { ...context, person: { exists: false } };
const toKamla: TaskEvent = { type: 'TaskAssigned', data: { ...ref, assignee: { personId: 'kamla', name: 'Kamla Dhruw' } } };

describe('LogTask with a person as the assignee', () => {
  it('records the person with their name at assignment', () => {
    const data = { ...logged.data, programmeKind: 'tour' as const, title: log.title, assignee: { personId: 'kamla', name: 'Kamla Dhruw' } };
    spec
      .given([], kamla)
      .when({ ...log, assignee: { personId: 'kamla' } })
      .then([{ type: 'TaskLogged', data }]);
  });

  it('refuses a person who does not exist (404)', () => {
    spec
      .given([], nobody)
      .when({ ...log, assignee: { personId: 'ghost' } })
      .thenThrows(NotFound, 'person-not-found');
  });

  it('keeps free text as it is, without asking for a person', () => {
    spec.given([]).when(log).then([logged]);
  });
});

describe('AssignTask to a person', () => {
  it('assigns a task given as free text to a person', () => {
    spec
      .given([logged], kamla)
      .when({ type: 'AssignTask', taskId, assignee: { personId: 'kamla' } })
      .then([toKamla]);
  });

  it('refuses a person who does not exist (404)', () => {
    spec
      .given([logged], nobody)
      .when({ type: 'AssignTask', taskId, assignee: { personId: 'ghost' } })
      .thenThrows(NotFound, 'person-not-found');
  });

  it('changes nothing when the task is already that person’s, whatever their name is now', () => {
    const renamed: TaskContext = { ...context, person: { exists: true, name: 'Kamla Dhruw (Bastar)' } };
    spec
      .given([logged, toKamla], renamed)
      .when({ type: 'AssignTask', taskId, assignee: { personId: 'kamla' } })
      .thenNothing();
  });

  it('moves from a person to another', () => {
    const ravi: TaskContext = { ...context, person: { exists: true, name: 'Ravi Korram' } };
    spec
      .given([logged, toKamla], ravi)
      .when({ type: 'AssignTask', taskId, assignee: { personId: 'ravi' } })
      .then([{ type: 'TaskAssigned', data: { ...ref, assignee: { personId: 'ravi', name: 'Ravi Korram' } } }]);
  });

  it('moves from a person back to free text, even text equal to their name', () => {
    spec
      .given([logged, toKamla])
      .when({ type: 'AssignTask', taskId, assignee: 'Kamla Dhruw' })
      .then([{ type: 'TaskAssigned', data: { ...ref, assignee: 'Kamla Dhruw' } }]);
  });

  it('fails loudly when the command’s context did not load the person it names', () => {
    expect(() =>
      spec
        .given([logged])
        .when({ type: 'AssignTask', taskId, assignee: { personId: 'kamla' } })
        .thenNothing(),
    ).toThrow(/fact "person"/);
  });
});

describe('stored assignees', () => {
  it('parse as free text (every event before v2) and as a person', () => {
    expect(TaskEventSchema.parse({ type: 'TaskAssigned', data: { ...ref, assignee: 'Lakhma' } })).toEqual({
      type: 'TaskAssigned',
      data: { ...ref, assignee: 'Lakhma' },
    });
    expect(TaskEventSchema.parse(toKamla)).toEqual(toKamla);
  });

  it('refuse a person without a name, or with other fields', () => {
    expect(TaskEventSchema.safeParse({ type: 'TaskAssigned', data: { ...ref, assignee: { personId: 'kamla' } } }).success).toBe(false);
    expect(TaskEventSchema.safeParse({ type: 'TaskAssigned', data: { ...ref, assignee: { personId: 'k', name: 'K', phone: '1' } } }).success).toBe(false);
  });
});

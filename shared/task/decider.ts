import type { Decider } from '../common/decider';
import { statusesReachable } from '../contract/domain';
import { fact } from '../common/fact';
import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import { requireKnownUnit, requireKnownWing, requireLiveProgramme, type ProgrammeFacts } from '../common/programme';
import type { UnitsState } from '../units/decider';
import type { ResponsibilityState } from '../responsibility/decider';
import type { WingsState } from '../wings/decider';
import type { PersonFacts } from '../people/personFacts';
import type { ChangeTaskStatus, TaskCommand } from './commands';
import type { StoredAssignee, TaskEvent, TaskStatus } from './events';

export type TaskState =
  | { exists: false }
  | {
      exists: true;
      programmeId: string;
      stopId?: string | undefined;
      wing: string;
      status: TaskStatus;
      blockedReason?: string | undefined;
      assignee?: StoredAssignee | undefined;
      dueAt?: string | undefined;
      /** The task's own unit, if it names one (else its programme's). */
      unit?: string | undefined;
      cancelled: boolean;
      /** Changed by a person since it was logged (a due time that only followed its start does not count). */
      touched: boolean;
    };
type LiveTask = Extract<TaskState, { exists: true }>;

export interface TaskContext {
  /** LogTask: the wing catalogue. */
  wings?: WingsState;
  /**
   * The programme a new task names, or the one an existing task belongs to (nothing more changes
   * on a cancelled programme or stop); undefined when it does not exist.
   */
  programme?: ProgrammeFacts | undefined;
  /** The responsibility a new task names, when it names one. */
  responsibility?: ResponsibilityState | undefined;
  /** LogTask naming a unit: the unit catalogue. */
  units?: UnitsState;
  /** LogTask or AssignTask naming a person as the assignee: that person. */
  person?: PersonFacts | undefined;
}

/** The assignee as the event records it: free text as given, a person with their name now (404 when unknown). */
function assigneeOf(given: string | { personId: string }, person: PersonFacts | undefined): StoredAssignee {
  if (typeof given === 'string') return given;
  const found = fact(person, 'person');
  if (!found.exists) throw new NotFound('person-not-found', `person ${given.personId} does not exist`);
  return { personId: given.personId, name: found.name };
}

/** The same assignee: the same text, or the same person (whatever their name was then). */
function sameAssignee(a: StoredAssignee | undefined, b: StoredAssignee): boolean {
  if (typeof a === 'string' || typeof b === 'string' || a === undefined) return a === b;
  return a.personId === b.personId;
}

function requireLive(state: TaskState, taskId: string): LiveTask {
  if (!state.exists) throw new NotFound('task-not-found', `task ${taskId} does not exist`);
  if (state.cancelled) throw new RuleViolation('task-cancelled', `task ${taskId} is cancelled`);
  return state;
}

/** The event that moves a task from its status to the asked one, or none when nothing changes. */
function transition(task: LiveTask, ref: { taskId: string; programmeId: string; wing: string }, command: ChangeTaskStatus): TaskEvent[] {
  const { status: to, reason, note } = command;
  const from = task.status;
  const extra = note === undefined ? {} : { note };
  // The body schema refuses this too; the decider must not emit a TaskBlocked without a reason.
  if (to === 'blocked' && reason === undefined) {
    throw new InvalidCommand('blocked-needs-reason', 'a blocked task needs a reason', ['reason']);
  }
  const blockedReason = reason ?? '';
  if (from === to && (to !== 'blocked' || reason === task.blockedReason)) {
    return note === undefined ? [] : [{ type: 'TaskNoteAdded', data: { ...ref, text: note } }];
  }
  if (from !== to && !statusesReachable(from).includes(to)) {
    throw new RuleViolation('task-done-reopens-to-todo', `a done task can only go back to todo, not to ${to}`);
  }
  switch (to) {
    case 'todo':
      return from === 'blocked'
        ? [{ type: 'TaskUnblocked', data: { ...ref, ...extra, to: 'todo' } }]
        : [{ type: 'TaskReopened', data: { ...ref, ...extra, from } }];
    case 'in_progress':
      return from === 'blocked'
        ? [{ type: 'TaskUnblocked', data: { ...ref, ...extra, to: 'in_progress' } }]
        : [{ type: 'TaskStarted', data: { ...ref, ...extra, from } }];
    case 'blocked':
      return [{ type: 'TaskBlocked', data: { ...ref, ...extra, from, reason: blockedReason } }];
    case 'done':
      return [{ type: 'TaskCompleted', data: { ...ref, ...extra, from } }];
  }
}

export const taskDecider: Decider<TaskCommand, TaskEvent, TaskState, TaskContext> = {
  initialState: { exists: false },

  decide(command, state, context) {
    if (command.type === 'LogTask') {
      const programme = requireLiveProgramme(command.programmeId, context.programme, command.stopId);
      if (command.responsibilityId !== undefined) {
        const r = context.responsibility;
        if (!r?.exists || r.programmeId !== command.programmeId) {
          throw new NotFound('responsibility-not-found', `responsibility ${command.responsibilityId} is not part of programme ${command.programmeId}`);
        }
        if (r.cancelled) throw new RuleViolation('responsibility-cancelled', `responsibility ${command.responsibilityId} is cancelled`);
      }
      requireKnownWing(fact(context.wings, 'wings'), command.wing);
      if (command.unit !== undefined) requireKnownUnit(fact(context.units, 'units'), command.unit);
      const assignee = command.assignee === undefined ? undefined : assigneeOf(command.assignee, context.person);
      if (state.exists) throw new RuleViolation('id-taken', `task ${command.taskId} exists`);
      const { type: _t, assignee: _a, ...data } = command;
      return [{ type: 'TaskLogged', data: { ...data, ...(assignee === undefined ? {} : { assignee }), programmeKind: programme.kind } }];
    }

    const task = requireLive(state, command.taskId);
    requireLiveProgramme(task.programmeId, context.programme, task.stopId);
    const ref = { taskId: command.taskId, programmeId: task.programmeId, wing: task.wing };
    switch (command.type) {
      case 'ChangeTaskStatus':
        return transition(task, ref, command);
      case 'AssignTask': {
        const assignee = assigneeOf(command.assignee, context.person);
        return sameAssignee(task.assignee, assignee) ? [] : [{ type: 'TaskAssigned', data: { ...ref, assignee } }];
      }
      case 'ChangeTaskDue': {
        // A due time that follows its stop's or meeting's new start leaves a task a person has changed.
        if (task.dueAt === command.dueAt || (command.followsStart === true && task.touched)) return [];
        return [{ type: 'TaskDueChanged', data: { ...ref, dueAt: command.dueAt, ...(command.followsStart ? { followsStart: true as const } : {}) } }];
      }
      case 'AddTaskNote':
        return [{ type: 'TaskNoteAdded', data: { ...ref, text: command.text } }];
      case 'CancelTask':
        return [{ type: 'TaskCancelled', data: { ...ref, reason: command.reason } }];
    }
  },

  evolve(state, event) {
    if (event.type === 'TaskLogged') {
      const { programmeId, stopId, wing, assignee, dueAt, unit } = event.data;
      return { exists: true, programmeId, stopId, wing, status: 'todo', assignee, dueAt, unit, cancelled: false, touched: false };
    }
    if (!state.exists) return state;
    const touched = event.type === 'TaskDueChanged' && event.data.followsStart === true ? state.touched : true;
    return { ...evolveLive(state, event), touched };
  },
};

function evolveLive(state: LiveTask, event: Exclude<TaskEvent, { type: 'TaskLogged' }>): LiveTask {
  switch (event.type) {
    case 'TaskStarted':
      return { ...state, status: 'in_progress', blockedReason: undefined };
    case 'TaskBlocked':
      return { ...state, status: 'blocked', blockedReason: event.data.reason };
    case 'TaskUnblocked':
      return { ...state, status: event.data.to, blockedReason: undefined };
    case 'TaskCompleted':
      return { ...state, status: 'done', blockedReason: undefined };
    case 'TaskReopened':
      return { ...state, status: 'todo', blockedReason: undefined };
    case 'TaskAssigned':
      return { ...state, assignee: event.data.assignee };
    case 'TaskDueChanged':
      return { ...state, dueAt: event.data.dueAt };
    case 'TaskNoteAdded':
      return state;
    case 'TaskCancelled':
      return { ...state, cancelled: true };
  }
}

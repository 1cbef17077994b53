import type { z } from 'zod';
import type { Actor } from '@tayari/shared/common/actor';
import type { AcknowledgeResponsibilityBody, AssignResponsibilityBody } from '@tayari/shared/responsibility/commands';
import type { RecordMinutesBody, ScheduleMeetingBody } from '@tayari/shared/meeting/commands';
import type { AddTaskNoteBody, AssignTaskBody, CancelTaskBody, ChangeTaskDueBody, ChangeTaskStatusBody, LogTaskBody } from '@tayari/shared/task/commands';
import type { AddStopBody, PlanTourBody, RescheduleStopBody } from '@tayari/shared/tour/commands';
import type * as Posts from '@tayari/shared/posts/commands';
import type { AddPersonBody } from '@tayari/shared/people/commands';
import type { ApplyTemplateBody, DefineTemplateBody } from '@tayari/shared/templates/commands';
import { decisionTaskId } from '@tayari/shared/meeting/decisions';
import { INCHARGE, organiser, wingLead } from './demoActors';
import { demoPeopleCalls } from './demoPeople';
import { demoPostCalls } from './demoPosts';
import { demoTemplateCalls } from './demoTemplates';
import type { DemoPlan, DemoTask } from './demoTypes';

/** The routes the demo uses, by name, with the body each one takes. */
interface Bodies {
  DefineTemplate: typeof DefineTemplateBody;
  ApplyTemplate: typeof ApplyTemplateBody;
  AddPerson: typeof AddPersonBody;
  PlanTour: typeof PlanTourBody;
  AddStop: typeof AddStopBody;
  RescheduleStop: typeof RescheduleStopBody;
  ScheduleMeeting: typeof ScheduleMeetingBody;
  RecordMinutes: typeof RecordMinutesBody;
  AssignResponsibility: typeof AssignResponsibilityBody;
  AcknowledgeResponsibility: typeof AcknowledgeResponsibilityBody;
  LogTask: typeof LogTaskBody;
  ChangeTaskStatus: typeof ChangeTaskStatusBody;
  AssignTask: typeof AssignTaskBody;
  ChangeTaskDue: typeof ChangeTaskDueBody;
  AddTaskNote: typeof AddTaskNoteBody;
  CancelTask: typeof CancelTaskBody;
  CreatePost: typeof Posts.CreatePostBody;
  ProposeNominee: typeof Posts.ProposeNomineeBody;
  RecommendNomination: typeof Posts.NominationNoteBody;
  ApproveNomination: typeof Posts.NominationNoteBody;
  DeclineNomination: typeof Posts.DeclineNominationBody;
  WithdrawNomination: typeof Posts.WithdrawNominationBody;
  Appoint: typeof Posts.AppointBody;
}

/** One HTTP command, as a client would send it: route, path parameters, JSON body, who. */
export type DemoCall = {
  [K in keyof Bodies]: { route: K; params: Record<string, string>; body: z.input<Bodies[K]>; actor: Actor };
}[keyof Bodies];

const taskCall = <K extends 'ChangeTaskStatus' | 'AssignTask' | 'ChangeTaskDue' | 'AddTaskNote' | 'CancelTask'>(
  route: K,
  task: DemoTask,
  body: z.input<Bodies[K]>,
  actor: Actor,
) => ({ route, params: { taskId: task.id }, body, actor }) as DemoCall;

/** What happens to a task after it is logged, in order, by the wing's own people. */
function progress(task: DemoTask): DemoCall[] {
  const { wing, status, reason = '' } = task;
  const calls: DemoCall[] = [];
  const started = status === 'in_progress' || ((status === 'done' || status === 'blocked') && !task.direct);
  if (started) calls.push(taskCall('ChangeTaskStatus', task, { status: 'in_progress' }, organiser(wing)));
  if (task.reassignTo) calls.push(taskCall('AssignTask', task, { assignee: task.reassignTo }, wingLead(wing)));
  if (task.dueMovedTo) calls.push(taskCall('ChangeTaskDue', task, { dueAt: task.dueMovedTo }, organiser(wing)));
  for (const text of task.notes ?? []) calls.push(taskCall('AddTaskNote', task, { text }, organiser(wing)));
  if (status === 'blocked') calls.push(taskCall('ChangeTaskStatus', task, { status: 'blocked', reason }, wingLead(wing)));
  if (status === 'done') calls.push(taskCall('ChangeTaskStatus', task, { status: 'done' }, organiser(wing)));
  if (status === 'cancelled') calls.push(taskCall('CancelTask', task, { reason }, wingLead(wing)));
  return calls;
}

/** The follow-ups of a meeting's minutes that their wing has finished since (by the wing's organiser). */
function followUpsDone(meeting: DemoPlan['meetings'][number]): DemoCall[] {
  return (meeting.followUpsDone ?? []).flatMap((index): DemoCall[] => {
    const decision = meeting.minutes?.decisions[index];
    if (decision === undefined || typeof decision === 'string' || decision.wing === undefined) return [];
    const taskId = decisionTaskId(meeting.id, 1, index);
    return [{ route: 'ChangeTaskStatus', params: { taskId }, body: { status: 'done' }, actor: organiser(decision.wing) }];
  });
}

/** Turns the plan into commands in the order a real unit would issue them. */
export function demoScript(plan: DemoPlan): DemoCall[] {
  // The people first: the directory lists them, and their ready-made links speak for them.
  const calls: DemoCall[] = [...demoPeopleCalls()];
  calls.push({ route: 'PlanTour', params: {}, body: plan.tour, actor: INCHARGE });
  for (const { movedTo: _moved, ...stop } of plan.stops) calls.push({ route: 'AddStop', params: { tourId: plan.tour.id }, body: stop, actor: INCHARGE });
  for (const { minutes: _minutes, followUpsDone: _done, ...body } of plan.meetings) calls.push({ route: 'ScheduleMeeting', params: {}, body, actor: INCHARGE });
  for (const { programmeId, acknowledged: _ack, ...body } of plan.responsibilities) {
    calls.push({ route: 'AssignResponsibility', params: { programmeId }, body, actor: INCHARGE });
  }
  for (const r of plan.responsibilities.filter((x) => x.acknowledged)) {
    calls.push({ route: 'AcknowledgeResponsibility', params: { responsibilityId: r.id }, body: {}, actor: wingLead(r.wing) });
  }
  for (const task of plan.tasks) {
    const { status: _s, reason: _r, notes: _n, direct: _d, reassignTo: _a, dueMovedTo: _m, ...body } = task;
    // Duties' tasks are logged by the wing's lead, the rest by the in-charge.
    calls.push({ route: 'LogTask', params: {}, body, actor: task.responsibilityId ? wingLead(task.wing) : INCHARGE });
  }
  for (const task of plan.tasks) calls.push(...progress(task));
  calls.push(...demoTemplateCalls());
  for (const m of plan.meetings) {
    if (m.minutes) calls.push({ route: 'RecordMinutes', params: { meetingId: m.id }, body: m.minutes, actor: INCHARGE });
    calls.push(...followUpsDone(m));
  }
  for (const stop of plan.stops) {
    if (stop.movedTo) calls.push({ route: 'RescheduleStop', params: { tourId: plan.tour.id, stopId: stop.stopId }, body: stop.movedTo, actor: INCHARGE });
  }
  // The names put forward at the tribal wing's meeting for organisational posts.
  calls.push(...demoPostCalls());
  return calls;
}

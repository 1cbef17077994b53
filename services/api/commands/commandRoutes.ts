import { streams } from '@tayari/shared/common/streams';
import {
  AcknowledgeResponsibilityBody,
  AssignResponsibilityBody,
  CancelResponsibilityBody,
  ReassignResponsibilityBody,
} from '@tayari/shared/responsibility/commands';
import { AddTaskNoteBody, AssignTaskBody, CancelTaskBody, ChangeTaskDueBody, ChangeTaskStatusBody, LogTaskBody } from '@tayari/shared/task/commands';
import { AddStopBody, CancelBody, PlanTourBody, RescheduleStopBody } from '@tayari/shared/tour/commands';
import { CancelMeetingBody, RecordMinutesBody, RescheduleMeetingBody, ScheduleMeetingBody } from '@tayari/shared/meeting/commands';
import { RegisterWingBody } from '@tayari/shared/wings/commands';
import { requireWing, type Permission } from '../auth/policy';
import { aggregateRoute } from './aggregateRoute';
import { aggregates } from './aggregates';
import type { CommandFacts } from './CommandFacts';
import type { CommandInput } from './CommandRoute';

type Params = Pick<CommandInput<unknown>, 'params'>;

/** Object-level permission for a stream whose state names a wing (tasks, responsibilities). */
const ownWing =
  (permission: Permission) =>
  ({ actor }: Pick<CommandInput<unknown>, 'actor'>) =>
  (state: { exists: false } | { exists: true; wing: string }) => {
    if (state.exists) requireWing(actor, permission, state.wing);
  };

/** For decisions that never look at the wing catalogue. */
const noWings = new Map();
const tourContext = async () => ({ wings: noWings, programmeIdTaken: false });
const meetingContext = async () => ({ programmeIdTaken: false });

/** The programme an existing task or duty belongs to: its decider refuses once that is cancelled. */
const programmeOf = async (facts: CommandFacts, state: { exists: false } | { exists: true; programmeId: string }) =>
  state.exists ? facts.programme(state.programmeId) : undefined;
/** For task and duty commands that need no wing catalogue: only the programme they hang off. */
const ownProgramme = async ({ facts }: Pick<CommandInput<unknown>, 'facts'>, _target: unknown, state: { exists: false } | { exists: true; programmeId: string }) => ({
  wings: noWings,
  programme: await programmeOf(facts, state),
});

const tour = ({ params }: Params) => ({ tourId: params.tourId, streamId: streams.tour(params.tourId) });
const stop = ({ params }: Params) => ({ ...tour({ params }), stopId: params.stopId, id: params.stopId });
const meeting = ({ params }: Params) => ({ meetingId: params.meetingId, streamId: streams.meeting(params.meetingId), id: params.meetingId });
const responsibility = ({ params }: Params) => ({
  responsibilityId: params.responsibilityId,
  streamId: streams.responsibility(params.responsibilityId),
  id: params.responsibilityId,
});
const task = ({ params }: Params) => ({ taskId: params.taskId, streamId: streams.task(params.taskId), id: params.taskId });

/** Every command of SPEC.md ("Commands"), plus cancelling a responsibility. The router, OpenAPI and the permission matrix read it. */
export const commandRoutes = [
  aggregateRoute({
    name: 'PlanTour', path: '/tours', summary: "Plan a leader's tour", body: PlanTourBody, creates: true, permission: 'incharge',
    aggregate: aggregates.tour,
    target: ({ body: { id, ...rest }, newId }) => {
      const tourId = id ?? newId();
      return { streamId: streams.tour(tourId), id: tourId, command: { type: 'PlanTour' as const, tourId, ...rest } };
    },
    // Tours and meetings share programme ids.
    context: async ({ facts }, t) => ({ wings: noWings, programmeIdTaken: await facts.meetingExists(t.id) }),
  }),
  aggregateRoute({
    name: 'AddStop', path: '/tours/:tourId/stops', summary: 'Add a stop to a tour', body: AddStopBody, creates: true, permission: 'incharge',
    aggregate: aggregates.tour,
    target: (input) => {
      const { stopId, ...rest } = input.body;
      const id = stopId ?? input.newId();
      const { tourId, streamId } = tour(input);
      return { streamId, id, command: { type: 'AddStop' as const, tourId, stopId: id, ...rest } };
    },
    // The catalogue matters only when the stop names a host wing.
    context: async ({ facts, body }) => ({ wings: await facts.wingsKnowing([body.hostWing]), programmeIdTaken: false }),
  }),
  aggregateRoute({
    name: 'RescheduleStop', path: '/tours/:tourId/stops/:stopId/reschedule', summary: 'Move a stop to another time window', body: RescheduleStopBody, creates: false, permission: 'incharge',
    aggregate: aggregates.tour,
    target: (input) => {
      const { streamId, id, tourId, stopId } = stop(input);
      return { streamId, id, command: { type: 'RescheduleStop' as const, tourId, stopId, ...input.body } };
    },
    context: tourContext,
  }),
  aggregateRoute({
    name: 'CancelStop', path: '/tours/:tourId/stops/:stopId/cancel', summary: 'Cancel one stop of a tour', body: CancelBody, creates: false, permission: 'incharge',
    aggregate: aggregates.tour,
    target: (input) => {
      const { streamId, id, tourId, stopId } = stop(input);
      return { streamId, id, command: { type: 'CancelStop' as const, tourId, stopId, ...input.body } };
    },
    context: tourContext,
  }),
  aggregateRoute({
    name: 'CancelTour', path: '/tours/:tourId/cancel', summary: 'Cancel a tour', body: CancelBody, creates: false, permission: 'incharge',
    aggregate: aggregates.tour,
    target: (input) => {
      const { streamId, tourId } = tour(input);
      return { streamId, id: tourId, command: { type: 'CancelTour' as const, tourId, ...input.body } };
    },
    context: tourContext,
  }),
  aggregateRoute({
    name: 'ScheduleMeeting', path: '/meetings', summary: 'Schedule a review or strategy meeting', body: ScheduleMeetingBody, creates: true, permission: 'incharge',
    aggregate: aggregates.meeting,
    target: ({ body: { id, ...rest }, newId }) => {
      const meetingId = id ?? newId();
      return { streamId: streams.meeting(meetingId), id: meetingId, command: { type: 'ScheduleMeeting' as const, meetingId, ...rest } };
    },
    context: async ({ facts }, t) => ({ programmeIdTaken: await facts.tourExists(t.id) }),
  }),
  aggregateRoute({
    name: 'RescheduleMeeting', path: '/meetings/:meetingId/reschedule', summary: 'Move a meeting (and optionally its venue)', body: RescheduleMeetingBody, creates: false, permission: 'incharge',
    aggregate: aggregates.meeting,
    target: (input) => {
      const { streamId, id, meetingId } = meeting(input);
      return { streamId, id, command: { type: 'RescheduleMeeting' as const, meetingId, ...input.body } };
    },
    context: meetingContext,
  }),
  aggregateRoute({
    name: 'CancelMeeting', path: '/meetings/:meetingId/cancel', summary: 'Cancel a meeting', body: CancelMeetingBody, creates: false, permission: 'incharge',
    aggregate: aggregates.meeting,
    target: (input) => {
      const { streamId, id, meetingId } = meeting(input);
      return { streamId, id, command: { type: 'CancelMeeting' as const, meetingId, ...input.body } };
    },
    context: meetingContext,
  }),
  aggregateRoute({
    name: 'RecordMinutes', path: '/meetings/:meetingId/minutes', summary: "Record a meeting's decisions and attendance", body: RecordMinutesBody, creates: false, permission: 'incharge',
    aggregate: aggregates.meeting,
    target: (input) => {
      const { streamId, id, meetingId } = meeting(input);
      return { streamId, id, command: { type: 'RecordMinutes' as const, meetingId, ...input.body } };
    },
    context: meetingContext,
  }),
  aggregateRoute({
    name: 'AssignResponsibility', path: '/programmes/:programmeId/responsibilities', summary: 'Give a wing a duty for a programme (optionally one stop)', body: AssignResponsibilityBody, creates: true, permission: 'incharge',
    aggregate: aggregates.responsibility,
    target: ({ params, body: { id, ...rest }, newId }) => {
      const responsibilityId = id ?? newId();
      const command = { type: 'AssignResponsibility' as const, responsibilityId, programmeId: params.programmeId, ...rest };
      return { streamId: streams.responsibility(responsibilityId), id: responsibilityId, command };
    },
    context: async ({ facts, params, body }) => {
      const [wings, programme] = await Promise.all([facts.wingsKnowing([body.wing]), facts.programme(params.programmeId)]);
      return { wings, programme };
    },
  }),
  aggregateRoute({
    name: 'AcknowledgeResponsibility', path: '/responsibilities/:responsibilityId/acknowledge', summary: 'The wing acknowledges a duty given to it', body: AcknowledgeResponsibilityBody, creates: false, permission: 'wing-acknowledge',
    aggregate: aggregates.responsibility,
    target: (input) => {
      const { streamId, id, responsibilityId } = responsibility(input);
      return { streamId, id, command: { type: 'AcknowledgeResponsibility' as const, responsibilityId } };
    },
    context: ownProgramme,
    authorize: ownWing('wing-acknowledge'),
  }),
  aggregateRoute({
    name: 'ReassignResponsibility', path: '/responsibilities/:responsibilityId/reassign', summary: 'Give a duty to another wing', body: ReassignResponsibilityBody, creates: false, permission: 'incharge',
    aggregate: aggregates.responsibility,
    target: (input) => {
      const { streamId, id, responsibilityId } = responsibility(input);
      return { streamId, id, command: { type: 'ReassignResponsibility' as const, responsibilityId, ...input.body } };
    },
    context: async ({ facts, body }, _t, state) => {
      const [wings, programme] = await Promise.all([facts.wingsKnowing([body.wing]), programmeOf(facts, state)]);
      return { wings, programme };
    },
  }),
  aggregateRoute({
    name: 'CancelResponsibility', path: '/responsibilities/:responsibilityId/cancel', summary: 'Withdraw a duty (an addition to SPEC.md v1, whose rules speak of cancelled responsibilities)', body: CancelResponsibilityBody, creates: false, permission: 'incharge',
    aggregate: aggregates.responsibility,
    target: (input) => {
      const { streamId, id, responsibilityId } = responsibility(input);
      return { streamId, id, command: { type: 'CancelResponsibility' as const, responsibilityId, ...input.body } };
    },
    context: ownProgramme,
  }),
  aggregateRoute({
    name: 'LogTask', path: '/tasks', summary: 'Log a preparation task for a wing', body: LogTaskBody, creates: true, permission: 'wing-manage',
    aggregate: aggregates.task,
    check: ({ actor, body }) => requireWing(actor, 'wing-manage', body.wing),
    target: ({ body: { id, ...rest }, newId }) => {
      const taskId = id ?? newId();
      return { streamId: streams.task(taskId), id: taskId, command: { type: 'LogTask' as const, taskId, ...rest } };
    },
    context: async ({ facts, body }) => {
      const [wings, programme, responsibility] = await Promise.all([
        facts.wingsKnowing([body.wing]),
        facts.programme(body.programmeId),
        facts.responsibility(body.responsibilityId),
      ]);
      return { wings, programme, responsibility };
    },
  }),
  aggregateRoute({
    name: 'ChangeTaskStatus', path: '/tasks/:taskId/status', summary: 'Move a task to todo, in_progress, blocked (with a reason) or done', body: ChangeTaskStatusBody, creates: false, permission: 'wing-work',
    aggregate: aggregates.task,
    target: (input) => ({ ...task(input), command: { type: 'ChangeTaskStatus' as const, taskId: input.params.taskId, ...input.body } }),
    context: ownProgramme,
    authorize: ownWing('wing-work'),
  }),
  aggregateRoute({
    name: 'AssignTask', path: '/tasks/:taskId/assign', summary: 'Give a task to a person', body: AssignTaskBody, creates: false, permission: 'wing-manage',
    aggregate: aggregates.task,
    target: (input) => ({ ...task(input), command: { type: 'AssignTask' as const, taskId: input.params.taskId, ...input.body } }),
    context: ownProgramme,
    authorize: ownWing('wing-manage'),
  }),
  aggregateRoute({
    name: 'ChangeTaskDue', path: '/tasks/:taskId/due', summary: "Change a task's due time", body: ChangeTaskDueBody, creates: false, permission: 'wing-work',
    aggregate: aggregates.task,
    target: (input) => ({ ...task(input), command: { type: 'ChangeTaskDue' as const, taskId: input.params.taskId, ...input.body } }),
    context: ownProgramme,
    authorize: ownWing('wing-work'),
  }),
  aggregateRoute({
    name: 'AddTaskNote', path: '/tasks/:taskId/notes', summary: 'Add a note to a task', body: AddTaskNoteBody, creates: false, permission: 'wing-work',
    aggregate: aggregates.task,
    target: (input) => ({ ...task(input), command: { type: 'AddTaskNote' as const, taskId: input.params.taskId, ...input.body } }),
    context: ownProgramme,
    authorize: ownWing('wing-work'),
  }),
  aggregateRoute({
    name: 'CancelTask', path: '/tasks/:taskId/cancel', summary: 'Cancel a task (it leaves boards and readiness)', body: CancelTaskBody, creates: false, permission: 'wing-manage',
    aggregate: aggregates.task,
    target: (input) => ({ ...task(input), command: { type: 'CancelTask' as const, taskId: input.params.taskId, ...input.body } }),
    context: ownProgramme,
    authorize: ownWing('wing-manage'),
  }),
  aggregateRoute({
    name: 'RegisterWing', path: '/wings', summary: 'Register a wing beyond the default catalogue', body: RegisterWingBody, creates: true, permission: 'incharge',
    aggregate: aggregates.wings,
    target: ({ body }) => ({ streamId: streams.wings(), id: body.code, command: { type: 'RegisterWing' as const, ...body } }),
    context: async () => undefined,
  }),
];

import type { z } from 'zod';
import { streams } from '@tayari/shared/common/streams';
import { AssignResponsibilityBody, AcknowledgeResponsibilityBody, CancelResponsibilityBody, ReassignResponsibilityBody } from '@tayari/shared/responsibility/commands';
import { AddTaskNoteBody, AssignTaskBody, CancelTaskBody, ChangeTaskDueBody, ChangeTaskStatusBody, LogTaskBody } from '@tayari/shared/task/commands';
import { AddStopBody, CancelBody, PlanTourBody, RescheduleStopBody } from '@tayari/shared/tour/commands';
import { CancelMeetingBody, RecordMinutesBody, RescheduleMeetingBody, ScheduleMeetingBody } from '@tayari/shared/meeting/commands';
import type { TaskCommand } from '@tayari/shared/task/commands';
import { RegisterWingBody } from '@tayari/shared/wings/commands';
import { requireWing, type Permission } from '../auth/policy';
import { aggregates } from './aggregates';
import { commandRoute, type CommandInput } from './CommandRoute';
import { loadProgramme, loadResponsibility, loadWings } from './facts';

const none = async () => undefined;

/** Object-level permission for a stream whose state names a wing (tasks, responsibilities). */
const ownWing =
  (input: Pick<CommandInput<unknown>, 'actor'>, permission: Permission) =>
  (state: { exists: false } | { exists: true; wing: string }) => {
    if (state.exists) requireWing(input.actor, permission, state.wing);
  };

/** A command on an existing task: `POST /tasks/{taskId}/<verb>`, checked against the task's wing. */
function taskRoute<Body extends z.ZodType>(
  name: string,
  verb: string,
  body: Body,
  permission: Permission,
  summary: string,
  toCommand: (taskId: string, body: z.output<Body>) => TaskCommand,
) {
  return commandRoute({
    name,
    path: `/tasks/:taskId/${verb}`,
    summary,
    body,
    creates: false,
    permission,
    async run(input) {
      const { params, bus, envelope } = input;
      return bus.execute({
        ...envelope,
        aggregate: aggregates.task,
        streamId: streams.task(params.taskId),
        command: toCommand(params.taskId, input.body),
        id: params.taskId,
        creates: false,
        context: async () => ({ wings: new Map() }),
        authorize: ownWing(input, permission),
      });
    },
  });
}

/** Every command of SPEC.md ("Commands"), plus cancelling a responsibility. */
export const commandRoutes = [
  commandRoute({
    name: 'PlanTour',
    path: '/tours',
    summary: "Plan a leader's tour",
    body: PlanTourBody,
    creates: true,
    permission: 'incharge',
    async run({ body: { id, ...rest }, newId, bus, envelope }) {
      const tourId = id ?? newId();
      return bus.execute({
        ...envelope,
        aggregate: aggregates.tour,
        streamId: streams.tour(tourId),
        command: { type: 'PlanTour', tourId, ...rest },
        id: tourId,
        creates: true,
        context: async () => ({ wings: new Map(), programmeIdTaken: (await bus.load(aggregates.meeting, streams.meeting(tourId))).version > 0 }),
      });
    },
  }),
  commandRoute({
    name: 'AddStop',
    path: '/tours/:tourId/stops',
    summary: 'Add a stop to a tour',
    body: AddStopBody,
    creates: true,
    permission: 'incharge',
    async run({ params, body: { stopId, ...rest }, newId, bus, envelope }) {
      const id = stopId ?? newId();
      return bus.execute({
        ...envelope,
        aggregate: aggregates.tour,
        streamId: streams.tour(params.tourId),
        command: { type: 'AddStop', tourId: params.tourId, stopId: id, ...rest },
        id,
        creates: true,
        context: async () => ({ wings: await loadWings(bus), programmeIdTaken: false }),
      });
    },
  }),
  commandRoute({
    name: 'RescheduleStop',
    path: '/tours/:tourId/stops/:stopId/reschedule',
    summary: 'Move a stop to another time window',
    body: RescheduleStopBody,
    creates: false,
    permission: 'incharge',
    async run({ params, body, bus, envelope }) {
      return bus.execute({
        ...envelope,
        aggregate: aggregates.tour,
        streamId: streams.tour(params.tourId),
        command: { type: 'RescheduleStop', tourId: params.tourId, stopId: params.stopId, ...body },
        id: params.stopId,
        creates: false,
        context: async () => ({ wings: new Map(), programmeIdTaken: false }),
      });
    },
  }),
  commandRoute({
    name: 'CancelStop',
    path: '/tours/:tourId/stops/:stopId/cancel',
    summary: 'Cancel one stop of a tour',
    body: CancelBody,
    creates: false,
    permission: 'incharge',
    async run({ params, body, bus, envelope }) {
      return bus.execute({
        ...envelope,
        aggregate: aggregates.tour,
        streamId: streams.tour(params.tourId),
        command: { type: 'CancelStop', tourId: params.tourId, stopId: params.stopId, ...body },
        id: params.stopId,
        creates: false,
        context: async () => ({ wings: new Map(), programmeIdTaken: false }),
      });
    },
  }),
  commandRoute({
    name: 'CancelTour',
    path: '/tours/:tourId/cancel',
    summary: 'Cancel a tour',
    body: CancelBody,
    creates: false,
    permission: 'incharge',
    async run({ params, body, bus, envelope }) {
      return bus.execute({
        ...envelope,
        aggregate: aggregates.tour,
        streamId: streams.tour(params.tourId),
        command: { type: 'CancelTour', tourId: params.tourId, ...body },
        id: params.tourId,
        creates: false,
        context: async () => ({ wings: new Map(), programmeIdTaken: false }),
      });
    },
  }),
  commandRoute({
    name: 'ScheduleMeeting',
    path: '/meetings',
    summary: 'Schedule a review or strategy meeting',
    body: ScheduleMeetingBody,
    creates: true,
    permission: 'incharge',
    async run({ body: { id, ...rest }, newId, bus, envelope }) {
      const meetingId = id ?? newId();
      return bus.execute({
        ...envelope,
        aggregate: aggregates.meeting,
        streamId: streams.meeting(meetingId),
        command: { type: 'ScheduleMeeting', meetingId, ...rest },
        id: meetingId,
        creates: true,
        context: async () => ({ programmeIdTaken: (await bus.load(aggregates.tour, streams.tour(meetingId))).version > 0 }),
      });
    },
  }),
  commandRoute({
    name: 'RescheduleMeeting',
    path: '/meetings/:meetingId/reschedule',
    summary: 'Move a meeting (and optionally its venue)',
    body: RescheduleMeetingBody,
    creates: false,
    permission: 'incharge',
    async run({ params, body, bus, envelope }) {
      return bus.execute({
        ...envelope,
        aggregate: aggregates.meeting,
        streamId: streams.meeting(params.meetingId),
        command: { type: 'RescheduleMeeting', meetingId: params.meetingId, ...body },
        id: params.meetingId,
        creates: false,
        context: async () => ({ programmeIdTaken: false }),
      });
    },
  }),
  commandRoute({
    name: 'CancelMeeting',
    path: '/meetings/:meetingId/cancel',
    summary: 'Cancel a meeting',
    body: CancelMeetingBody,
    creates: false,
    permission: 'incharge',
    async run({ params, body, bus, envelope }) {
      return bus.execute({
        ...envelope,
        aggregate: aggregates.meeting,
        streamId: streams.meeting(params.meetingId),
        command: { type: 'CancelMeeting', meetingId: params.meetingId, ...body },
        id: params.meetingId,
        creates: false,
        context: async () => ({ programmeIdTaken: false }),
      });
    },
  }),
  commandRoute({
    name: 'RecordMinutes',
    path: '/meetings/:meetingId/minutes',
    summary: "Record a meeting's decisions and attendance",
    body: RecordMinutesBody,
    creates: false,
    permission: 'incharge',
    async run({ params, body, bus, envelope }) {
      return bus.execute({
        ...envelope,
        aggregate: aggregates.meeting,
        streamId: streams.meeting(params.meetingId),
        command: { type: 'RecordMinutes', meetingId: params.meetingId, ...body },
        id: params.meetingId,
        creates: false,
        context: async () => ({ programmeIdTaken: false }),
      });
    },
  }),
  commandRoute({
    name: 'AssignResponsibility',
    path: '/programmes/:programmeId/responsibilities',
    summary: 'Give a wing a duty for a programme (optionally one stop)',
    body: AssignResponsibilityBody,
    creates: true,
    permission: 'incharge',
    async run({ params, body: { id, ...rest }, newId, bus, envelope }) {
      const responsibilityId = id ?? newId();
      return bus.execute({
        ...envelope,
        aggregate: aggregates.responsibility,
        streamId: streams.responsibility(responsibilityId),
        command: { type: 'AssignResponsibility', responsibilityId, programmeId: params.programmeId, ...rest },
        id: responsibilityId,
        creates: true,
        context: async () => ({ wings: await loadWings(bus), programme: await loadProgramme(bus, params.programmeId) }),
      });
    },
  }),
  commandRoute({
    name: 'AcknowledgeResponsibility',
    path: '/responsibilities/:responsibilityId/acknowledge',
    summary: 'The wing acknowledges a duty given to it',
    body: AcknowledgeResponsibilityBody,
    creates: false,
    permission: 'wing-acknowledge',
    async run(input) {
      const { params, bus, envelope } = input;
      return bus.execute({
        ...envelope,
        aggregate: aggregates.responsibility,
        streamId: streams.responsibility(params.responsibilityId),
        command: { type: 'AcknowledgeResponsibility', responsibilityId: params.responsibilityId },
        id: params.responsibilityId,
        creates: false,
        context: async () => ({ wings: new Map() }),
        authorize: ownWing(input, 'wing-acknowledge'),
      });
    },
  }),
  commandRoute({
    name: 'ReassignResponsibility',
    path: '/responsibilities/:responsibilityId/reassign',
    summary: 'Give a duty to another wing',
    body: ReassignResponsibilityBody,
    creates: false,
    permission: 'incharge',
    async run({ params, body, bus, envelope }) {
      return bus.execute({
        ...envelope,
        aggregate: aggregates.responsibility,
        streamId: streams.responsibility(params.responsibilityId),
        command: { type: 'ReassignResponsibility', responsibilityId: params.responsibilityId, ...body },
        id: params.responsibilityId,
        creates: false,
        context: async () => ({ wings: await loadWings(bus) }),
      });
    },
  }),
  commandRoute({
    name: 'CancelResponsibility',
    path: '/responsibilities/:responsibilityId/cancel',
    summary: 'Withdraw a duty (not in SPEC.md v1; the rules speak of cancelled responsibilities)',
    body: CancelResponsibilityBody,
    creates: false,
    permission: 'incharge',
    async run({ params, body, bus, envelope }) {
      return bus.execute({
        ...envelope,
        aggregate: aggregates.responsibility,
        streamId: streams.responsibility(params.responsibilityId),
        command: { type: 'CancelResponsibility', responsibilityId: params.responsibilityId, ...body },
        id: params.responsibilityId,
        creates: false,
        context: async () => ({ wings: new Map() }),
      });
    },
  }),
  commandRoute({
    name: 'LogTask',
    path: '/tasks',
    summary: 'Log a preparation task for a wing',
    body: LogTaskBody,
    creates: true,
    permission: 'wing-manage',
    async run({ body: { id, ...rest }, newId, bus, envelope, actor }) {
      requireWing(actor, 'wing-manage', rest.wing);
      const taskId = id ?? newId();
      return bus.execute({
        ...envelope,
        aggregate: aggregates.task,
        streamId: streams.task(taskId),
        command: { type: 'LogTask', taskId, ...rest },
        id: taskId,
        creates: true,
        context: async () => {
          const [wings, programme, responsibility] = await Promise.all([
            loadWings(bus),
            loadProgramme(bus, rest.programmeId),
            loadResponsibility(bus, rest.responsibilityId),
          ]);
          return { wings, programme, responsibility };
        },
      });
    },
  }),
  taskRoute('ChangeTaskStatus', 'status', ChangeTaskStatusBody, 'wing-work', 'Move a task to todo, in_progress, blocked (with a reason) or done', (taskId, b) => ({ type: 'ChangeTaskStatus', taskId, ...b })),
  taskRoute('AssignTask', 'assign', AssignTaskBody, 'wing-manage', 'Give a task to a person', (taskId, b) => ({ type: 'AssignTask', taskId, ...b })),
  taskRoute('ChangeTaskDue', 'due', ChangeTaskDueBody, 'wing-work', "Change a task's due time", (taskId, b) => ({ type: 'ChangeTaskDue', taskId, ...b })),
  taskRoute('AddTaskNote', 'notes', AddTaskNoteBody, 'wing-work', 'Add a note to a task', (taskId, b) => ({ type: 'AddTaskNote', taskId, ...b })),
  taskRoute('CancelTask', 'cancel', CancelTaskBody, 'wing-manage', 'Cancel a task (it leaves boards and readiness)', (taskId, b) => ({ type: 'CancelTask', taskId, ...b })),
  commandRoute({
    name: 'RegisterWing',
    path: '/wings',
    summary: 'Register a wing beyond the default catalogue',
    body: RegisterWingBody,
    creates: true,
    permission: 'incharge',
    async run({ body, bus, envelope }) {
      return bus.execute({
        ...envelope,
        aggregate: aggregates.wings,
        streamId: streams.wings(),
        command: { type: 'RegisterWing', ...body },
        id: body.code,
        creates: true,
        context: none,
      });
    },
  }),
];

import { aggregateCommand } from '../application/aggregateCommand';
import { defineAggregate } from '../application/Aggregate';
import type { CommandInput } from '../application/CommandDefinition';
import { param } from '../application/param';
import { CancelMeetingBody, RecordMinutesBody, RescheduleMeetingBody, ScheduleMeetingBody } from './commands';
import { checklistMoves } from '../templates/checklistMoves';
import { meetingDecider, meetingFacts } from './decider';
import { decisionTasks } from './decisionTasks';
import { MeetingEventSchema } from './events';

type Params = Pick<CommandInput<unknown>, 'params'>;

/** For commands that need no fact of another stream. */
const noFacts = async () => ({});

/** A review or strategy meeting: its time, venue, cancellation and minutes. */
export const meetingAggregate = defineAggregate({
  name: 'meeting',
  events: MeetingEventSchema,
  decider: meetingDecider,
  unitsOf: (state, _context, command) => [state.exists ? state.unit : command.type === 'ScheduleMeeting' ? command.unit : undefined],
  commands: (self) => {
    const meeting = ({ params }: Params) => {
      const meetingId = param(params, 'meetingId');
      return { meetingId, streamId: self.stream(meetingId), id: meetingId };
    };
    return [
      aggregateCommand(self, {
        name: 'ScheduleMeeting',
        path: '/meetings',
        summary: 'Schedule a review or strategy meeting',
        body: ScheduleMeetingBody,
        creates: true,
        permission: 'incharge',
        target: ({ body: { id, ...rest }, newId }) => {
          const meetingId = id ?? newId();
          return { streamId: self.stream(meetingId), id: meetingId, command: { type: 'ScheduleMeeting' as const, meetingId, ...rest } };
        },
        context: async ({ facts, body }, t) => ({
          programmeIdTaken: await facts.tourExists(t.id),
          ...(body.unit === undefined ? {} : { units: await facts.unitsKnowing([body.unit]) }),
        }),
      }),
      aggregateCommand(self, {
        name: 'RescheduleMeeting',
        path: '/meetings/:meetingId/reschedule',
        summary: 'Move a meeting (and optionally its venue)',
        body: RescheduleMeetingBody,
        creates: false,
        permission: 'incharge',
        target: (input) => {
          const { streamId, id, meetingId } = meeting(input);
          return { streamId, id, command: { type: 'RescheduleMeeting' as const, meetingId, ...input.body } };
        },
        context: noFacts,
        // The meeting's checklist tasks move with it.
        followUps: async ({ params, bus }) => {
          const meetingId = param(params, 'meetingId');
          const programme = meetingFacts(meetingId, (await bus.load(self, self.stream(meetingId))).state);
          return programme ? checklistMoves(bus, programme) : [];
        },
      }),
      aggregateCommand(self, {
        name: 'CancelMeeting',
        path: '/meetings/:meetingId/cancel',
        summary: 'Cancel a meeting',
        body: CancelMeetingBody,
        creates: false,
        permission: 'incharge',
        target: (input) => {
          const { streamId, id, meetingId } = meeting(input);
          return { streamId, id, command: { type: 'CancelMeeting' as const, meetingId, ...input.body } };
        },
        context: noFacts,
      }),
      aggregateCommand(self, {
        name: 'RecordMinutes',
        path: '/meetings/:meetingId/minutes',
        summary: "Record a meeting's decisions and attendance",
        body: RecordMinutesBody,
        creates: false,
        permission: 'incharge',
        target: (input) => {
          const { streamId, id, meetingId } = meeting(input);
          return { streamId, id, command: { type: 'RecordMinutes' as const, meetingId, ...input.body } };
        },
        context: async ({ facts, body }) => {
          const objects = body.decisions.filter((d) => typeof d !== 'string');
          const ids = [...new Set(objects.flatMap((d) => (d.assignee !== undefined && typeof d.assignee !== 'string' ? [d.assignee.personId] : [])))];
          const [wings, found] = await Promise.all([facts.wingsKnowing(objects.map((d) => d.wing)), Promise.all(ids.map((id) => facts.person(id)))]);
          const people = new Map(ids.map((id, i) => [id, found[i]?.exists ? { name: found[i].name } : undefined]));
          return { wings, people };
        },
        // Each decision for a wing becomes that wing's task (its id derived from the minutes).
        followUps: async ({ params, answer, bus }) => {
          const meetingId = param(params, 'meetingId');
          const event = await bus.eventAt(self, self.stream(meetingId), answer.version);
          return event?.type === 'MinutesRecorded' ? decisionTasks(meetingId, event.data.decisions) : [];
        },
      }),
    ];
  },
});

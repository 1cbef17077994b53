import { aggregateCommand } from '../application/aggregateCommand';
import { defineAggregate } from '../application/Aggregate';
import type { CommandInput } from '../application/CommandDefinition';
import { param } from '../application/param';
import { AddStopBody, CancelBody, PlanTourBody, RescheduleStopBody } from './commands';
import { checklistMoves } from '../templates/checklistMoves';
import { tourDecider, tourFacts } from './decider';
import { TourEventSchema } from './events';

type Params = Pick<CommandInput<unknown>, 'params'>;

/** For commands that need no fact of another stream. */
const noFacts = async () => ({});

/** A leader's tour: its stops, their times and cancellations. */
export const tourAggregate = defineAggregate({
  name: 'tour',
  events: TourEventSchema,
  decider: tourDecider,
  // A new tour's unit is the one it names; afterwards, the one it has.
  unitsOf: (state, _context, command) => [state.exists ? state.unit : command.type === 'PlanTour' ? command.unit : undefined],
  commands: (self) => {
    const tour = ({ params }: Params) => {
      const tourId = param(params, 'tourId');
      return { tourId, streamId: self.stream(tourId) };
    };
    const stop = ({ params }: Params) => {
      const { tourId, streamId } = tour({ params });
      const stopId = param(params, 'stopId');
      return { tourId, streamId, stopId, id: stopId };
    };
    return [
      aggregateCommand(self, {
        name: 'PlanTour',
        path: '/tours',
        summary: "Plan a leader's tour",
        body: PlanTourBody,
        creates: true,
        permission: 'incharge',
        target: ({ body: { id, ...rest }, newId }) => {
          const tourId = id ?? newId();
          return { streamId: self.stream(tourId), id: tourId, command: { type: 'PlanTour' as const, tourId, ...rest } };
        },
        // Tours and meetings share programme ids.
        context: async ({ facts, body }, t) => ({
          programmeIdTaken: await facts.meetingExists(t.id),
          ...(body.unit === undefined ? {} : { units: await facts.unitsKnowing([body.unit]) }),
        }),
      }),
      aggregateCommand(self, {
        name: 'AddStop',
        path: '/tours/:tourId/stops',
        summary: 'Add a stop to a tour',
        body: AddStopBody,
        creates: true,
        permission: 'incharge',
        target: (input) => {
          const { stopId, ...rest } = input.body;
          const id = stopId ?? input.newId();
          const { tourId, streamId } = tour(input);
          return { streamId, id, command: { type: 'AddStop' as const, tourId, stopId: id, ...rest } };
        },
        // The catalogue matters only when the stop names a host wing.
        context: async ({ facts, body }) => (body.hostWing === undefined ? {} : { wings: await facts.wingsKnowing([body.hostWing]) }),
      }),
      aggregateCommand(self, {
        name: 'RescheduleStop',
        path: '/tours/:tourId/stops/:stopId/reschedule',
        summary: 'Move a stop to another time window',
        body: RescheduleStopBody,
        creates: false,
        permission: 'incharge',
        target: (input) => {
          const { streamId, id, tourId, stopId } = stop(input);
          return { streamId, id, command: { type: 'RescheduleStop' as const, tourId, stopId, ...input.body } };
        },
        context: noFacts,
        // The checklist tasks of the stop (and of the visit, when it is the first stop) move with it.
        followUps: async ({ params, bus }) => {
          const tourId = param(params, 'tourId');
          const programme = tourFacts(tourId, (await bus.load(self, self.stream(tourId))).state);
          return programme ? checklistMoves(bus, programme, param(params, 'stopId')) : [];
        },
      }),
      aggregateCommand(self, {
        name: 'CancelStop',
        path: '/tours/:tourId/stops/:stopId/cancel',
        summary: 'Cancel one stop of a tour',
        body: CancelBody,
        creates: false,
        permission: 'incharge',
        target: (input) => {
          const { streamId, id, tourId, stopId } = stop(input);
          return { streamId, id, command: { type: 'CancelStop' as const, tourId, stopId, ...input.body } };
        },
        context: noFacts,
      }),
      aggregateCommand(self, {
        name: 'CancelTour',
        path: '/tours/:tourId/cancel',
        summary: 'Cancel a tour',
        body: CancelBody,
        creates: false,
        permission: 'incharge',
        target: (input) => {
          const { streamId, tourId } = tour(input);
          return { streamId, id: tourId, command: { type: 'CancelTour' as const, tourId, ...input.body } };
        },
        context: noFacts,
      }),
    ];
  },
});

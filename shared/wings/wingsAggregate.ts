import { aggregateCommand } from '../application/aggregateCommand';
import { defineAggregate } from '../application/Aggregate';
import { RegisterWingBody } from './commands';
import { wingsDecider } from './decider';
import { WingEventSchema } from './events';

/** One stream holds the whole catalogue: `wings-catalogue`. */
export const CATALOGUE_STREAM_ID = 'catalogue';

/** The wing catalogue beyond the default wings. */
export const wingsAggregate = defineAggregate({
  name: 'wings',
  events: WingEventSchema,
  decider: wingsDecider,
  commands: (self) => [
    aggregateCommand(self, {
      name: 'RegisterWing',
      path: '/wings',
      summary: 'Register a wing beyond the default catalogue',
      body: RegisterWingBody,
      creates: true,
      permission: 'incharge',
      target: ({ body }) => ({ streamId: self.stream(CATALOGUE_STREAM_ID), id: body.code, command: { type: 'RegisterWing' as const, ...body } }),
      context: async () => undefined,
    }),
  ],
});

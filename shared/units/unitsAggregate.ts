import { aggregateCommand } from '../application/aggregateCommand';
import { defineAggregate } from '../application/Aggregate';
import { RegisterUnitBody } from './commands';
import { unitsDecider } from './decider';
import { UnitEventSchema } from './events';

/** One stream holds the whole catalogue: `units-catalogue`. */
export const UNITS_STREAM_ID = 'catalogue';

/** The organisation's units (state → district → block or city) beyond the default catalogue. */
export const unitsAggregate = defineAggregate({
  name: 'units',
  events: UnitEventSchema,
  decider: unitsDecider,
  // A new unit sits under its parent: that parent must be within the actor's unit.
  unitsOf: (_state, _context, command) => [command.parent],
  commands: (self) => [
    aggregateCommand(self, {
      name: 'RegisterUnit',
      path: '/units',
      summary: 'Register a unit (district, block or city) beyond the default catalogue',
      body: RegisterUnitBody,
      creates: true,
      permission: 'incharge',
      target: ({ body }) => ({ streamId: self.stream(UNITS_STREAM_ID), id: body.code, command: { type: 'RegisterUnit' as const, ...body } }),
      context: async () => undefined,
    }),
  ],
});

import { aggregateCommand } from '../application/aggregateCommand';
import { defineAggregate } from '../application/Aggregate';
import type { CommandInput } from '../application/CommandDefinition';
import { ownProgramme, programmeOf } from '../application/ownProgramme';
import { ownWing } from '../application/ownWing';
import { param } from '../application/param';
import { AcknowledgeResponsibilityBody, AssignResponsibilityBody, CancelResponsibilityBody, ReassignResponsibilityBody } from './commands';
import { responsibilityDecider } from './decider';
import { ResponsibilityEventSchema } from './events';

type Params = Pick<CommandInput<unknown>, 'params'>;

/** A duty given to a wing for a programme (or one of its stops). */
export const responsibilityAggregate = defineAggregate({
  name: 'responsibility',
  events: ResponsibilityEventSchema,
  decider: responsibilityDecider,
  unitsOf: (_state, context) => [context.programme?.unit],
  commands: (self) => {
    const responsibility = ({ params }: Params) => {
      const responsibilityId = param(params, 'responsibilityId');
      return { responsibilityId, streamId: self.stream(responsibilityId), id: responsibilityId };
    };
    return [
      aggregateCommand(self, {
        name: 'AssignResponsibility',
        path: '/programmes/:programmeId/responsibilities',
        summary: 'Give a wing a duty for a programme (optionally one stop)',
        body: AssignResponsibilityBody,
        creates: true,
        permission: 'incharge',
        target: ({ params, body: { id, ...rest }, newId }) => {
          const responsibilityId = id ?? newId();
          const command = { type: 'AssignResponsibility' as const, responsibilityId, programmeId: param(params, 'programmeId'), ...rest };
          return { streamId: self.stream(responsibilityId), id: responsibilityId, command };
        },
        context: async ({ facts, params, body }) => {
          const [wings, programme] = await Promise.all([facts.wingsKnowing([body.wing]), facts.programme(param(params, 'programmeId'))]);
          return { wings, programme };
        },
      }),
      aggregateCommand(self, {
        name: 'AcknowledgeResponsibility',
        path: '/responsibilities/:responsibilityId/acknowledge',
        summary: 'The wing acknowledges a duty given to it',
        body: AcknowledgeResponsibilityBody,
        creates: false,
        permission: 'wing-acknowledge',
        target: (input) => {
          const { streamId, id, responsibilityId } = responsibility(input);
          return { streamId, id, command: { type: 'AcknowledgeResponsibility' as const, responsibilityId } };
        },
        context: ownProgramme,
        authorize: ownWing('wing-acknowledge'),
      }),
      aggregateCommand(self, {
        name: 'ReassignResponsibility',
        path: '/responsibilities/:responsibilityId/reassign',
        summary: 'Give a duty to another wing',
        body: ReassignResponsibilityBody,
        creates: false,
        permission: 'incharge',
        target: (input) => {
          const { streamId, id, responsibilityId } = responsibility(input);
          return { streamId, id, command: { type: 'ReassignResponsibility' as const, responsibilityId, ...input.body } };
        },
        context: async ({ facts, body }, _t, state) => {
          const [wings, programme] = await Promise.all([facts.wingsKnowing([body.wing]), programmeOf(facts, state)]);
          return { wings, programme };
        },
      }),
      aggregateCommand(self, {
        name: 'CancelResponsibility',
        path: '/responsibilities/:responsibilityId/cancel',
        summary: 'Withdraw a duty (an addition to SPEC.md v1, whose rules speak of cancelled responsibilities)',
        body: CancelResponsibilityBody,
        creates: false,
        permission: 'incharge',
        target: (input) => {
          const { streamId, id, responsibilityId } = responsibility(input);
          return { streamId, id, command: { type: 'CancelResponsibility' as const, responsibilityId, ...input.body } };
        },
        context: ownProgramme,
      }),
    ];
  },
});

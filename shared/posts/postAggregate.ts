import { aggregateCommand } from '../application/aggregateCommand';
import { defineAggregate } from '../application/Aggregate';
import type { CommandInput } from '../application/CommandDefinition';
import { param } from '../application/param';
import { AppointBody, CreatePostBody, DeclineNominationBody, NominationNoteBody, VacatePostBody, WithdrawNominationBody } from './commands';
import { postDecider } from './decider';
import { PostEventSchema } from './events';
import { nominationCommand, proposeCommand } from './nominationCommand';

type Params = Pick<CommandInput<unknown>, 'params'>;

/** For commands that need no fact of another stream. */
const noFacts = async () => ({});

/**
 * An organisational post (SPEC v2) and its nominations, in one stream `post-<id>`: appointing one
 * nominee closes the others in the same append, and a proposal cannot slip into a filled post.
 */
export const postAggregate = defineAggregate({
  name: 'post',
  events: PostEventSchema,
  decider: postDecider,
  unitsOf: (state, _context, command) => [state.exists ? state.unit : command.type === 'CreatePost' ? command.unit : undefined],
  commands: (self) => {
    const post = ({ params }: Params) => {
      const postId = param(params, 'postId');
      return { postId, streamId: self.stream(postId), id: postId };
    };
    return [
      aggregateCommand(self, {
        name: 'CreatePost',
        path: '/posts',
        summary: 'Create an organisational post of a unit (and optionally a wing); it starts vacant',
        body: CreatePostBody,
        creates: true,
        permission: 'incharge',
        target: ({ body: { id, ...rest }, newId }) => {
          const postId = id ?? newId();
          return { streamId: self.stream(postId), id: postId, command: { type: 'CreatePost' as const, postId, ...rest } };
        },
        context: async ({ facts, body }) => ({
          units: await facts.unitsKnowing([body.unit]),
          ...(body.wing === undefined ? {} : { wings: await facts.wingsKnowing([body.wing]) }),
        }),
      }),
      proposeCommand(self),
      nominationCommand(self, {
        name: 'RecommendNomination',
        path: '/nominations/:nominationId/recommend',
        summary: "Recommend a proposed nominee (a wing-lead, within its wing's posts)",
        body: NominationNoteBody,
        creates: false,
        permission: 'wing-nominate',
        command: (ref, body) => ({ type: 'RecommendNomination', ...ref, ...body }),
      }),
      nominationCommand(self, {
        name: 'ApproveNomination',
        path: '/nominations/:nominationId/approve',
        summary: 'Approve a recommended nominee',
        body: NominationNoteBody,
        creates: false,
        permission: 'incharge',
        command: (ref, body) => ({ type: 'ApproveNomination', ...ref, ...body }),
      }),
      nominationCommand(self, {
        name: 'DeclineNomination',
        path: '/nominations/:nominationId/decline',
        summary: 'Decline a nomination at any stage before appointment',
        body: DeclineNominationBody,
        creates: false,
        permission: 'incharge',
        command: (ref, body) => ({ type: 'DeclineNomination', ...ref, ...body }),
      }),
      nominationCommand(self, {
        name: 'WithdrawNomination',
        path: '/nominations/:nominationId/withdraw',
        summary: 'Withdraw a nomination at any stage before appointment',
        body: WithdrawNominationBody,
        creates: false,
        permission: 'incharge',
        command: (ref, body) => ({ type: 'WithdrawNomination', ...ref, ...body }),
      }),
      aggregateCommand(self, {
        name: 'Appoint',
        path: '/posts/:postId/appoint',
        summary: "Appoint an approved nominee; the post's other open nominations are closed",
        body: AppointBody,
        creates: false,
        permission: 'incharge',
        target: (input) => {
          const { streamId, id, postId } = post(input);
          return { streamId, id, command: { type: 'Appoint' as const, postId, ...input.body } };
        },
        context: noFacts,
      }),
      aggregateCommand(self, {
        name: 'VacatePost',
        path: '/posts/:postId/vacate',
        summary: 'Vacate a filled post; it takes nominations again',
        body: VacatePostBody,
        creates: false,
        permission: 'incharge',
        target: (input) => {
          const { streamId, id, postId } = post(input);
          return { streamId, id, command: { type: 'VacatePost' as const, postId, ...input.body } };
        },
        context: noFacts,
      }),
    ];
  },
});

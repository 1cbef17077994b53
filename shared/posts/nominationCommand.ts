import type { z } from 'zod';
import { requireRole, requireWing, type Permission } from '../access/policy';
import type { Aggregate } from '../application/Aggregate';
import type { CommandBus } from '../application/CommandBus';
import { defineCommand, type CommandDefinition, type CommandFields } from '../application/CommandDefinition';
import { param } from '../application/param';
import type { Actor } from '../common/actor';
import { ConcurrencyError, NotFound } from '../common/errors';
import { ProposeNomineeBody, type NominationCommand, type PostCommand, type ProposeNominee } from './commands';
import type { PostContext, PostState } from './decider';
import type { PostEvent } from './events';
import { nominationAggregate } from './nominationAggregate';

type PostAggregate = Aggregate<PostCommand, PostEvent, PostState, PostContext>;

/**
 * Object-level permission on a post: wing-leads act only on their own wing's posts, and a post of no
 * wing is the in-charges' alone (`may` would let any wing-lead act on a thing of no wing).
 */
export const onOwnPost =
  (actor: Actor, permission: Permission) =>
  (state: PostState): void => {
    if (!state.exists) return;
    if (state.wing === undefined) requireRole(actor, 'incharge');
    else requireWing(actor, permission, state.wing);
  };

/** The post a nomination lives in, from its link stream (which never changes once written). */
async function postOf(bus: CommandBus, nominationId: string): Promise<string> {
  const link = await bus.load(nominationAggregate, nominationAggregate.stream(nominationId));
  if (!link.state.exists) throw new NotFound('nomination-not-found', `nomination ${nominationId} does not exist`);
  return link.state.postId;
}

/** A command on one nomination, reached by its id alone (`/nominations/:nominationId/…`): decided on its post's stream. */
export function nominationCommand<Body extends z.ZodType>(
  post: PostAggregate,
  def: CommandFields<Body> & { command(ref: { postId: string; nominationId: string }, body: z.output<Body>): NominationCommand },
): CommandDefinition {
  const { command, ...fields } = def;
  return defineCommand({
    ...fields,
    async run(input) {
      const nominationId = param(input.params, 'nominationId');
      const postId = await postOf(input.bus, nominationId);
      return input.bus.execute({
        ...input.envelope,
        aggregate: post,
        streamId: post.stream(postId),
        id: nominationId,
        command: command({ postId, nominationId }, input.body),
        creates: false,
        context: async () => ({}),
        authorize: onOwnPost(input.actor, fields.permission),
      });
    },
  });
}

/**
 * POST /posts/:postId/nominations. Two appends: the id's link stream (so that the id is unique across
 * posts and findable), then the proposal in the post's stream. The post's decision is tried on its
 * current state before the link is filed, so a refused proposal files nothing; a proposal refused
 * between the two (the post was filled meanwhile) leaves a link to its post only, which a new
 * proposal of that id for that post reuses.
 */
export function proposeCommand(post: PostAggregate): CommandDefinition {
  return defineCommand({
    name: 'ProposeNominee',
    path: '/posts/:postId/nominations',
    summary: "Propose a nominee for a vacant post (a wing-lead, for its wing's posts)",
    body: ProposeNomineeBody,
    creates: true,
    permission: 'wing-nominate',
    async run(input) {
      const postId = param(input.params, 'postId');
      const { id, ...rest } = input.body;
      const nominationId = id ?? input.newId();
      const command: ProposeNominee = { type: 'ProposeNominee', postId, nominationId, ...rest };
      const authorize = onOwnPost(input.actor, 'wing-nominate');
      const { ifMatch, meta } = input.envelope;
      await input.bus.execute({
        aggregate: nominationAggregate,
        streamId: nominationAggregate.stream(nominationId),
        id: nominationId,
        creates: true,
        command: { type: 'FileNomination', postId, nominationId },
        // Event ids derive from the command id: the link's must differ from the proposal's.
        meta: { ...meta, commandId: `${meta.commandId}-filed` },
        context: async () => {
          const current = await input.bus.load(post, post.stream(postId));
          if (ifMatch !== undefined && ifMatch !== current.version) throw new ConcurrencyError(post.stream(postId), String(ifMatch), String(current.version));
          authorize(current.state);
          post.decider.decide(command, current.state, {});
        },
      });
      return input.bus.execute({
        ...input.envelope,
        aggregate: post,
        streamId: post.stream(postId),
        id: nominationId,
        command,
        creates: true,
        context: async () => ({}),
        authorize,
      });
    },
  });
}

import type { Decider } from '../common/decider';
import { NotFound, RuleViolation } from '../common/errors';
import { fact } from '../common/fact';
import { requireKnownUnit, requireKnownWing } from '../common/programme';
import { OPEN_STAGES, type NominationStage } from '../contract/nominationStages';
import { STAGE_AFTER } from './stageAfter';
import type { UnitsState } from '../units/decider';
import type { WingsState } from '../wings/decider';
import type { NominationCommand, PostCommand } from './commands';
import type { PostEvent } from './events';

export interface NominationState {
  nominee: string;
  stage: NominationStage;
}

/** A post and its nominations: they share one stream, so that appointing one closes the others at once. */
export type PostState =
  | { exists: false }
  | { exists: true; unit: string; wing: string | undefined; holder: string | undefined; nominations: ReadonlyMap<string, NominationState> };
type LivePost = Extract<PostState, { exists: true }>;

export interface PostContext {
  /** CreatePost: the unit catalogue. */
  units?: UnitsState;
  /** CreatePost naming a wing: the wing catalogue. */
  wings?: WingsState;
}

const isOpen = (stage: NominationStage) => OPEN_STAGES.includes(stage);

function requirePost(state: PostState, postId: string): LivePost {
  if (!state.exists) throw new NotFound('post-not-found', `post ${postId} does not exist`);
  return state;
}

function requireNomination(post: LivePost, postId: string, nominationId: string): NominationState {
  const nomination = post.nominations.get(nominationId);
  if (!nomination) throw new NotFound('nomination-not-found', `nomination ${nominationId} is not one of post ${postId}`);
  return nomination;
}

/** A nomination that has left the pipeline (appointed, declined, withdrawn, closed, vacated) changes no more. */
function requireOpen(nomination: NominationState, nominationId: string): void {
  if (nomination.stage === 'appointed') throw new RuleViolation('nomination-appointed', `nomination ${nominationId} was appointed; vacate the post instead`);
  if (!isOpen(nomination.stage)) throw new RuleViolation('nomination-closed', `nomination ${nominationId} is ${nomination.stage}`);
}

/** Recommend, approve, decline, withdraw: one step of one nomination; asking for the stage it has changes nothing. */
function step(command: NominationCommand, nomination: NominationState): PostEvent[] {
  const ref = { postId: command.postId, nominationId: command.nominationId };
  const withNote = (note: string | undefined) => (note === undefined ? ref : { ...ref, note });
  switch (command.type) {
    case 'RecommendNomination':
      if (nomination.stage === 'recommended') return [];
      requireOpen(nomination, command.nominationId);
      if (nomination.stage !== 'proposed') throw new RuleViolation('nomination-already-approved', `nomination ${command.nominationId} is approved already`);
      return [{ type: 'NominationRecommended', data: withNote(command.note) }];
    case 'ApproveNomination':
      if (nomination.stage === 'approved') return [];
      requireOpen(nomination, command.nominationId);
      if (nomination.stage !== 'recommended')
        throw new RuleViolation('nomination-not-recommended', `nomination ${command.nominationId} must be recommended first`);
      return [{ type: 'NominationApproved', data: withNote(command.note) }];
    case 'DeclineNomination':
      if (nomination.stage === 'declined') return [];
      requireOpen(nomination, command.nominationId);
      return [{ type: 'NominationDeclined', data: { ...ref, reason: command.reason } }];
    case 'WithdrawNomination':
      if (nomination.stage === 'withdrawn') return [];
      requireOpen(nomination, command.nominationId);
      return [{ type: 'NominationWithdrawn', data: command.reason === undefined ? ref : { ...ref, reason: command.reason } }];
  }
}

export const postDecider: Decider<PostCommand, PostEvent, PostState, PostContext> = {
  initialState: { exists: false },

  decide(command, state, context) {
    switch (command.type) {
      case 'CreatePost': {
        requireKnownUnit(fact(context.units, 'units'), command.unit);
        if (command.wing !== undefined) requireKnownWing(fact(context.wings, 'wings'), command.wing);
        if (state.exists) throw new RuleViolation('id-taken', `post ${command.postId} exists`);
        const { type: _type, ...data } = command;
        return [{ type: 'PostCreated', data }];
      }
      case 'ProposeNominee': {
        const post = requirePost(state, command.postId);
        if (post.holder !== undefined) throw new RuleViolation('post-filled', `post ${command.postId} is filled; vacate it first`);
        if (post.nominations.has(command.nominationId)) throw new RuleViolation('id-taken', `nomination ${command.nominationId} exists`);
        const { type: _type, ...data } = command;
        return [{ type: 'NomineeProposed', data }];
      }
      case 'Appoint': {
        const post = requirePost(state, command.postId);
        const nomination = requireNomination(post, command.postId, command.nominationId);
        if (post.holder === command.nominationId) return [];
        if (post.holder !== undefined) throw new RuleViolation('post-filled', `post ${command.postId} is filled; vacate it first`);
        requireOpen(nomination, command.nominationId);
        if (nomination.stage !== 'approved') throw new RuleViolation('nomination-not-approved', `only an approved nomination can be appointed`);
        const ref = { postId: command.postId, nominationId: command.nominationId };
        const others = [...post.nominations].filter(([id, other]) => id !== command.nominationId && isOpen(other.stage));
        return [
          { type: 'PostFilled', data: { ...ref, nominee: nomination.nominee } },
          ...others.map(
            ([id]): PostEvent => ({ type: 'NominationClosed', data: { postId: command.postId, nominationId: id, appointed: command.nominationId } }),
          ),
        ];
      }
      case 'VacatePost': {
        const post = requirePost(state, command.postId);
        if (post.holder === undefined) throw new RuleViolation('post-vacant', `post ${command.postId} is vacant`);
        return [{ type: 'PostVacated', data: { postId: command.postId, nominationId: post.holder, reason: command.reason } }];
      }
      default: {
        const post = requirePost(state, command.postId);
        return step(command, requireNomination(post, command.postId, command.nominationId));
      }
    }
  },

  evolve(state, event) {
    if (event.type === 'PostCreated') return { exists: true, unit: event.data.unit, wing: event.data.wing, holder: undefined, nominations: new Map() };
    if (!state.exists) return state;
    const { nominationId } = event.data;
    const staged = (stage: NominationStage) => {
      const nomination = state.nominations.get(nominationId);
      return nomination ? new Map(state.nominations).set(nominationId, { ...nomination, stage }) : state.nominations;
    };
    const stage = STAGE_AFTER[event.type];
    switch (event.type) {
      case 'NomineeProposed':
        return { ...state, nominations: new Map(state.nominations).set(nominationId, { nominee: event.data.nominee, stage }) };
      case 'PostFilled':
        return { ...state, holder: nominationId, nominations: staged(stage) };
      case 'PostVacated':
        return { ...state, holder: undefined, nominations: staged(stage) };
      default:
        return { ...state, nominations: staged(stage) };
    }
  },
};

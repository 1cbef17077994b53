import type { Decider } from '../common/decider';
import { RuleViolation } from '../common/errors';
import type { FileNomination } from './commands';
import type { NominationLinkEvent } from './events';

export type NominationLinkState = { exists: false } | { exists: true; postId: string };

/**
 * A nomination id names one post for good. Filing it again for the same post changes nothing: a
 * proposal whose second append (to the post) failed is simply proposed again.
 */
export const nominationLinkDecider: Decider<FileNomination, NominationLinkEvent, NominationLinkState> = {
  initialState: { exists: false },
  decide(command, state) {
    if (!state.exists) return [{ type: 'NominationFiled', data: { postId: command.postId, nominationId: command.nominationId } }];
    if (state.postId === command.postId) return [];
    throw new RuleViolation('id-taken', `nomination ${command.nominationId} exists (for another post)`);
  },
  evolve(_state, event) {
    return { exists: true, postId: event.data.postId };
  },
};

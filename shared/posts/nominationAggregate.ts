import { defineAggregate } from '../application/Aggregate';
import { NominationLinkEventSchema } from './events';
import { nominationLinkDecider } from './nominationLink';

/**
 * `nomination-<id>`: which post a nomination lives in (its stages live in the post's stream). Its
 * commands are the post's (postAggregate.ts), which file the link before proposing.
 */
export const nominationAggregate = defineAggregate({
  name: 'nomination',
  events: NominationLinkEventSchema,
  decider: nominationLinkDecider,
  commands: () => [],
});

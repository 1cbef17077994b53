import { deciderSpec } from '../common/deciderSpec';
import { RuleViolation } from '../common/errors';
import type { FileNomination } from './commands';
import { NominationLinkEventSchema, type NominationLinkEvent } from './events';
import { nominationLinkDecider } from './nominationLink';

const spec = deciderSpec(nominationLinkDecider, { events: NominationLinkEventSchema });
const file = (postId: string): FileNomination => ({ type: 'FileNomination', postId, nominationId: 'n1' });
const filed = (postId: string): NominationLinkEvent => ({ type: 'NominationFiled', data: { postId, nominationId: 'n1' } });

describe('FileNomination', () => {
  it('links a new nomination id to its post', () => {
    spec
      .given([])
      .when(file('p1'))
      .then([filed('p1')]);
  });

  it('changes nothing when filed again for the same post (a proposal tried again)', () => {
    spec
      .given([filed('p1')])
      .when(file('p1'))
      .thenNothing();
  });

  it('refuses an id filed for another post: nomination ids are unique across posts', () => {
    spec
      .given([filed('p1')])
      .when(file('p2'))
      .thenThrows(RuleViolation, 'id-taken');
  });
});

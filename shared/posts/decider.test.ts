import { deciderSpec } from '../common/deciderSpec';
import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import { unitsDecider } from '../units/decider';
import { wingsDecider } from '../wings/decider';
import type { CreatePost, PostCommand } from './commands';
import { postDecider, type PostContext } from './decider';
import { PostEventSchema, type PostEvent } from './events';

const context: PostContext = { units: unitsDecider.initialState, wings: wingsDecider.initialState };
const spec = deciderSpec(postDecider, { context, events: PostEventSchema });

const postId = 'bastar-adivasi-president';
const title = { en: 'District president, Tribal wing, Bastar', hi: 'ज़िला अध्यक्ष, आदिवासी कांग्रेस, बस्तर' };
const create: CreatePost = { type: 'CreatePost', postId, unit: 'cg-bastar', wing: 'adivasi', title };
const created: PostEvent = { type: 'PostCreated', data: { postId, unit: 'cg-bastar', wing: 'adivasi', title } };

const ref = (nominationId: string) => ({ postId, nominationId });
const proposed = (id: string, nominee = `Nominee ${id}`): PostEvent => ({
  type: 'NomineeProposed',
  data: { ...ref(id), nominee, proposedBy: 'Block president, Jagdalpur' },
});
const recommended = (id: string): PostEvent => ({ type: 'NominationRecommended', data: ref(id) });
const approved = (id: string): PostEvent => ({ type: 'NominationApproved', data: ref(id) });
const declined = (id: string): PostEvent => ({ type: 'NominationDeclined', data: { ...ref(id), reason: 'not a member' } });
const withdrawn = (id: string): PostEvent => ({ type: 'NominationWithdrawn', data: ref(id) });
const filled = (id: string): PostEvent => ({ type: 'PostFilled', data: { ...ref(id), nominee: `Nominee ${id}` } });
const closed = (id: string, appointed: string): PostEvent => ({ type: 'NominationClosed', data: { ...ref(id), appointed } });
const vacated = (id: string): PostEvent => ({ type: 'PostVacated', data: { ...ref(id), reason: 'resigned' } });

const propose = (id: string): PostCommand => ({ type: 'ProposeNominee', ...ref(id), nominee: `Nominee ${id}`, proposedBy: 'Block president, Jagdalpur' });
const recommend = (id: string): PostCommand => ({ type: 'RecommendNomination', ...ref(id) });
const approve = (id: string): PostCommand => ({ type: 'ApproveNomination', ...ref(id) });
const decline = (id: string): PostCommand => ({ type: 'DeclineNomination', ...ref(id), reason: 'not a member' });
const withdraw = (id: string): PostCommand => ({ type: 'WithdrawNomination', ...ref(id) });
const appoint = (nominationId: string): PostCommand => ({ type: 'Appoint', postId, nominationId });
const vacate: PostCommand = { type: 'VacatePost', postId, reason: 'resigned' };

/** A post with nomination `a` approved. */
const withApproved = [created, proposed('a'), recommended('a'), approved('a')];

describe('CreatePost', () => {
  it('creates a vacant post of a unit and a wing', () => {
    spec.given([]).when(create).then([created]);
  });

  it('creates a post of no wing', () => {
    const { wing: _wing, ...plain } = create;
    const { wing: _w, ...data } = created.data as Extract<PostEvent, { type: 'PostCreated' }>['data'];
    spec
      .given([])
      .when(plain)
      .then([{ type: 'PostCreated', data }]);
  });

  it('refuses a unit that is not in the catalogue (400)', () => {
    const error = spec
      .given([])
      .when({ ...create, unit: 'cg-nowhere' })
      .thenThrows(InvalidCommand, 'unknown-unit');
    expect(error.path).toEqual(['unit']);
  });

  it('refuses a wing that is not in the catalogue (400)', () => {
    spec
      .given([])
      .when({ ...create, wing: 'no-such-wing' })
      .thenThrows(InvalidCommand, 'unknown-wing');
  });

  it('refuses an id a post already has', () => {
    spec.given([created]).when(create).thenThrows(RuleViolation, 'id-taken');
  });
});

describe('ProposeNominee', () => {
  it('proposes a nominee for a vacant post', () => {
    spec
      .given([created])
      .when(propose('a'))
      .then([proposed('a')]);
  });

  it('keeps a note', () => {
    spec
      .given([created])
      .when({ ...propose('a'), note: 'सक्रिय कार्यकर्ता' } as PostCommand)
      .then([{ type: 'NomineeProposed', data: { ...ref('a'), nominee: 'Nominee a', proposedBy: 'Block president, Jagdalpur', note: 'सक्रिय कार्यकर्ता' } }]);
  });

  it('refuses a post that does not exist', () => {
    spec.given([]).when(propose('a')).thenThrows(NotFound, 'post-not-found');
  });

  it('refuses a nomination id the post has', () => {
    spec
      .given([created, proposed('a')])
      .when(propose('a'))
      .thenThrows(RuleViolation, 'id-taken');
  });

  it('refuses a filled post, and takes nominations again once it is vacated', () => {
    const appointed = [...withApproved, filled('a')];
    spec.given(appointed).when(propose('b')).thenThrows(RuleViolation, 'post-filled');
    spec
      .given([...appointed, vacated('a')])
      .when(propose('b'))
      .then([proposed('b')]);
  });
});

describe('the stages: proposed → recommended → approved', () => {
  it('recommends a proposed nomination, then approves it', () => {
    spec
      .given([created, proposed('a')])
      .when(recommend('a'))
      .then([recommended('a')]);
    spec
      .given([created, proposed('a'), recommended('a')])
      .when(approve('a'))
      .then([approved('a')]);
  });

  it('keeps a note with a recommendation', () => {
    spec
      .given([created, proposed('a')])
      .when({ ...recommend('a'), note: 'the block agrees' } as PostCommand)
      .then([{ type: 'NominationRecommended', data: { ...ref('a'), note: 'the block agrees' } }]);
  });

  it('changes nothing when asked for the stage it has', () => {
    spec
      .given([created, proposed('a'), recommended('a')])
      .when(recommend('a'))
      .thenNothing();
    spec.given(withApproved).when(approve('a')).thenNothing();
  });

  it('refuses to approve a nomination not yet recommended', () => {
    spec
      .given([created, proposed('a')])
      .when(approve('a'))
      .thenThrows(RuleViolation, 'nomination-not-recommended');
  });

  it('refuses to recommend an approved nomination (stages do not go back)', () => {
    spec.given(withApproved).when(recommend('a')).thenThrows(RuleViolation, 'nomination-already-approved');
  });

  it.each<[string, (id: string) => PostCommand]>([
    ['recommend', recommend],
    ['approve', approve],
    ['decline', decline],
    ['withdraw', withdraw],
  ])('refuses to %s a nomination the post does not have (404), or on a post that does not exist', (_name, command) => {
    spec.given([created]).when(command('x')).thenThrows(NotFound, 'nomination-not-found');
    spec.given([]).when(command('x')).thenThrows(NotFound, 'post-not-found');
  });
});

describe('declined or withdrawn at any stage before appointment', () => {
  const stages: [string, PostEvent[]][] = [
    ['proposed', [created, proposed('a')]],
    ['recommended', [created, proposed('a'), recommended('a')]],
    ['approved', withApproved],
  ];

  it.each(stages)('declines a %s nomination', (_stage, given) => {
    spec
      .given(given)
      .when(decline('a'))
      .then([declined('a')]);
  });

  it.each(stages)('withdraws a %s nomination, with or without a reason', (_stage, given) => {
    spec
      .given(given)
      .when(withdraw('a'))
      .then([withdrawn('a')]);
    spec
      .given(given)
      .when({ ...withdraw('a'), reason: 'moved to Raipur' } as PostCommand)
      .then([{ type: 'NominationWithdrawn', data: { ...ref('a'), reason: 'moved to Raipur' } }]);
  });

  it('changes nothing when declined twice or withdrawn twice', () => {
    spec
      .given([created, proposed('a'), declined('a')])
      .when(decline('a'))
      .thenNothing();
    spec
      .given([created, proposed('a'), withdrawn('a')])
      .when(withdraw('a'))
      .thenNothing();
  });

  it.each<[string, (id: string) => PostCommand]>([
    ['recommend', recommend],
    ['approve', approve],
    ['decline', decline],
    ['withdraw', withdraw],
  ])('refuses to %s an appointed nomination', (_name, command) => {
    spec
      .given([...withApproved, filled('a')])
      .when(command('a'))
      .thenThrows(RuleViolation, 'nomination-appointed');
  });

  it.each<[string, PostCommand]>([
    ['recommend a declined one', recommend('a')],
    ['approve a withdrawn one', approve('b')],
    ['withdraw a declined one', withdraw('a')],
    ['decline a withdrawn one', decline('b')],
  ])('refuses to %s (closed)', (_name, command) => {
    spec
      .given([created, proposed('a'), declined('a'), proposed('b'), withdrawn('b')])
      .when(command)
      .thenThrows(RuleViolation, 'nomination-closed');
  });
});

describe('Appoint', () => {
  it('fills the post with an approved nominee and closes the other open nominations, one event each', () => {
    const given = [...withApproved, proposed('b'), proposed('c'), recommended('c'), proposed('d'), declined('d'), proposed('e'), withdrawn('e')];
    spec
      .given(given)
      .when(appoint('a'))
      .then([filled('a'), closed('b', 'a'), closed('c', 'a')]);
  });

  it('closes an approved rival too', () => {
    spec
      .given([...withApproved, proposed('b'), recommended('b'), approved('b')])
      .when(appoint('b'))
      .then([{ type: 'PostFilled', data: { ...ref('b'), nominee: 'Nominee b' } }, closed('a', 'b')]);
  });

  it.each<[string, PostEvent[]]>([
    ['proposed', [created, proposed('a')]],
    ['recommended', [created, proposed('a'), recommended('a')]],
  ])('refuses a %s nomination: only an approved one can be appointed', (_stage, given) => {
    spec.given(given).when(appoint('a')).thenThrows(RuleViolation, 'nomination-not-approved');
  });

  it('refuses a declined nomination', () => {
    spec
      .given([...withApproved, declined('a')])
      .when(appoint('a'))
      .thenThrows(RuleViolation, 'nomination-closed');
  });

  it('changes nothing when the nominee holds the post already', () => {
    spec
      .given([...withApproved, filled('a')])
      .when(appoint('a'))
      .thenNothing();
  });

  it('refuses a filled post', () => {
    const given = [...withApproved, proposed('b'), recommended('b'), approved('b'), filled('a'), closed('b', 'a')];
    spec.given(given).when(appoint('b')).thenThrows(RuleViolation, 'post-filled');
  });

  it('refuses a closed nomination once the post is vacated', () => {
    const given = [...withApproved, proposed('b'), recommended('b'), approved('b'), filled('a'), closed('b', 'a'), vacated('a')];
    spec.given(given).when(appoint('b')).thenThrows(RuleViolation, 'nomination-closed');
  });

  it('refuses a nomination the post does not have, or a post that does not exist', () => {
    spec.given(withApproved).when(appoint('x')).thenThrows(NotFound, 'nomination-not-found');
    spec.given([]).when(appoint('a')).thenThrows(NotFound, 'post-not-found');
  });
});

describe('VacatePost', () => {
  it("vacates a filled post, naming the holder's nomination", () => {
    spec
      .given([...withApproved, filled('a')])
      .when(vacate)
      .then([vacated('a')]);
  });

  it('refuses a vacant post, or one that does not exist', () => {
    spec.given(withApproved).when(vacate).thenThrows(RuleViolation, 'post-vacant');
    spec.given([]).when(vacate).thenThrows(NotFound, 'post-not-found');
  });

  it('leaves the former holder vacated: it cannot be appointed again', () => {
    spec
      .given([...withApproved, filled('a'), vacated('a')])
      .when(appoint('a'))
      .thenThrows(RuleViolation, 'nomination-closed');
  });
});

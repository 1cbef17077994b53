import type { EndpointCase } from './endpointCase';
import type { Fixtures } from './fixtures';

const title = { en: 'District president, Tribal wing, Bastar', hi: 'ज़िला अध्यक्ष, आदिवासी कांग्रेस, बस्तर' };
/** A post `e-<name>` with nomination `n-<name>` taken to `stage`. */
const nominated = async (f: Fixtures, name: string, stage: 'proposed' | 'recommended' | 'approved' | 'appointed') => {
  await f.post(`e-${name}`);
  await f.nomination(`e-${name}`, `n-${name}`);
  if (stage === 'proposed') return;
  await f.nominationStep(`n-${name}`, 'recommend');
  if (stage === 'recommended') return;
  await f.nominationStep(`n-${name}`, 'approve');
  if (stage === 'appointed') await f.appoint(`e-${name}`, `n-${name}`);
};
const ref = (name: string) => ({ postId: `e-${name}`, nominationId: `n-${name}` });

/** The posts and nominations commands' cases for commands.endpoints.test.ts (see endpointCase.ts). */
export const POST_ENDPOINT_CASES: Record<string, EndpointCase> = {
  CreatePost: {
    path: '/posts',
    body: { id: 'e-post', unit: 'cg-bastar', wing: 'adivasi', title },
    status: 201,
    id: 'e-post',
    stream: 'post-e-post',
    events: [{ type: 'PostCreated', data: { postId: 'e-post', unit: 'cg-bastar', wing: 'adivasi', title } }],
  },
  ProposeNominee: {
    arrange: (f) => f.post('e-propose'),
    path: '/posts/e-propose/nominations',
    body: { id: 'n-propose', nominee: 'सुनीता मरकाम', proposedBy: 'Block president', note: 'दो बार सरपंच' },
    status: 201,
    id: 'n-propose',
    stream: 'post-e-propose',
    also: ['nomination-n-propose'],
    events: [
      { type: 'NominationFiled', data: { postId: 'e-propose', nominationId: 'n-propose' } },
      {
        type: 'NomineeProposed',
        data: { postId: 'e-propose', nominationId: 'n-propose', nominee: 'सुनीता मरकाम', proposedBy: 'Block president', note: 'दो बार सरपंच' },
      },
    ],
  },
  RecommendNomination: {
    arrange: (f) => nominated(f, 'recommend', 'proposed'),
    path: '/nominations/n-recommend/recommend',
    body: { note: 'the block agrees' },
    status: 200,
    id: 'n-recommend',
    stream: 'post-e-recommend',
    events: [{ type: 'NominationRecommended', data: { ...ref('recommend'), note: 'the block agrees' } }],
  },
  ApproveNomination: {
    arrange: (f) => nominated(f, 'approve', 'recommended'),
    path: '/nominations/n-approve/approve',
    body: {},
    status: 200,
    id: 'n-approve',
    stream: 'post-e-approve',
    events: [{ type: 'NominationApproved', data: ref('approve') }],
  },
  DeclineNomination: {
    arrange: (f) => nominated(f, 'decline', 'recommended'),
    path: '/nominations/n-decline/decline',
    body: { reason: 'not a member' },
    status: 200,
    id: 'n-decline',
    stream: 'post-e-decline',
    events: [{ type: 'NominationDeclined', data: { ...ref('decline'), reason: 'not a member' } }],
  },
  WithdrawNomination: {
    arrange: (f) => nominated(f, 'withdraw', 'proposed'),
    path: '/nominations/n-withdraw/withdraw',
    body: { reason: 'moved away' },
    status: 200,
    id: 'n-withdraw',
    stream: 'post-e-withdraw',
    events: [{ type: 'NominationWithdrawn', data: { ...ref('withdraw'), reason: 'moved away' } }],
  },
  Appoint: {
    arrange: async (f) => {
      await nominated(f, 'appoint', 'approved');
      await f.nomination('e-appoint', 'n-appoint-rival');
    },
    path: '/posts/e-appoint/appoint',
    body: { nominationId: 'n-appoint' },
    status: 200,
    id: 'e-appoint',
    stream: 'post-e-appoint',
    events: [
      { type: 'PostFilled', data: { ...ref('appoint'), nominee: 'Nominee n-appoint' } },
      { type: 'NominationClosed', data: { postId: 'e-appoint', nominationId: 'n-appoint-rival', appointed: 'n-appoint' } },
    ],
  },
  VacatePost: {
    arrange: (f) => nominated(f, 'vacate', 'appointed'),
    path: '/posts/e-vacate/vacate',
    body: { reason: 'resigned' },
    status: 200,
    id: 'e-vacate',
    stream: 'post-e-vacate',
    events: [{ type: 'PostVacated', data: { ...ref('vacate'), reason: 'resigned' } }],
  },
};

import { INCHARGE, wingLead } from './demoActors';
import type { DemoCall } from './demoScript';

/** Where a demo nomination ends up; `rival` is closed when another nominee of its post is appointed. */
type Outcome = 'proposed' | 'recommended' | 'approved' | 'appointed' | 'declined' | 'withdrawn' | 'rival';

interface DemoNomination {
  id: string;
  nominee: string;
  proposedBy: string;
  outcome: Outcome;
  note?: string;
  reason?: string;
}

interface DemoPost {
  id: string;
  unit: string;
  wing: string;
  title: { en: string; hi: string };
  nominations: DemoNomination[];
}

const STATE_PRESIDENT = 'Tribal wing state president (आदिवासी कांग्रेस प्रदेश अध्यक्ष)';
const BASTAR_MLA = 'MLA, Bastar division (विधायक, बस्तर संभाग)';
const FORMER_MINISTER = 'Former minister, Kanker (पूर्व मंत्री, कांकेर)';

/**
 * The names senior leaders put forward at the tribal wing's Circuit House meeting for posts in the
 * organisation (the Raipur news report in /work/shared/seed). The nominees are invented.
 */
const POSTS: DemoPost[] = [
  {
    id: 'post-adivasi-bastar-president',
    unit: 'cg-bastar',
    wing: 'adivasi',
    title: { en: 'District president, Tribal wing, Bastar', hi: 'ज़िला अध्यक्ष, आदिवासी कांग्रेस, बस्तर' },
    nominations: [
      { id: 'nom-bastar-lakhmu', nominee: 'Lakhmu Kashyap (लखमू कश्यप)', proposedBy: STATE_PRESIDENT, outcome: 'appointed', note: 'दो बार ज़िला महासचिव' },
      { id: 'nom-bastar-sukhram', nominee: 'Sukhram Nag (सुखराम नाग)', proposedBy: BASTAR_MLA, outcome: 'rival' },
    ],
  },
  {
    id: 'post-adivasi-dantewada-president',
    unit: 'cg-dantewada',
    wing: 'adivasi',
    title: { en: 'District president, Tribal wing, Dantewada', hi: 'ज़िला अध्यक्ष, आदिवासी कांग्रेस, दंतेवाड़ा' },
    nominations: [
      { id: 'nom-dantewada-budhri', nominee: 'Budhri Markam (बुधरी मरकाम)', proposedBy: STATE_PRESIDENT, outcome: 'approved' },
      { id: 'nom-dantewada-hidma', nominee: 'Hidma Podiyami (हिड़मा पोडियामी)', proposedBy: BASTAR_MLA, outcome: 'recommended' },
      { id: 'nom-dantewada-joga', nominee: 'Joga Kunjam (जोगा कुंजाम)', proposedBy: 'Block president, Geedam (ब्लॉक अध्यक्ष, गीदम)', outcome: 'proposed' },
    ],
  },
  {
    id: 'post-adivasi-kanker-secretary',
    unit: 'cg-kanker',
    wing: 'adivasi',
    title: { en: 'General secretary, Tribal wing, Kanker', hi: 'महासचिव, आदिवासी कांग्रेस, कांकेर' },
    nominations: [
      { id: 'nom-kanker-sonsingh', nominee: 'Sonsingh Dhruw (सोनसिंह ध्रुव)', proposedBy: FORMER_MINISTER, outcome: 'proposed' },
      {
        id: 'nom-kanker-ramlal',
        nominee: 'Ramlal Salam (रामलाल सलाम)',
        proposedBy: FORMER_MINISTER,
        outcome: 'declined',
        reason: 'पार्टी सदस्यता का नवीनीकरण बाकी — membership not renewed',
      },
    ],
  },
  {
    id: 'post-adivasi-state-secretary-bastar',
    unit: 'cg',
    wing: 'adivasi',
    title: { en: 'State secretary, Tribal wing (Bastar division)', hi: 'प्रदेश सचिव, आदिवासी कांग्रेस (बस्तर संभाग)' },
    nominations: [
      { id: 'nom-state-kamla', nominee: 'Kamla Netam (कमला नेताम)', proposedBy: STATE_PRESIDENT, outcome: 'recommended' },
      {
        id: 'nom-state-mangal',
        nominee: 'Mangal Sodi (मंगल सोढ़ी)',
        proposedBy: BASTAR_MLA,
        outcome: 'withdrawn',
        reason: 'चुनाव लड़ने की तैयारी — will contest the election',
      },
    ],
  },
  {
    id: 'post-youth-bastar-president',
    unit: 'cg-bastar',
    wing: 'youth',
    title: { en: 'District president, Youth Congress, Bastar', hi: 'ज़िला अध्यक्ष, युवा कांग्रेस, बस्तर' },
    nominations: [],
  },
];

const REACHES: Record<Outcome, number> = { proposed: 0, rival: 0, declined: 0, withdrawn: 0, recommended: 1, approved: 2, appointed: 2 };

/** The posts, then each nomination proposed and moved on by the wing's lead and the in-charge, appointments last. */
export function demoPostCalls(): DemoCall[] {
  const calls: DemoCall[] = [];
  for (const { nominations: _n, ...post } of POSTS) calls.push({ route: 'CreatePost', params: {}, body: post, actor: INCHARGE });
  for (const post of POSTS) {
    for (const n of post.nominations) {
      const body = { id: n.id, nominee: n.nominee, proposedBy: n.proposedBy, ...(n.note === undefined ? {} : { note: n.note }) };
      calls.push({ route: 'ProposeNominee', params: { postId: post.id }, body, actor: wingLead(post.wing) });
    }
    for (const n of post.nominations) {
      const params = { nominationId: n.id };
      if (REACHES[n.outcome] >= 1) calls.push({ route: 'RecommendNomination', params, body: {}, actor: wingLead(post.wing) });
      if (REACHES[n.outcome] >= 2) calls.push({ route: 'ApproveNomination', params, body: {}, actor: INCHARGE });
      if (n.outcome === 'declined') calls.push({ route: 'DeclineNomination', params, body: { reason: n.reason ?? 'declined' }, actor: INCHARGE });
      if (n.outcome === 'withdrawn')
        calls.push({ route: 'WithdrawNomination', params, body: n.reason === undefined ? {} : { reason: n.reason }, actor: INCHARGE });
    }
    for (const n of post.nominations.filter((x) => x.outcome === 'appointed')) {
      calls.push({ route: 'Appoint', params: { postId: post.id }, body: { nominationId: n.id }, actor: INCHARGE });
    }
  }
  return calls;
}

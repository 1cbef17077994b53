import { DANTEWADA, JAGDALPUR, KANKER, R, TOUR } from './demoIds';
import type { DemoTimes } from './demoTimes';
import type { DemoStatus, DemoTask } from './demoTypes';

type More = Partial<Omit<DemoTask, 'id' | 'programmeId' | 'wing' | 'title' | 'status'>>;
const task = (id: string, wing: string, title: string, status: DemoStatus, more: More = {}): DemoTask => ({
  id,
  programmeId: TOUR,
  wing,
  title,
  status,
  ...more,
});

/** The Bastar visit's preparation: per stop, then per wing across the tour. */
export function tourTasks(t: DemoTimes): DemoTask[] {
  const jdp = t.jagdalpur.startsAt;
  const dwd = t.dantewada.startsAt;
  const knk = t.kanker.startsAt;
  const atJagdalpur = { stopId: JAGDALPUR, responsibilityId: R.crowdJagdalpur };
  const atDantewada = { stopId: DANTEWADA, responsibilityId: R.crowdDantewada };
  const atKanker = { stopId: KANKER, responsibilityId: R.crowdKanker };
  return [
    // Jagdalpur (Bastar district), Lalbagh ground.
    task('t-jdp-stage', 'adivasi', 'मंच और साउंड की व्यवस्था — stage and sound, Lalbagh ground', 'in_progress', {
      ...atJagdalpur,
      assignee: 'Ravi Korram (Bastar organiser)',
      dueAt: t.before(jdp, 24),
      notes: ['Stage 40×24 ft, two line-array towers; tent house from Jagdalpur confirmed.'],
    }),
    task('t-jdp-sound-advance', 'adivasi', 'Sound vendor advance — साउंड वेंडर को अग्रिम', 'blocked', {
      ...atJagdalpur,
      assignee: 'District treasurer, Bastar',
      dueAt: t.ago(6),
      reason: 'sound vendor advance not paid — जिला कोष से राशि जारी नहीं हुई',
    }),
    task('t-jdp-buses', 'adivasi', 'ब्लॉकों से बसों की व्यवस्था — bus transport from blocks', 'in_progress', {
      ...atJagdalpur,
      assignee: 'Block presidents, Bastar district',
      dueAt: t.before(jdp, 36),
      notes: ['Bakawand 12, Tokapal 10, Lohandiguda 8 buses so far.'],
    }),
    task('t-jdp-block-targets', 'adivasi', 'ब्लॉकवार भीड़ का लक्ष्य — block-wise crowd targets', 'done', {
      ...atJagdalpur,
      assignee: 'Tribal wing district president, Bastar',
      dueAt: t.ago(30),
    }),
    task('t-helipad', 'adivasi', 'Helipad permission — हेलीपैड की अनुमति', 'blocked', {
      stopId: JAGDALPUR,
      assignee: 'District president, Bastar',
      dueAt: t.ago(20),
      reason: 'कलेक्टर से अनुमति लंबित / permission from the collector pending',
      notes: ['Application submitted with the SPG advance team’s site plan; follow up at the collectorate.'],
    }),
    task('t-jdp-ground', 'adivasi', 'लालबाग मैदान की अनुमति — Lalbagh ground booking', 'done', {
      stopId: JAGDALPUR,
      assignee: 'District president, Bastar',
      dueAt: t.ago(48),
    }),
    task('t-jdp-water', 'seva-dal', 'पेयजल और छाया — drinking water and shade', 'todo', {
      stopId: JAGDALPUR,
      responsibilityId: R.volunteers,
      assignee: 'Seva Dal organiser, Bastar',
      dueAt: t.before(jdp, 12),
    }),
    task('t-jdp-barricades', 'seva-dal', 'Barricading and a separate gallery for women — बैरिकेडिंग', 'todo', {
      stopId: JAGDALPUR,
      responsibilityId: R.volunteers,
      dueAt: t.before(jdp, 18),
    }),
    task('t-bike-route', 'youth', 'बाइक रैली का रूट: एयरपोर्ट से लालबाग — bike rally route', 'done', {
      stopId: JAGDALPUR,
      responsibilityId: R.bikeRally,
      assignee: 'Youth Congress district president, Bastar',
    }),
    task('t-bike-police', 'youth', 'Police permission for the bike rally — रैली की पुलिस अनुमति', 'blocked', {
      stopId: JAGDALPUR,
      responsibilityId: R.bikeRally,
      assignee: 'Dev Thakur (Youth Congress)',
      dueAt: t.ago(3),
      reason: 'SP office wants the list of riders first — सवारों की सूची माँगी गई',
    }),
    task('t-bike-riders', 'youth', 'सवारों की सूची, हेलमेट अनिवार्य — list of 500 riders with helmets', 'in_progress', {
      stopId: JAGDALPUR,
      responsibilityId: R.bikeRally,
      assignee: 'Block youth presidents',
      dueAt: t.before(jdp, 30),
    }),
    task('t-bike-flags', 'youth', 'Flags and caps for the rally — झंडे और टोपी', 'todo', {
      stopId: JAGDALPUR,
      responsibilityId: R.bikeRally,
      dueAt: t.before(jdp, 24),
    }),
    task('t-nsui-samvad', 'nsui', 'छात्र संवाद, जगदलपुर — students’ interaction before the sabha', 'todo', {
      stopId: JAGDALPUR,
      assignee: "Students' wing organiser, Jagdalpur",
      dueAt: t.before(jdp, 48),
    }),
    // Dantewada.
    task('t-dwd-stage', 'adivasi', 'मंच और साउंड — stage and sound, Dantewada', 'todo', {
      ...atDantewada,
      assignee: 'Tribal wing district president, Dantewada',
      dueAt: t.before(dwd, 24),
    }),
    task('t-dwd-buses', 'adivasi', 'Bus transport from Geedam, Kuakonda and Katekalyan blocks', 'in_progress', {
      ...atDantewada,
      assignee: 'Block presidents, Dantewada district',
      dueAt: t.before(dwd, 48),
      dueMovedTo: t.before(dwd, 36),
    }),
    task('t-dwd-ground', 'adivasi', 'मिनी स्टेडियम की अनुमति — Dantewada ground booking', 'done', { ...atDantewada, dueAt: t.ago(24), direct: true }),
    task('t-dwd-security', 'adivasi', 'Security clearance for the venue and the road — सुरक्षा अनुमति', 'blocked', {
      ...atDantewada,
      assignee: 'District president, Dantewada',
      dueAt: t.ago(10),
      reason: 'मार्ग की सुरक्षा समीक्षा लंबित — district police review of the route pending',
    }),
    task('t-dwd-temple', 'adivasi', 'दंतेश्वरी मंदिर दर्शन का समय — Danteshwari temple visit, timing with the temple committee', 'in_progress', {
      stopId: DANTEWADA,
      assignee: 'Kamla Dhruw (tribal wing)',
    }),
    task('t-dwd-volunteers', 'seva-dal', '100 स्वयंसेवक, दंतेवाड़ा — volunteers for Dantewada', 'todo', {
      stopId: DANTEWADA,
      responsibilityId: R.volunteers,
      dueAt: t.before(dwd, 24),
    }),
    // Kanker.
    task('t-knk-stage', 'adivasi', 'मंच और साउंड — stage and sound, Kanker', 'todo', { ...atKanker, dueAt: t.before(knk, 24) }),
    task('t-knk-buses', 'adivasi', 'Bus requisition from Charama, Narharpur and Bhanupratappur blocks', 'todo', {
      ...atKanker,
      assignee: 'Tribal wing district president, Kanker',
      dueAt: t.ago(26),
    }),
    task('t-knk-ground', 'adivasi', 'स्टेडियम मैदान की अनुमति — Kanker ground permission', 'in_progress', {
      ...atKanker,
      assignee: 'District president, Kanker',
      dueAt: t.later(20),
    }),
    task('t-knk-farmers', 'kisan', 'किसानों का प्रतिनिधिमंडल: धान बोनस पर ज्ञापन — farmers’ memorandum', 'todo', {
      stopId: KANKER,
      responsibilityId: R.farmers,
      dueAt: t.before(knk, 24),
    }),
    task('t-knk-volunteers', 'seva-dal', 'स्वयंसेवक, कांकेर — volunteers for Kanker', 'todo', {
      stopId: KANKER,
      responsibilityId: R.volunteers,
      dueAt: t.before(knk, 24),
    }),
    // The whole tour.
    task('t-itinerary', 'adivasi', 'कार्यक्रम की स्वीकृति — itinerary approved by the leader’s office', 'done', { assignee: 'Tribal wing lead', dueAt: t.ago(40) }),
    task('t-convoy', 'adivasi', 'Road convoy Jagdalpur–Dantewada–Kanker: vehicles and fuel', 'todo', {
      assignee: 'Santosh Yadav (transport)',
      dueAt: t.before(jdp, 24),
    }),
    task('t-night-halt', 'adivasi', 'रात्रि विश्राम, सर्किट हाउस जगदलपुर — night halt booking', 'done', { direct: true }),
    task('t-helicopter', 'adivasi', 'Helicopter to Dantewada', 'cancelled', { reason: 'सड़क मार्ग से जाएंगे — the leader travels by road' }),
    task('t-banners', 'youth', 'होर्डिंग और बैनर — hoardings and banners on the route', 'in_progress', {
      assignee: 'Youth Congress organiser, Jagdalpur',
      dueAt: t.before(jdp, 48),
    }),
    task('t-obc-leaders', 'obc', 'Community leaders on the dais — समाज प्रमुखों की सूची', 'todo', { dueAt: t.before(jdp, 48) }),
    task('t-mahila-shg', 'mahila', 'स्व-सहायता समूहों से संपर्क — self-help groups of the three districts', 'in_progress', {
      responsibilityId: R.women,
      assignee: 'Hemlata Dewangan (Mahila Congress)',
    }),
    task('t-mahila-gallery', 'mahila', 'Separate entry and gallery for women at all three venues', 'todo', {
      responsibilityId: R.women,
      dueAt: t.before(jdp, 24),
    }),
    task('t-mahila-buses', 'mahila', 'Buses for women from the Jagdalpur blocks', 'done', { stopId: JAGDALPUR, responsibilityId: R.women }),
    task('t-mahila-speakers', 'mahila', 'मंच से महिला वक्ता — women speakers on the stage', 'todo', {
      responsibilityId: R.women,
      assignee: "Women's wing state lead",
      dueAt: t.ago(30),
    }),
    task('t-live-jdp', 'it-cell', 'फेसबुक/यूट्यूब लाइव — live streaming from Lalbagh ground', 'in_progress', {
      stopId: JAGDALPUR,
      responsibilityId: R.live,
      assignee: 'Pooja Verma (IT cell)',
    }),
    task('t-live-network', 'it-cell', 'Backup internet at Dantewada (weak network)', 'blocked', {
      stopId: DANTEWADA,
      responsibilityId: R.live,
      dueAt: t.before(dwd, 48),
      reason: 'नेटवर्क कवरेज की पुष्टि नहीं — no operator confirms coverage at the stadium',
    }),
    task('t-social-calendar', 'it-cell', 'सोशल मीडिया पोस्ट कैलेंडर — post calendar for the three days', 'done', { responsibilityId: R.live }),
    task('t-whatsapp', 'it-cell', 'WhatsApp groups of booth workers — व्हाट्सएप समूह', 'in_progress', {
      responsibilityId: R.live,
      dueAt: t.ago(12),
      notes: ['Bastar and Dantewada done; Kanker block lists still awaited.'],
    }),
    task('t-creatives', 'it-cell', 'हैशटैग और क्रिएटिव — hashtag and creatives', 'done', { responsibilityId: R.live, assignee: 'IT cell volunteer, Raipur' }),
    task('t-press-kit', 'media', 'Press kit — प्रेस किट (हिंदी/English)', 'in_progress', {
      responsibilityId: R.press,
      assignee: 'Media coordinator, Raipur',
      reassignTo: 'Salim Ansari (communications)',
      dueAt: t.before(jdp, 24),
    }),
    task('t-press-jdp', 'media', 'प्रेस वार्ता, जगदलपुर — press briefing at Jagdalpur', 'todo', {
      stopId: JAGDALPUR,
      responsibilityId: R.press,
      dueAt: t.before(jdp, 2),
    }),
    task('t-media-passes', 'media', 'Media passes for the three venues', 'todo', { responsibilityId: R.press, dueAt: t.ago(8) }),
    task('t-press-release', 'media', 'दौरा कार्यक्रम की प्रेस विज्ञप्ति — press release on the tour programme', 'done', { responsibilityId: R.press, direct: true }),
    task('t-volunteer-roster', 'seva-dal', 'स्वयंसेवकों की सूची और ड्यूटी — volunteer roster and duties', 'in_progress', {
      responsibilityId: R.volunteers,
      assignee: 'Seva Dal chief organiser',
      dueAt: t.later(30),
    }),
    task('t-sevadal-uniform', 'seva-dal', 'Seva Dal uniforms and badges', 'done', { responsibilityId: R.volunteers }),
    task('t-booth-list', 'data', 'Booth-level worker list — बूथ स्तर के कार्यकर्ताओं की सूची', 'in_progress', {
      responsibilityId: R.boothData,
      assignee: 'Data analytics coordinator',
      dueAt: t.ago(18),
    }),
    task('t-booth-data', 'data', 'बूथवार डाटा: Jagdalpur, Bastar and Chitrakot seats', 'todo', { responsibilityId: R.boothData, dueAt: t.before(jdp, 48) }),
    task('t-shakti-bastar', 'data', 'शक्ति ऐप पंजीयन, बस्तर संभाग — Shakti enrolment in the Bastar division', 'in_progress', {
      responsibilityId: R.boothData,
      notes: ['Bastar division has about 4,100 of the state’s 23,000+ enrolled workers.'],
    }),
  ];
}

/**
 * Word pools for generated events: the places, duties and tasks of a state party's preparation
 * work, in Hindi and English as organisers write them, so that event sizes and text are realistic.
 */
export const DISTRICTS: readonly { place: string; district: string }[] = [
  { place: 'Jagdalpur (जगदलपुर)', district: 'Bastar' },
  { place: 'Dantewada (दंतेवाड़ा)', district: 'Dantewada (Dakshin Bastar)' },
  { place: 'Kanker (कांकेर)', district: 'Kanker (Uttar Bastar)' },
  { place: 'Kondagaon (कोंडागांव)', district: 'Kondagaon' },
  { place: 'Narayanpur (नारायणपुर)', district: 'Narayanpur' },
  { place: 'Sukma (सुकमा)', district: 'Sukma' },
  { place: 'Bijapur (बीजापुर)', district: 'Bijapur' },
  { place: 'Raipur (रायपुर)', district: 'Raipur' },
  { place: 'Bilaspur (बिलासपुर)', district: 'Bilaspur' },
  { place: 'Durg (दुर्ग)', district: 'Durg' },
  { place: 'Bhilai (भिलाई)', district: 'Durg' },
  { place: 'Korba (कोरबा)', district: 'Korba' },
  { place: 'Raigarh (रायगढ़)', district: 'Raigarh' },
  { place: 'Ambikapur (अंबिकापुर)', district: 'Surguja' },
  { place: 'Rajnandgaon (राजनांदगांव)', district: 'Rajnandgaon' },
  { place: 'Janjgir (जांजगीर)', district: 'Janjgir-Champa' },
  { place: 'Mahasamund (महासमुंद)', district: 'Mahasamund' },
  { place: 'Dhamtari (धमतरी)', district: 'Dhamtari' },
  { place: 'Kawardha (कवर्धा)', district: 'Kabirdham' },
  { place: 'Jashpur (जशपुर)', district: 'Jashpur' },
];

export const VENUES: readonly string[] = [
  'Stadium ground (स्टेडियम मैदान)',
  'Mini stadium (मिनी स्टेडियम)',
  'Lalbagh ground (लालबाग मैदान)',
  'Collectorate ground (कलेक्ट्रेट मैदान)',
  'Town hall (टाउन हॉल)',
  'Krishi Upaj Mandi ground (कृषि उपज मंडी प्रांगण)',
  'Government college ground (शासकीय महाविद्यालय मैदान)',
  'Haat bazaar (हाट बाजार)',
];

export const MEETING_VENUES: readonly string[] = [
  'Rajiv Bhawan (party office), Raipur — राजीव भवन, रायपुर',
  'Circuit House, Raipur (सर्किट हाउस, रायपुर)',
  'District Congress office, Bilaspur (जिला कांग्रेस कार्यालय)',
  'Conference hall, Durg (सभा कक्ष, दुर्ग)',
  'Block Congress office, Jagdalpur (ब्लॉक कांग्रेस कार्यालय)',
];

export const LEADERS: readonly string[] = [
  'National leader (राष्ट्रीय नेता)',
  'State president (प्रदेश अध्यक्ष)',
  'Leader of the legislature party (विधायक दल नेता)',
  'State in-charge (प्रभारी)',
  'National general secretary (राष्ट्रीय महासचिव)',
];

export const TOUR_TITLES: readonly string[] = [
  'जन संपर्क यात्रा — Public outreach tour',
  'किसान न्याय यात्रा — Farmers’ justice tour',
  'आदिवासी अधिकार यात्रा — Tribal rights tour',
  'युवा संवाद यात्रा — Youth dialogue tour',
  'संगठन सृजन दौरा — Organisation-building visit',
];

export const MEETING_TITLES: readonly string[] = [
  'समितियों के अध्यक्षों के साथ समीक्षा बैठक — Review meeting with committee chairs',
  'जिला अध्यक्षों की बैठक — Meeting of district presidents',
  'मोर्चा प्रमुखों की रणनीति बैठक — Strategy meeting of the wing heads',
  'बूथ प्रबंधन समीक्षा — Booth management review',
  'चुनाव तैयारी बैठक — Election preparation meeting',
];

export const CHAIRS: readonly string[] = [
  'State in-charge (प्रभारी)',
  'State president (प्रदेश अध्यक्ष)',
  'Leader of the legislature party (विधायक दल नेता)',
  'Tribal wing state president (आदिवासी कांग्रेस प्रदेश अध्यक्ष)',
  'Chairs of the state committees (समितियों के अध्यक्ष)',
];

export const AGENDA: readonly string[] = [
  'सोशल मीडिया रणनीति — social media strategy',
  'डाटा एनालिटिक्स प्रेजेंटेशन — election data analytics',
  'शक्ति प्रोजेक्ट की समीक्षा — "Shakti" worker enrolment review',
  'जिला, शहर एवं ब्लॉक संगठन की समीक्षा — district, city and block organisation',
  'मोर्चा, विभाग एवं प्रकोष्ठ प्रमुखों के साथ समीक्षा — review with the heads of wings',
  'दौरे की तैयारी — preparation of the coming visit',
  'बूथ समितियों का गठन — forming booth committees',
];

export const DECISIONS: readonly string[] = [
  'Every district president brings people from the blocks; buses booked by the block committees',
  'Youth Congress takes out a bike rally; Seva Dal keeps discipline at the venue',
  'संगठन में नियुक्ति हेतु नाम एक सप्ताह में प्रदेश कार्यालय भेजे जाएँ — names for posts within a week',
  'IT cell posts the itinerary in Hindi and Gondi the day before each stop',
  'Booth committees report enrolment figures every Monday',
];

/** Duties and tasks by wing code: what each wing is usually asked to do. */
export const WORK: Readonly<Record<string, { duties: readonly string[]; tasks: readonly string[] }>> = {
  adivasi: {
    duties: ['Crowd mobilisation from the tribal blocks (आदिवासी ब्लॉकों से जनसमूह)', 'Welcome with traditional dance troupes (पारंपरिक नृत्य दल)'],
    tasks: ['Book buses from the blocks', 'Confirm the dance troupes', 'Village-wise list of sarpanch invitations', 'Gondi interpreter on the stage'],
  },
  youth: {
    duties: ['Bike rally from the helipad (बाइक रैली)', 'Volunteers at the gates'],
    tasks: ['Route permission for the bike rally', 'Helmets and flags for riders', 'Volunteer roster for gate duty'],
  },
  mahila: {
    duties: ['Women’s seating and welcome (महिला दीर्घा)', 'Self-help group delegation'],
    tasks: ['Separate women’s enclosure', 'SHG leaders’ list for the stage', 'Aarti thali welcome'],
  },
  nsui: { duties: ['Students’ interaction session (छात्र संवाद)'], tasks: ['College permission letter', 'Question list from students'] },
  'seva-dal': {
    duties: ['Discipline and crowd control at the venue (अनुशासन व्यवस्था)'],
    tasks: ['Seva Dal uniform and badges', 'Barricading plan with the police', 'Drinking water points'],
  },
  kisan: { duties: ['Farmers’ delegation and memorandum (किसान ज्ञापन)'], tasks: ['Draft memorandum on paddy MSP', 'Tractor parking area'] },
  sc: { duties: ['Outreach in Scheduled Caste bastis'], tasks: ['Basti-wise meeting list', 'Invite community elders'] },
  obc: { duties: ['Backward classes community meetings'], tasks: ['Samaj presidents’ list', 'Hall booking for samaj meeting'] },
  minority: { duties: ['Minority community delegation'], tasks: ['Delegation list', 'Translation of the pamphlet into Urdu'] },
  'it-cell': {
    duties: ['Live stream and social media (लाइव प्रसारण)'],
    tasks: ['Live stream kit and backup internet', 'Post the itinerary on all pages', 'WhatsApp group of booth presidents'],
  },
  data: { duties: ['Booth-wise turnout analysis (बूथ विश्लेषण)'], tasks: ['Booth-wise turnout sheet', 'Presentation for the review'] },
  media: {
    duties: ['Press conference and releases (प्रेस वार्ता)'],
    tasks: ['Press release in Hindi and English', 'Invite district reporters', 'Photographer at every stop'],
  },
};

export const WING_CODES: readonly string[] = Object.keys(WORK);

/** The work of a wing of WING_CODES (the generators name no other). */
export function workOf(wing: string): { duties: readonly string[]; tasks: readonly string[] } {
  const work = WORK[wing];
  if (work === undefined) throw new RangeError(`no work is written for wing ${wing}`);
  return work;
}

export const NOTES: readonly string[] = [
  'Spoke to the block president, buses confirmed for 6 am',
  'ब्लॉक अध्यक्ष से बात हुई, बसें सुबह 6 बजे तक पहुंचेंगी',
  'Waiting for the SDM’s permission letter',
  'अनुमति पत्र मिल गया',
  'Vendor asked for an advance; sent to the treasurer',
  'Done, photos in the WhatsApp group',
];

export const BLOCK_REASONS: readonly string[] = [
  'Waiting for police permission (पुलिस अनुमति प्रतीक्षित)',
  'Vendor has not confirmed',
  'Budget not released by the state office',
];

export const CANCEL_REASONS: readonly string[] = [
  'Postponed because of heavy rain (भारी बारिश के कारण स्थगित)',
  'Merged with another programme',
  'Leader’s schedule changed',
];

export const ASSIGNEES: readonly string[] = [
  'Block president, Tokapal (ब्लॉक अध्यक्ष, तोकापाल)',
  'District youth president',
  'City women’s wing president (शहर महिला अध्यक्ष)',
  'Booth coordinator, ward 12',
  'IT cell district coordinator',
  'Seva Dal chief organiser (मुख्य संगठक)',
];

import { DANTEWADA, JAGDALPUR, KANKER, LAST_REVIEW, PREP, R, REVIEW, REVIEW_SERIES, TOUR } from './demoIds';
import { meetingTasks } from './demoMeetingTasks';
import type { DemoTimes } from './demoTimes';
import { tourTasks } from './demoTourTasks';
import type { DemoPlan, DemoResponsibility } from './demoTypes';

/**
 * A national leader's three-day visit to the Bastar division, the review meeting with committee
 * chairs at the party office before it, and the tribal wing's preparation meeting that has just
 * happened (after the Raipur news report in /work/shared/seed). People are named by role.
 */
export function demoPlan(t: DemoTimes): DemoPlan {
  return {
    tour: {
      id: TOUR,
      title: 'राष्ट्रीय नेता का बस्तर दौरा — National leader’s Bastar visit',
      leader: 'National leader (राष्ट्रीय नेता)',
      region: 'Bastar division (बस्तर संभाग)',
      notes: 'तीन दिन, तीन आमसभाएँ — three days, three public meetings. Road travel between stops; helipad at Jagdalpur only.',
    },
    stops: [
      { stopId: JAGDALPUR, place: 'Jagdalpur (जगदलपुर)', district: 'Bastar', venue: 'Lalbagh ground (लालबाग मैदान)', ...t.jagdalpur, hostWing: 'adivasi' },
      {
        stopId: DANTEWADA,
        place: 'Dantewada (दंतेवाड़ा)',
        district: 'Dantewada (Dakshin Bastar)',
        venue: 'Mini stadium, Dantewada (मिनी स्टेडियम)',
        ...t.dantewada,
        hostWing: 'adivasi',
      },
      {
        stopId: KANKER,
        place: 'Kanker (कांकेर)',
        district: 'Kanker (Uttar Bastar)',
        venue: 'Stadium ground, Kanker (स्टेडियम मैदान)',
        ...t.kankerPlanned,
        hostWing: 'adivasi',
        movedTo: t.kanker,
      },
    ],
    meetings: [
      {
        id: PREP,
        title: 'आदिवासी कांग्रेस की तैयारी बैठक — Tribal wing meeting to prepare the Bastar visit',
        venue: 'Circuit House, Raipur (सर्किट हाउस, रायपुर)',
        ...t.prep,
        chairs: ['Tribal wing state president (आदिवासी कांग्रेस प्रदेश अध्यक्ष)', 'State in-charge (प्रभारी)'],
        agenda: [
          'दौरे का कार्यक्रम — itinerary of the visit',
          'सभा स्थल और भीड़ की व्यवस्था — venues and crowd mobilisation',
          'संगठन में नियुक्ति हेतु नाम — names for organisational posts',
        ],
        minutes: {
          decisions: [
            'तीन आमसभाएँ: जगदलपुर (लालबाग मैदान), दंतेवाड़ा, कांकेर — one public meeting a day',
            'Every Bastar-division district president brings people from the blocks; buses booked by the block committees',
            // Decisions for a wing become that wing's tasks on this meeting (SPEC v2 follow-ups).
            { text: 'Youth Congress takes out a bike rally at Jagdalpur — route and permission', wing: 'youth', dueAt: t.later(30) },
            { text: 'Seva Dal keeps discipline at all three venues — volunteer roster', wing: 'seva-dal', dueAt: t.later(30) },
            'संगठन में नियुक्ति हेतु नाम एक सप्ताह में प्रदेश कार्यालय भेजे जाएँ — names for posts reach the state office within a week',
          ],
          attendance: 64,
        },
      },
      lastReview(t),
      {
        id: REVIEW,
        title: 'समितियों के अध्यक्षों के साथ समीक्षा बैठक — Review meeting with committee chairs',
        venue: 'Rajiv Bhawan (party office), Raipur — राजीव भवन, रायपुर',
        ...t.review,
        series: REVIEW_SERIES,
        chairs: [
          'State in-charge (प्रभारी)',
          'State president (प्रदेश अध्यक्ष)',
          'Leader of the legislature party (विधायक दल नेता)',
          'Chairs of the state committees (समितियों के अध्यक्ष)',
        ],
        agenda: [
          'सोशल मीडिया रणनीति — social media strategy',
          'डाटा एनालिटिक्स प्रेजेंटेशन — election data analytics',
          'शक्ति प्रोजेक्ट की समीक्षा — "Shakti" worker enrolment review',
          'जिला, शहर एवं ब्लॉक संगठन की समीक्षा — district, city and block organisation',
          'मोर्चा, विभाग एवं प्रकोष्ठ प्रमुखों के साथ समीक्षा — review with the heads of wings, departments and cells',
          'बस्तर दौरे की तैयारी — preparation of the Bastar visit',
        ],
      },
    ],
    responsibilities: responsibilities(),
    tasks: [...meetingTasks(t), ...tourTasks(t)],
  };
}

/**
 * Last month's review of the same series: its decisions went to the wings, and the ones still open
 * (one of them overdue) head this month's review board (SPEC v2 meeting series).
 */
function lastReview(t: DemoTimes): DemoPlan['meetings'][number] {
  return {
    id: LAST_REVIEW,
    title: 'मासिक समीक्षा बैठक (पिछला माह) — Monthly review meeting (last month)',
    venue: 'Rajiv Bhawan (party office), Raipur — राजीव भवन, रायपुर',
    ...t.lastReview,
    series: REVIEW_SERIES,
    chairs: ['State in-charge (प्रभारी)', 'State president (प्रदेश अध्यक्ष)'],
    agenda: ['शक्ति प्रोजेक्ट — "Shakti" enrolment', 'बूथ समितियाँ — booth committees'],
    minutes: {
      decisions: [
        'हर ज़िले में शक्ति पंजीयन की साप्ताहिक समीक्षा — weekly Shakti review in every district',
        { text: 'जिलेवार शक्ति आंकड़े हर सोमवार — district-wise Shakti figures every Monday', wing: 'data', dueAt: t.ago(24 * 20) },
        { text: 'बस्तर के हर ब्लॉक में बूथ समितियों की सूची — booth committee lists from every Bastar block', wing: 'adivasi', dueAt: t.ago(24 * 6) },
        { text: 'Rebuttal cell duty roster for the campaign — खंडन प्रकोष्ठ की ड्यूटी', wing: 'it-cell', dueAt: t.later(24 * 3) },
        { text: 'Youth Congress block presidents’ meeting on enrolment — युवा कांग्रेस बैठक', wing: 'youth' },
      ],
      attendance: 38,
    },
    followUpsDone: [1, 4],
  };
}

function responsibilities(): DemoResponsibility[] {
  const duty = (id: string, programmeId: string, wing: string, text: string, acknowledged: boolean, extra: { stopId?: string; lead?: string } = {}) => ({
    id,
    programmeId,
    wing,
    duty: text,
    acknowledged,
    ...extra,
  });
  return [
    duty(R.prepArrangements, PREP, 'adivasi', 'बैठक की व्यवस्था — arrangements for the preparation meeting', true),
    duty(R.crowdJagdalpur, TOUR, 'adivasi', 'जगदलपुर सभा में भीड़ जुटाना — crowd mobilisation at the Jagdalpur stop', true, {
      stopId: JAGDALPUR,
      lead: 'Tribal wing district president, Bastar',
    }),
    duty(R.crowdDantewada, TOUR, 'adivasi', 'दंतेवाड़ा सभा में भीड़ जुटाना — crowd mobilisation at the Dantewada stop', true, {
      stopId: DANTEWADA,
      lead: 'Tribal wing district president, Dantewada',
    }),
    duty(R.crowdKanker, TOUR, 'adivasi', 'कांकेर सभा में भीड़ जुटाना — crowd mobilisation at the Kanker stop', false, {
      stopId: KANKER,
      lead: 'Tribal wing district president, Kanker',
    }),
    duty(R.bikeRally, TOUR, 'youth', 'बाइक रैली: एयरपोर्ट से लालबाग — bike rally from the airport to Lalbagh ground', true, {
      stopId: JAGDALPUR,
      lead: 'Youth Congress district president, Bastar',
    }),
    duty(R.women, TOUR, 'mahila', 'तीनों सभाओं में महिलाओं की भागीदारी — women’s participation at every stop', true, {
      lead: 'Mahila Congress state general secretary',
    }),
    duty(R.live, TOUR, 'it-cell', 'लाइव प्रसारण और सोशल मीडिया — live streaming and social media', true, { lead: 'IT cell state coordinator' }),
    duty(R.press, TOUR, 'media', 'प्रेस वार्ता और मीडिया पास — press briefings and media passes', false),
    duty(R.volunteers, TOUR, 'seva-dal', 'स्वयंसेवक एवं अनुशासन — volunteers and discipline at the venues', true, { lead: 'Seva Dal chief organiser' }),
    duty(R.boothData, TOUR, 'data', 'बूथवार डाटा — booth-wise data of the assembly seats on the route', false),
    duty(R.farmers, TOUR, 'kisan', 'किसानों का प्रतिनिधिमंडल — farmers’ delegation at Kanker', false, { stopId: KANKER }),
    duty(R.reviewSocial, REVIEW, 'it-cell', 'सोशल मीडिया रणनीति पर प्रेजेंटेशन — social media strategy presentation', true),
    duty(R.reviewData, REVIEW, 'data', 'चुनाव तैयारी पर डाटा एनालिटिक्स प्रेजेंटेशन — data analytics presentation', true),
  ];
}

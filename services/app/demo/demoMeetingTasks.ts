import { PREP, R, REVIEW } from './demoIds';
import type { DemoTimes } from './demoTimes';
import type { DemoStatus, DemoTask } from './demoTypes';

type More = Partial<Omit<DemoTask, 'id' | 'programmeId' | 'wing' | 'title' | 'status'>>;
const at =
  (programmeId: string) =>
  (id: string, wing: string, title: string, status: DemoStatus, more: More = {}): DemoTask => ({ id, programmeId, wing, title, status, ...more });

/** The review meeting (within 48 h, so at risk while anything is open) and the finished preparation meeting. */
export function meetingTasks(t: DemoTimes): DemoTask[] {
  const review = at(REVIEW);
  const prep = at(PREP);
  const start = t.review.startsAt;
  return [
    prep('t-prep-hall', 'adivasi', 'सर्किट हाउस कक्ष की बुकिंग — Circuit House hall booking', 'done', {
      responsibilityId: R.prepArrangements,
      dueAt: t.before(t.prep.startsAt, 24),
    }),
    prep('t-prep-invites', 'adivasi', 'Invite district presidents of the Bastar division — सूचना', 'done', {
      responsibilityId: R.prepArrangements,
      assignee: 'Bastar organiser',
    }),
    prep('t-prep-register', 'adivasi', 'उपस्थिति रजिस्टर — attendance register', 'done', { responsibilityId: R.prepArrangements, direct: true }),
    prep('t-prep-names', 'adivasi', 'संगठन में नियुक्ति हेतु नामों की सूची — names for organisational posts', 'in_progress', {
      assignee: 'Tribal wing lead',
      dueAt: t.later(24 * 5),
    }),
    review('t-rev-hall', 'seva-dal', 'सभागार और बैठक व्यवस्था — hall and seating at Rajiv Bhawan', 'done', {
      assignee: 'Office secretary, Rajiv Bhawan',
      dueAt: t.before(start, 3),
    }),
    review('t-rev-projector', 'it-cell', 'Projector and screen for the presentations', 'blocked', {
      dueAt: t.before(start, 4),
      reason: 'प्रोजेक्टर मरम्मत में; किराये वाला पक्का नहीं — office projector under repair, hired one not confirmed',
    }),
    review('t-rev-social-deck', 'it-cell', 'सोशल मीडिया रणनीति प्रेजेंटेशन — social media strategy deck', 'in_progress', {
      responsibilityId: R.reviewSocial,
      assignee: 'IT cell state coordinator',
      dueAt: t.before(start, 20),
      notes: ['Lessons from the Gujarat and Karnataka campaigns; rebuttal cell workflow.'],
    }),
    review('t-rev-analytics-deck', 'data', 'डाटा एनालिटिक्स प्रेजेंटेशन — election data analytics deck', 'in_progress', {
      responsibilityId: R.reviewData,
      assignee: 'Data analytics department chair',
      dueAt: t.before(start, 12),
    }),
    review('t-rev-shakti', 'data', 'जिलेवार शक्ति पंजीयन आंकड़े — Shakti enrolment figures by district', 'done', {
      responsibilityId: R.reviewData,
      notes: ['23,000+ workers enrolled across the state.'],
    }),
    review('t-rev-org-status', 'data', 'जिला, शहर एवं ब्लॉक समितियों के गठन की स्थिति — committee formation status', 'todo', {
      responsibilityId: R.reviewData,
      dueAt: t.ago(4),
    }),
    review('t-rev-invites', 'media', 'समिति अध्यक्षों को सूचना — invitations to the committee chairs', 'done', {
      assignee: 'Media coordinator, Raipur',
      direct: true,
    }),
    review('t-rev-report-youth', 'youth', 'Youth Congress report for the review — प्रगति रिपोर्ट', 'done', { dueAt: t.before(start, 24) }),
    review('t-rev-report-mahila', 'mahila', 'Mahila Congress report for the review — प्रगति रिपोर्ट', 'todo', { dueAt: t.ago(2) }),
    review('t-rev-report-kisan', 'kisan', 'Farmers’ wing report for the review — प्रगति रिपोर्ट', 'in_progress', { dueAt: t.before(start, 24) }),
    review('t-rev-report-sc', 'sc', 'SC department report for the review — प्रगति रिपोर्ट', 'todo', { dueAt: t.before(start, 24) }),
    review('t-rev-report-minority', 'minority', 'Minority department report for the review — प्रगति रिपोर्ट', 'done', {}),
    review('t-rev-report-nsui', 'nsui', 'NSUI report for the review — प्रगति रिपोर्ट', 'blocked', {
      reason: 'district units have not sent their figures — जिला इकाइयों से आंकड़े नहीं आए',
    }),
  ];
}

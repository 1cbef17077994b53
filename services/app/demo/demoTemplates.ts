import { INCHARGE } from './demoActors';
import { KANKER, REVIEW, TOUR } from './demoIds';
import type { DemoCall } from './demoScript';

/**
 * The checklists the state office reuses (SPEC v2 templates): a public meeting stop, applied to the
 * Kanker stop (which the demo then moves, so its untouched tasks move with it), and a review meeting,
 * applied to the review with committee chairs.
 */
export function demoTemplateCalls(): DemoCall[] {
  return [
    {
      route: 'DefineTemplate',
      params: {},
      body: {
        id: 'public-meeting-stop',
        name: { en: 'Public meeting stop', hi: 'आमसभा पड़ाव' },
        kind: 'stop',
        items: [
          { title: 'सभा स्थल की अनुमति — ground permission from the collector', wing: 'adivasi', offset: '-P5D' },
          { title: 'Police and SPG liaison for the venue', wing: 'adivasi', offset: '-P3D' },
          { title: 'Buses from the blocks — crowd transport plan', wing: 'youth', offset: '-P2D' },
          { title: 'मंच, साउंड और बैरिकेडिंग — stage, sound and barricades', wing: 'seva-dal', offset: '-P1D' },
          { title: 'Media passes and press enclosure', wing: 'media', offset: '-PT12H' },
        ],
      },
      actor: INCHARGE,
    },
    {
      route: 'DefineTemplate',
      params: {},
      body: {
        id: 'review-meeting',
        name: { en: 'Review meeting', hi: 'समीक्षा बैठक' },
        kind: 'meeting',
        items: [
          { title: 'Hall booking at the party office', wing: 'seva-dal', offset: '-P2D' },
          { title: 'District-wise readiness figures for the chair', wing: 'data', offset: '-P1D' },
          { title: 'Attendance sheet and seating', wing: 'it-cell', offset: '-PT3H' },
        ],
      },
      actor: INCHARGE,
    },
    { route: 'ApplyTemplate', params: { programmeId: TOUR }, body: { templateId: 'public-meeting-stop', stopId: KANKER }, actor: INCHARGE },
    { route: 'ApplyTemplate', params: { programmeId: REVIEW }, body: { templateId: 'review-meeting' }, actor: INCHARGE },
  ];
}

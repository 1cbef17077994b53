/** The demo's ids: readable, fixed, and used in links (`/api/boards/programme/bastar-visit`). */
export const TOUR = 'bastar-visit';
export const REVIEW = 'review-committee-chairs';
export const PREP = 'adivasi-prep-meeting';
/** The month's earlier review, in the same series as REVIEW: its open follow-ups show on REVIEW's board. */
export const LAST_REVIEW = 'review-last-month';
export const REVIEW_SERIES = 'monthly-review';

export const JAGDALPUR = 'stop-jagdalpur';
export const DANTEWADA = 'stop-dantewada';
export const KANKER = 'stop-kanker';

/** Responsibilities. */
export const R = {
  crowdJagdalpur: 'resp-crowd-jagdalpur',
  crowdDantewada: 'resp-crowd-dantewada',
  crowdKanker: 'resp-crowd-kanker',
  bikeRally: 'resp-bike-rally',
  women: 'resp-women-participation',
  live: 'resp-live-social',
  press: 'resp-press',
  volunteers: 'resp-volunteers',
  boothData: 'resp-booth-data',
  farmers: 'resp-farmers-kanker',
  reviewSocial: 'resp-review-social-media',
  reviewData: 'resp-review-data',
  prepArrangements: 'resp-prep-arrangements',
} as const;

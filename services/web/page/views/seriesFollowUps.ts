import { compareOrder } from '../byOrder';
import type { FollowUpCard, SeriesSection } from '../types';

/** The follow-ups a meeting carries, as its "since the last meeting" section lists them: open ones first, each group in `order`. */
export function seriesFollowUps(series: SeriesSection): FollowUpCard[] {
  const all = Object.values(series.followUps).sort(compareOrder);
  return [...all.filter((card) => card.status !== 'done'), ...all.filter((card) => card.status === 'done')];
}

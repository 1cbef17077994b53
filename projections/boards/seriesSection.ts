import type { MeetingHeader, TaskRow } from '../models/programme/ProgrammeDoc';
import type { ReadinessTallies } from '../readiness/ReadinessTallies';
import { cardPasses } from './boardFilter';
import { isLive, toCard } from './items';
import type { BoardFilter, Card, FollowUpCard, SeriesSection } from './types';

/** A follow-up carried into a later meeting: the task, and the meeting whose minutes made it. */
export interface CarriedTask {
  meeting: MeetingHeader;
  task: TaskRow;
}

/**
 * What a meeting of a series carries from the earlier ones (SPEC v2 "meeting follow-ups"): every
 * follow-up of the previous meeting, and those of older meetings not done yet. The model cache
 * answers it from each meeting's follow-up tallies, so a readiness read adds a few buckets per
 * earlier meeting and never walks tasks; only a board walks the carried tasks (`tasks`).
 */
export interface CarriedFollowUps {
  series: string;
  previous?: MeetingHeader;
  /** One per earlier meeting: the previous one's tallies of all its follow-ups, older ones' of the open. */
  tallies: readonly ReadinessTallies[];
  tasks(): Iterable<CarriedTask>;
}

// Keyed by the card (itself reused while its task is unchanged) so that an unchanged follow-up is the
// same object on the next read, which a merge patch skips by identity.
const memo = new WeakMap<Card, { meeting: MeetingHeader; card: FollowUpCard }>();

function followUpCard(card: Card, task: TaskRow, meeting: MeetingHeader): FollowUpCard {
  const known = memo.get(card);
  if (known?.meeting === meeting) return known.card;
  const followUp: FollowUpCard = { ...card, programmeId: task.programmeId, meetingTitle: meeting.title, meetingStartsAt: meeting.startsAt };
  memo.set(card, { meeting, card: followUp });
  return followUp;
}

/** The board's "since the last meeting" section at `now`: the carried follow-ups (filtered) and their counts (not). */
export function seriesSection(carried: CarriedFollowUps, now: Date, filter: BoardFilter = {}): SeriesSection {
  const followUps: Record<string, FollowUpCard> = {};
  const counts = { done: 0, open: 0, overdue: 0 };
  for (const { meeting, task } of carried.tasks()) {
    if (!isLive(task)) continue;
    const card = toCard(task, now, false);
    if (card.status === 'done') counts.done += 1;
    else counts.open += 1;
    if (card.overdue) counts.overdue += 1;
    if (cardPasses(card, filter)) followUps[card.id] = followUpCard(card, task, meeting);
  }
  const { previous } = carried;
  return {
    id: carried.series,
    ...(previous === undefined ? {} : { previous: { id: previous.id, title: previous.title, startsAt: previous.startsAt } }),
    followUps,
    counts,
  };
}

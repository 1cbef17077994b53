import { cardFixture } from '@tayari/projections/testing/cardFixture';
import type { FollowUpCard, ProgrammeListPayload, ProgrammeSummary, SeriesSection } from '@tayari/projections/boards/types';
import { seriesId, seriesOf } from '../../services/web/page/views/forms/SeriesNames';
import { seriesFollowUps } from '../../services/web/page/views/seriesFollowUps';

/** A follow-up as a later meeting's board carries it (projections/boards/seriesSection.ts). */
function followUp(id: string, order: string, status: FollowUpCard['status'], overdue = false): FollowUpCard {
  return {
    ...cardFixture(id, status, order, { title: `decision ${id}`, overdue }),
    programmeId: 'review-oct',
    meetingTitle: 'मासिक समीक्षा — October review',
    meetingStartsAt: '2026-10-05T05:30:00.000Z',
  };
}

describe('the "since the last meeting" section of a meeting in a series', () => {
  const series: SeriesSection = {
    id: 'monthly-review',
    previous: { id: 'review-oct', title: 'मासिक समीक्षा — October review', startsAt: '2026-10-05T05:30:00.000Z' },
    followUps: {
      a: followUp('a', '0003', 'done'),
      b: followUp('b', '0001', 'todo', true),
      c: followUp('c', '0002', 'blocked'),
      d: followUp('d', '0000', 'done'),
      e: followUp('e', '0004', 'in_progress'),
    },
    counts: { done: 2, open: 3, overdue: 1 },
  };

  it('lists the open follow-ups first, then the done ones, each group in the board’s order', () => {
    expect(seriesFollowUps(series).map((card) => [card.id, card.status])).toEqual([
      ['b', 'todo'],
      ['c', 'blocked'],
      ['e', 'in_progress'],
      ['d', 'done'],
      ['a', 'done'],
    ]);
  });

  it('lists nothing for a series with no follow-ups yet', () => {
    expect(seriesFollowUps({ id: 'monthly-review', followUps: {}, counts: { done: 0, open: 0, overdue: 0 } })).toEqual([]);
  });

  it('suggests the series seen among the meetings listed, once each, and makes an id of what is typed', () => {
    const readiness = { percent: 0, total: 0, done: 0, inProgress: 0, blocked: 0, overdue: 0, atRisk: false, byWing: {} };
    const meeting = (id: string, series?: string): ProgrammeSummary => ({
      id,
      kind: 'meeting',
      title: id,
      status: 'planned',
      version: 1,
      timeZone: 'Asia/Kolkata',
      districts: [],
      wings: [],
      readiness,
      phase: 'upcoming',
      ...(series === undefined ? {} : { series }),
    });
    // Each meeting's summary names its series (none for a meeting outside one).
    const list: ProgrammeListPayload = {
      position: '9',
      programmes: [meeting('m1', 'monthly-review'), meeting('m2'), meeting('m3', 'booth-review'), meeting('m4', 'monthly-review')],
    };
    expect(seriesOf(list)).toEqual(['booth-review', 'monthly-review']);
    expect(seriesId('  monthly   review ')).toBe('monthly-review');
    // Ids are case-sensitive: one series typed in two cases must stay one.
    expect(seriesId('Monthly Review')).toBe('monthly-review');
    expect(seriesId('Booth-Review')).toBe('booth-review');
  });
});

import { deciderSpec } from '../common/deciderSpec';
import { InvalidCommand, NotFound } from '../common/errors';
import { DEFAULT_WINGS } from '../wings/catalogue';
import type { RecordMinutes } from './commands';
import { decisionTaskId, decisionTitle } from './decisions';
import { meetingDecider, type MeetingContext } from './decider';
import { MeetingEventSchema, type MeetingEvent } from './events';

/** SPEC v2 "meeting follow-ups": decisions for a wing name the task they become. */

const context: MeetingContext = {
  wings: new Map(DEFAULT_WINGS.map((wing) => [wing.code, wing])),
  people: new Map([['ravi', { name: 'Ravi Markam' }]]),
};
const spec = deciderSpec(meetingDecider, { context, events: MeetingEventSchema });
const meetingId = 'review-26';
const scheduled: MeetingEvent = {
  type: 'MeetingScheduled',
  data: { meetingId, title: 'Review', venue: 'Rajiv Bhawan', startsAt: '2018-06-26T05:30:00.000Z', chairs: ['Chair'], agenda: [] },
};
const record = (decisions: RecordMinutes['decisions']): RecordMinutes => ({ type: 'RecordMinutes', meetingId, decisions });

describe('RecordMinutes with decisions for wings', () => {
  it('keeps plain decisions as text; a decision for a wing gets its task id and its assignee’s name', () => {
    spec
      .given([scheduled])
      .when(
        record([
          'बूथ समितियाँ 30 जून तक',
          { text: 'Book the Jagdalpur ground', wing: 'adivasi', assignee: { personId: 'ravi' }, dueAt: '2018-06-28T12:00:00.000Z' },
          { text: 'Posters', wing: 'youth', assignee: 'outside printer' },
          { text: 'Only a note' },
        ]),
      )
      .then([
        {
          type: 'MinutesRecorded',
          data: {
            meetingId,
            decisions: [
              'बूथ समितियाँ 30 जून तक',
              {
                text: 'Book the Jagdalpur ground',
                wing: 'adivasi',
                taskId: 'review-26-m1-d2',
                assignee: { personId: 'ravi', name: 'Ravi Markam' },
                dueAt: '2018-06-28T12:00:00.000Z',
              },
              { text: 'Posters', wing: 'youth', taskId: 'review-26-m1-d3', assignee: 'outside printer' },
              'Only a note',
            ],
          },
        },
      ]);
  });

  it('numbers the minutes: a second record makes other task ids', () => {
    const first: MeetingEvent = { type: 'MinutesRecorded', data: { meetingId, decisions: ['x'] } };
    spec
      .given([scheduled, first])
      .when(record([{ text: 'Again', wing: 'adivasi' }]))
      .then([{ type: 'MinutesRecorded', data: { meetingId, decisions: [{ text: 'Again', wing: 'adivasi', taskId: 'review-26-m2-d1' }] } }]);
  });

  it('refuses an unknown wing, an unknown person, and an assignee or due time with no wing', () => {
    spec
      .given([scheduled])
      .when(record([{ text: 'x', wing: 'nope' }]))
      .thenThrows(InvalidCommand, 'unknown-wing');
    spec
      .given([scheduled])
      .when(record([{ text: 'x', wing: 'adivasi', assignee: { personId: 'ghost' } }]))
      .thenThrows(NotFound, 'person-not-found');
    spec
      .given([scheduled])
      .when(record([{ text: 'x', assignee: 'Ravi' }]))
      .thenThrows(InvalidCommand, 'decision-needs-wing');
    spec
      .given([scheduled])
      .when(record([{ text: 'x', dueAt: '2018-06-28T12:00:00.000Z' }]))
      .thenThrows(InvalidCommand, 'decision-needs-wing');
  });
});

describe('decision task ids and titles', () => {
  it('derives readable ids, hashed when they would not fit an id', () => {
    expect(decisionTaskId('m', 1, 0)).toBe('m-m1-d1');
    const long = decisionTaskId('x'.repeat(60), 3, 9);
    expect(long).toMatch(/^fu-[0-9a-f]{24}$/);
    expect(decisionTaskId('x'.repeat(60), 3, 9)).toBe(long);
    expect(decisionTaskId('x'.repeat(60), 3, 10)).not.toBe(long);
  });

  it('cuts a long decision into a title at a word', () => {
    expect(decisionTitle('short')).toBe('short');
    const title = decisionTitle(`${'शब्द '.repeat(60)}end`);
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title.endsWith('…')).toBe(true);
  });
});

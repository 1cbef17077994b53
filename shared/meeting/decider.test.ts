import { deciderSpec } from '../common/deciderSpec';
import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import type { RescheduleMeeting, ScheduleMeeting } from './commands';
import { meetingDecider, meetingFacts, type MeetingContext } from './decider';
import { MeetingEventSchema, type MeetingEvent } from './events';

const context: MeetingContext = { programmeIdTaken: false };
const spec = deciderSpec(meetingDecider, { context, events: MeetingEventSchema });

const meetingId = 'raipur-review';
const at = (hhmm: string) => `2018-06-26T${hhmm}:00.000Z`;

const schedule: ScheduleMeeting = {
  type: 'ScheduleMeeting',
  meetingId,
  title: 'जिला प्रभारियों की समीक्षा बैठक',
  venue: 'Rajiv Bhawan, Raipur',
  startsAt: at('05:30'),
  endsAt: at('08:30'),
  chairs: ['P. L. Punia', 'भूपेश बघेल'],
};
type Scheduled = Extract<MeetingEvent, { type: 'MeetingScheduled' }>;
const scheduled: Scheduled = {
  type: 'MeetingScheduled',
  data: { meetingId, title: schedule.title, venue: schedule.venue, startsAt: at('05:30'), endsAt: at('08:30'), chairs: schedule.chairs, agenda: [] },
};
const cancelled: MeetingEvent = { type: 'MeetingCancelled', data: { meetingId, reason: 'clashes with the tour' } };
const reschedule = (fields: Omit<RescheduleMeeting, 'type' | 'meetingId'>): RescheduleMeeting => ({ type: 'RescheduleMeeting', meetingId, ...fields });
type Rescheduled = Extract<MeetingEvent, { type: 'MeetingRescheduled' }>;
const rescheduled = (data: Omit<Rescheduled['data'], 'meetingId'>): Rescheduled => ({
  type: 'MeetingRescheduled',
  data: { meetingId, ...data },
});
const minutes = { type: 'RecordMinutes' as const, meetingId, decisions: ['हर बूथ पर दस कार्यकर्ता'], attendance: 42 };

describe('ScheduleMeeting', () => {
  it('schedules a meeting with an empty agenda when none is given', () => {
    spec.given([]).when(schedule).then([scheduled]);
  });

  it('keeps the agenda in its order', () => {
    const agenda = ['बूथ प्रबंधन', 'Social media plan'];
    spec
      .given([])
      .when({ ...schedule, agenda })
      .then([{ type: 'MeetingScheduled', data: { ...scheduled.data, agenda } }]);
  });

  it('keeps the series the meeting belongs to (its board carries the earlier meetings’ follow-ups)', () => {
    spec
      .given([])
      .when({ ...schedule, series: 'monthly-review' })
      .then([{ type: 'MeetingScheduled', data: { ...scheduled.data, series: 'monthly-review' } }]);
  });

  it('schedules a meeting with no end', () => {
    const { endsAt: _e, ...open } = schedule;
    const { endsAt: _f, ...data } = scheduled.data;
    spec
      .given([])
      .when(open)
      .then([{ type: 'MeetingScheduled', data }]);
  });

  it('refuses an id a meeting already has', () => {
    spec.given([scheduled]).when(schedule).thenThrows(RuleViolation, 'id-taken');
  });

  it('refuses an id a tour already has', () => {
    spec.given([], { programmeIdTaken: true }).when(schedule).thenThrows(RuleViolation, 'id-taken');
  });
});

describe('RescheduleMeeting', () => {
  it('moves a meeting', () => {
    spec
      .given([scheduled])
      .when(reschedule({ startsAt: at('09:00'), endsAt: at('10:00') }))
      .then([rescheduled({ startsAt: at('09:00'), endsAt: at('10:00') })]);
  });

  it('moves a meeting to another venue at the same time', () => {
    spec
      .given([scheduled])
      .when(reschedule({ startsAt: at('05:30'), endsAt: at('08:30'), venue: 'Circuit House' }))
      .then([rescheduled({ startsAt: at('05:30'), endsAt: at('08:30'), venue: 'Circuit House' })]);
  });

  it('keeps the length when only the start is given: the end moves with it', () => {
    spec
      .given([scheduled])
      .when(reschedule({ startsAt: at('09:00') }))
      .then([rescheduled({ startsAt: at('09:00'), endsAt: at('12:00') })]);
  });

  it('keeps the length across midnight and the venue when only the start is given', () => {
    spec
      .given([scheduled, rescheduled({ startsAt: at('05:30'), endsAt: at('08:30'), venue: 'Circuit House' })])
      .when(reschedule({ startsAt: '2018-06-26T23:00:00.000Z' }))
      .then([rescheduled({ startsAt: '2018-06-26T23:00:00.000Z', endsAt: '2018-06-27T02:00:00.000Z' })]);
  });

  it('leaves a meeting without an end without one', () => {
    const { endsAt: _e, ...open } = scheduled.data;
    spec
      .given([{ type: 'MeetingScheduled', data: open }])
      .when(reschedule({ startsAt: at('09:00') }))
      .then([rescheduled({ startsAt: at('09:00') })]);
  });

  it('changes nothing when only the same start is given', () => {
    spec
      .given([scheduled])
      .when(reschedule({ startsAt: at('05:30') }))
      .thenNothing();
  });

  it('changes nothing when only the same start and the same venue are given', () => {
    spec
      .given([scheduled])
      .when(reschedule({ startsAt: at('05:30'), venue: schedule.venue }))
      .thenNothing();
  });

  it('moves the venue alone when the start is the same', () => {
    spec
      .given([scheduled])
      .when(reschedule({ startsAt: at('05:30'), venue: 'Circuit House' }))
      .then([rescheduled({ startsAt: at('05:30'), endsAt: at('08:30'), venue: 'Circuit House' })]);
  });

  it('refuses, at startsAt, a start whose kept length would end after 9999', () => {
    spec
      .given([scheduled])
      .when(reschedule({ startsAt: '9999-12-31T23:00:00.000Z' }))
      .thenThrows(InvalidCommand, 'time-out-of-range');
  });

  it('still reads an old reschedule without an end as dropping the end', () => {
    spec
      .given([scheduled, rescheduled({ startsAt: at('09:00') })])
      .when(reschedule({ startsAt: at('09:00') }))
      .thenNothing();
  });

  it('changes nothing when the time is the same and no venue is given', () => {
    spec
      .given([scheduled])
      .when(reschedule({ startsAt: at('05:30'), endsAt: at('08:30') }))
      .thenNothing();
  });

  it('changes nothing when the time and the venue are the same', () => {
    spec
      .given([scheduled])
      .when(reschedule({ startsAt: at('05:30'), endsAt: at('08:30'), venue: schedule.venue }))
      .thenNothing();
  });

  it('changes nothing when asked again for what it was rescheduled to', () => {
    spec
      .given([scheduled, rescheduled({ startsAt: at('09:00'), venue: 'Circuit House' })])
      .when(reschedule({ startsAt: at('09:00'), venue: 'Circuit House' }))
      .thenNothing();
  });

  it('refuses a cancelled meeting', () => {
    spec
      .given([scheduled, cancelled])
      .when(reschedule({ startsAt: at('09:00') }))
      .thenThrows(RuleViolation, 'meeting-cancelled');
  });

  it('refuses a meeting that does not exist', () => {
    spec
      .given([])
      .when(reschedule({ startsAt: at('09:00') }))
      .thenThrows(NotFound, 'meeting-not-found');
  });
});

describe('CancelMeeting', () => {
  const cancel = { type: 'CancelMeeting' as const, meetingId, reason: 'clashes with the tour' };

  it('cancels a meeting', () => {
    spec.given([scheduled]).when(cancel).then([cancelled]);
  });

  it('refuses to cancel a cancelled meeting', () => {
    spec.given([scheduled, cancelled]).when(cancel).thenThrows(RuleViolation, 'meeting-cancelled');
  });

  it('refuses a meeting that does not exist', () => {
    spec.given([]).when(cancel).thenThrows(NotFound, 'meeting-not-found');
  });
});

describe('RecordMinutes', () => {
  it('records the decisions and the attendance', () => {
    spec
      .given([scheduled])
      .when(minutes)
      .then([{ type: 'MinutesRecorded', data: { meetingId, decisions: minutes.decisions, attendance: 42 } }]);
  });

  it('records minutes more than once', () => {
    const recorded: MeetingEvent = { type: 'MinutesRecorded', data: { meetingId, decisions: ['first'] } };
    spec
      .given([scheduled, recorded])
      .when(minutes)
      .then([{ type: 'MinutesRecorded', data: { meetingId, decisions: minutes.decisions, attendance: 42 } }]);
  });

  it('refuses minutes of a cancelled meeting', () => {
    spec.given([scheduled, cancelled]).when(minutes).thenThrows(RuleViolation, 'meeting-cancelled');
  });

  it('refuses minutes of a meeting that does not exist', () => {
    spec.given([]).when(minutes).thenThrows(NotFound, 'meeting-not-found');
  });
});

describe('meetingFacts', () => {
  const fold = (events: MeetingEvent[]) => events.reduce(meetingDecider.evolve, meetingDecider.initialState);

  it('knows nothing of a meeting that does not exist', () => {
    expect(meetingFacts(meetingId, fold([]))).toBeUndefined();
  });

  it('gives the meeting, whether it is cancelled, and no stops', () => {
    const facts = meetingFacts(meetingId, fold([scheduled, cancelled]));
    expect(facts).toMatchObject({ kind: 'meeting', id: meetingId, cancelled: true });
    expect(facts?.stops.size).toBe(0);
  });
});

import type { EventMetadata } from '../common/metadata';
import type { DomainEvent } from '../events/DomainEventSchema';
import { compensationFor, lateReason, type Compensation } from './compensationFor';
import { isPlanEvent, PlanCancellations, type PlanStoredEvent } from './PlanCancellations';

/**
 * The compensator's decision, given/when/then: given the events before (in `$all` order), when one
 * more event comes, then the compensation it needs (or none).
 */

const META: EventMetadata = {
  actor: { sub: 'u1', name: 'प्रभारी', role: 'incharge' },
  at: '2018-06-20T04:30:00.000Z',
  commandId: 'c1',
  correlationId: 'corr-1',
  schema: 1,
};

type Of<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>['data'];
const e = <T extends DomainEvent['type']>(type: T, data: Of<T>) => ({ type, data }) as Extract<DomainEvent, { type: T }>;

const streamOf = (event: DomainEvent): string => {
  const data: Record<string, unknown> = event.data;
  if ('taskId' in data) return `task-${String(data.taskId)}`;
  if ('responsibilityId' in data) return `responsibility-${String(data.responsibilityId)}`;
  if ('tourId' in data) return `tour-${String(data.tourId)}`;
  return `meeting-${String(data.meetingId)}`;
};

/** Positions 1, 2, 3… in the order given; each stream's version counted as it grows. */
function recorded(events: readonly DomainEvent[]): PlanStoredEvent[] {
  const versions = new Map<string, number>();
  return events.map((event, i) => {
    const streamId = streamOf(event);
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    const stored = { ...event, metadata: META, streamId, version, position: String(i + 1) };
    if (!isPlanEvent(stored)) throw new Error(`not a plan event: ${event.type}`);
    return stored;
  });
}

function given(...before: DomainEvent[]) {
  return {
    when(event: DomainEvent) {
      const all = recorded([...before, event]);
      const state = new PlanCancellations();
      for (const earlier of all.slice(0, -1)) state.evolve(earlier);
      const last = all.at(-1);
      if (last === undefined) throw new Error('no event');
      const decided = compensationFor(state, last, `id-${last.position}`);
      return {
        thenNothing() {
          expect(decided).toBeUndefined();
        },
        thenCompensates(expected: Pick<Compensation, 'event' | 'expectedVersion'>) {
          const cause = { id: `id-${last.position}`, correlationId: 'corr-1', type: last.type, position: last.position };
          expect(decided).toEqual({ ...expected, streamId: last.streamId, cause });
        },
      };
    },
  };
}

const tour = e('TourPlanned', { tourId: 't1', title: 'Bastar tour', leader: 'नेता जी' });
const stop = (stopId: string) =>
  e('StopAdded', {
    tourId: 't1',
    stopId,
    place: 'Jagdalpur',
    district: 'Bastar',
    venue: 'Lalbagh',
    startsAt: '2018-06-26T05:30:00.000Z',
    endsAt: '2018-06-26T07:30:00.000Z',
  });
const meeting = e('MeetingScheduled', {
  meetingId: 'm1',
  title: 'Review',
  venue: 'Rajiv Bhawan',
  startsAt: '2018-06-20T04:30:00.000Z',
  chairs: ['अध्यक्ष'],
  agenda: [],
});
const taskOn = (taskId: string, programmeId: string, extra: Partial<Of<'TaskLogged'>> = {}) =>
  e('TaskLogged', { taskId, programmeId, wing: 'adivasi', programmeKind: programmeId === 'm1' ? 'meeting' : 'tour', title: 'Tent', ...extra });
const started = (taskId: string, programmeId = 't1') => e('TaskStarted', { taskId, programmeId, wing: 'adivasi', from: 'todo' });
const dutyOn = (responsibilityId: string, extra: Partial<Of<'ResponsibilityAssigned'>> = {}) =>
  e('ResponsibilityAssigned', { responsibilityId, programmeId: 't1', programmeKind: 'tour', wing: 'adivasi', duty: 'crowd', ...extra });
const tourCancelled = e('TourCancelled', { tourId: 't1', reason: 'postponed' });
const stopCancelled = (stopId: string) => e('StopCancelled', { tourId: 't1', stopId, reason: 'rain' });
const cancelTask = (taskId: string, programmeId: string, reason: string) => e('TaskCancelled', { taskId, programmeId, wing: 'adivasi', reason });

describe('on a live programme nothing is compensated', () => {
  test('a task logged, worked, noted', () => {
    given(tour).when(taskOn('k1', 't1')).thenNothing();
    given(tour, taskOn('k1', 't1')).when(started('k1')).thenNothing();
    given(tour, stop('s1'), taskOn('k1', 't1', { stopId: 's1' }))
      .when(e('TaskNoteAdded', { taskId: 'k1', programmeId: 't1', wing: 'adivasi', text: 'ok' }))
      .thenNothing();
  });

  test('work on another stop than the one cancelled', () => {
    given(tour, stop('s1'), stop('s2'), stopCancelled('s1'))
      .when(taskOn('k1', 't1', { stopId: 's2' }))
      .thenNothing();
    given(tour, stop('s1'), stop('s2'), taskOn('k1', 't1', { stopId: 's2' }), stopCancelled('s1'))
      .when(started('k1'))
      .thenNothing();
  });

  test('the same ids on another programme', () => {
    given(tour, tourCancelled, meeting).when(taskOn('k1', 'm1')).thenNothing();
  });
});

describe('a task event after its programme was cancelled is undone by the task’s cancel', () => {
  test('a task logged on a cancelled tour', () => {
    given(tour, tourCancelled)
      .when(taskOn('k1', 't1'))
      .thenCompensates({ expectedVersion: 1, event: cancelTask('k1', 't1', lateReason('tour')) });
  });

  test('a status change on a task logged before the cancel (the task was live; the change is late)', () => {
    given(tour, taskOn('k1', 't1'), tourCancelled)
      .when(started('k1'))
      .thenCompensates({ expectedVersion: 2, event: cancelTask('k1', 't1', lateReason('tour')) });
  });

  test('a task on a cancelled meeting', () => {
    given(meeting, e('MeetingCancelled', { meetingId: 'm1', reason: 'clash' }))
      .when(taskOn('k1', 'm1'))
      .thenCompensates({ expectedVersion: 1, event: cancelTask('k1', 'm1', lateReason('meeting')) });
  });

  test('a late change to a task of a cancelled stop, the stop known from when it was logged', () => {
    given(tour, stop('s1'), taskOn('k1', 't1', { stopId: 's1' }), stopCancelled('s1'))
      .when(e('TaskAssigned', { taskId: 'k1', programmeId: 't1', wing: 'adivasi', assignee: 'Lakhma' }))
      .thenCompensates({ expectedVersion: 2, event: cancelTask('k1', 't1', lateReason('stop')) });
    given(tour, stop('s1'), stopCancelled('s1'))
      .when(taskOn('k1', 't1', { stopId: 's1' }))
      .thenCompensates({ expectedVersion: 1, event: cancelTask('k1', 't1', lateReason('stop')) });
  });

  test('a cancelled tour says "tour" even when the stop is cancelled too', () => {
    given(tour, stop('s1'), stopCancelled('s1'), tourCancelled)
      .when(taskOn('k1', 't1', { stopId: 's1' }))
      .thenCompensates({ expectedVersion: 1, event: cancelTask('k1', 't1', lateReason('tour')) });
  });
});

describe('a duty event after its programme or stop was cancelled is undone by the duty’s cancel', () => {
  const cancelled = (reason: string, wing = 'adivasi') => e('ResponsibilityCancelled', { responsibilityId: 'r1', programmeId: 't1', wing, reason });

  test('assigned on a cancelled tour, acknowledged on a cancelled stop', () => {
    given(tour, tourCancelled)
      .when(dutyOn('r1'))
      .thenCompensates({ expectedVersion: 1, event: cancelled(lateReason('tour')) });
    given(tour, stop('s1'), dutyOn('r1', { stopId: 's1' }), stopCancelled('s1'))
      .when(e('ResponsibilityAcknowledged', { responsibilityId: 'r1', programmeId: 't1', wing: 'adivasi' }))
      .thenCompensates({ expectedVersion: 2, event: cancelled(lateReason('stop')) });
  });

  test('reassigned late: cancelled under the wing it now has', () => {
    given(tour, dutyOn('r1'), tourCancelled)
      .when(e('ResponsibilityReassigned', { responsibilityId: 'r1', programmeId: 't1', from: 'adivasi', wing: 'youth' }))
      .thenCompensates({ expectedVersion: 2, event: cancelled(lateReason('tour'), 'youth') });
  });
});

describe('what needs no compensation', () => {
  test('a cancel that raced the programme’s cancel: the task or duty is gone either way', () => {
    given(tour, taskOn('k1', 't1'), tourCancelled)
      .when(cancelTask('k1', 't1', 'duplicate'))
      .thenNothing();
    given(tour, dutyOn('r1'), tourCancelled)
      .when(e('ResponsibilityCancelled', { responsibilityId: 'r1', programmeId: 't1', wing: 'adivasi', reason: 'x' }))
      .thenNothing();
  });

  test('the compensation itself, and the programme’s own events', () => {
    given(tour, tourCancelled, taskOn('k1', 't1'))
      .when(cancelTask('k1', 't1', lateReason('tour')))
      .thenNothing();
    given(tour, tourCancelled)
      .when(e('StopRescheduled', { tourId: 't1', stopId: 's1', startsAt: '2018-06-26T05:30:00.000Z', endsAt: '2018-06-26T07:30:00.000Z' }))
      .thenNothing();
  });

  test('a task whose stop link was dropped when it was cancelled is not remembered', () => {
    const state = new PlanCancellations();
    for (const event of recorded([tour, stop('s1'), taskOn('k1', 't1', { stopId: 's1' })])) state.evolve(event);
    expect(state.stopOf('task-k1')).toBe('s1');
    const [cancel] = recorded([cancelTask('k1', 't1', 'duplicate')]);
    if (cancel) state.evolve(cancel);
    expect(state.stopOf('task-k1')).toBeUndefined();
  });
});

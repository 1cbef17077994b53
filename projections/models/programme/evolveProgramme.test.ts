import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import { ev } from '../../testing/domainEvents';
import { EventLog, fold } from '../../testing/EventLog';
import { evolveProgramme } from './evolveProgramme';
import type { ProgrammeDoc } from './ProgrammeDoc';

const S1 = ['2018-06-26T05:30:00.000Z', '2018-06-26T08:30:00.000Z'] as const;
const S2 = ['2018-06-27T05:30:00.000Z', '2018-06-27T08:30:00.000Z'] as const;

const run = (events: StoredEvent[]) => fold<ProgrammeDoc | undefined>(evolveProgramme, undefined, events);

function tour(doc: ProgrammeDoc | undefined) {
  if (doc?.kind !== 'tour') throw new Error('expected a tour');
  return doc;
}
function meeting(doc: ProgrammeDoc | undefined) {
  if (doc?.kind !== 'meeting') throw new Error('expected a meeting');
  return doc;
}

describe('evolveProgramme: the programme document', () => {
  it('starts a tour with its details, the stream version and position, and no stops', () => {
    const log = new EventLog();
    const doc = tour(run([log.record(ev.tourPlanned('t1', { region: 'Bastar', notes: 'बस्तर' }))]));
    expect(doc).toEqual({
      id: 't1',
      kind: 'tour',
      title: 'Tour t1',
      leader: 'नेता जी',
      region: 'Bastar',
      notes: 'बस्तर',
      stops: [],
      status: 'planned',
      version: 1,
      position: '1',
      tasks: {},
      responsibilities: {},
      wings: [],
    });
  });

  it('adds, reschedules and cancels stops; the version follows the tour stream only', () => {
    const log = new EventLog();
    const doc = tour(
      run(
        log.all([
          ev.tourPlanned('t1'),
          ev.stopAdded('t1', 's1', ...S1, { hostWing: 'adivasi' }),
          ev.stopAdded('t1', 's2', ...S1),
          ev.taskLogged('k1', 't1', 'youth'),
          ev.stopRescheduled('t1', 's2', ...S2),
          ev.stopCancelled('t1', 's1'),
        ]),
      ),
    );
    expect(doc.version).toBe(5);
    expect(doc.position).toBe('6');
    expect(doc.stops).toEqual([
      {
        id: 's1',
        place: 'Jagdalpur',
        district: 'Bastar',
        venue: 'Lalbagh ground',
        startsAt: S1[0],
        endsAt: S1[1],
        hostWing: 'adivasi',
        cancelled: true,
        cancelReason: 'rain',
      },
      { id: 's2', place: 'Jagdalpur', district: 'Bastar', venue: 'Lalbagh ground', startsAt: S2[0], endsAt: S2[1], cancelled: false },
    ]);
  });

  it('cancels a tour', () => {
    const log = new EventLog();
    const doc = run(log.all([ev.tourPlanned('t1'), ev.tourCancelled('t1')]));
    expect(doc).toMatchObject({ status: 'cancelled', cancelReason: 'postponed', version: 2 });
  });

  it('keeps a meeting: reschedule without an end drops the end, keeps the venue; minutes; cancel', () => {
    const log = new EventLog();
    const events = log.all([
      ev.meetingScheduled('m1', S1[0], S1[1]),
      ev.meetingRescheduled('m1', S2[0]),
      ev.minutesRecorded('m1'),
      ev.meetingRescheduled('m1', S2[0], S2[1], 'Congress Bhawan'),
    ]);
    const afterFirst = meeting(run(events.slice(0, 2)));
    expect(afterFirst.endsAt).toBeUndefined();
    expect(afterFirst.venue).toBe('Rajiv Bhawan');
    const doc = meeting(run([...events, log.record(ev.meetingCancelled('m1'))]));
    expect(doc).toMatchObject({
      startsAt: S2[0],
      endsAt: S2[1],
      venue: 'Congress Bhawan',
      chairs: ['अध्यक्ष'],
      agenda: ['booths'],
      minutes: { decisions: ['booth committees by Friday'], attendance: 40, recordedAt: '2018-06-20T04:30:00.000Z' },
      status: 'cancelled',
      version: 5,
    });
  });

  it('keeps task cards through their life, with the task stream version and notes', () => {
    const log = new EventLog();
    const at = '2018-06-25T10:00:00.000Z';
    const events = [
      ...log.all([
        ev.tourPlanned('t1'),
        ev.taskLogged('k1', 't1', 'youth', { stopId: 's1', responsibilityId: 'r1', dueAt: S1[0], assignee: 'Ravi' }),
        ev.taskStarted('k1', 't1', 'youth', 'buses booked'),
        ev.taskBlocked('k1', 't1', 'youth', 'no permission yet'),
      ]),
      log.record(ev.taskNoteAdded('k1', 't1', 'youth', 'अनुमति का इंतज़ार'), { at }),
    ];
    const blocked = run(events)?.tasks.k1;
    expect(blocked).toEqual({
      id: 'k1',
      title: 'Task k1',
      wing: 'youth',
      assignee: 'Ravi',
      dueAt: S1[0],
      stopId: 's1',
      responsibilityId: 'r1',
      status: 'blocked',
      blockedReason: 'no permission yet',
      blockedSince: '2018-06-20T04:30:00.000Z',
      version: 4,
      loggedKey: '00000000000000000002',
      notes: 2,
      lastNote: { text: 'अनुमति का इंतज़ार', at, by: 'प्रभारी' },
      lastChange: { at, by: 'प्रभारी', type: 'TaskNoteAdded' },
    });
    const done = run([
      ...events,
      ...log.all([
        ev.taskUnblocked('k1', 't1', 'youth'),
        ev.taskAssigned('k1', 't1', 'youth', 'Meena'),
        ev.taskDueChanged('k1', 't1', 'youth', S2[0]),
        ev.taskCompleted('k1', 't1', 'youth'),
      ]),
    ])?.tasks.k1;
    expect(done).toMatchObject({ status: 'done', assignee: 'Meena', dueAt: S2[0], version: 8, notes: 2 });
    expect(done?.blockedReason).toBeUndefined();
    const reopened = run([...events, ...log.all([ev.taskCompleted('k1', 't1', 'youth'), ev.taskReopened('k1', 't1', 'youth')])])?.tasks.k1;
    expect(reopened?.status).toBe('todo');
    expect(reopened?.lastChange).toEqual({ at: '2018-06-20T04:30:00.000Z', by: 'प्रभारी', type: 'TaskReopened' });
    // lastChange names who made the last change, whatever it was.
    const organiser = { sub: 'u-org', name: 'सुनीता', role: 'organiser' as const, wing: 'youth' };
    const moved = run([...events, log.record(ev.taskUnblocked('k1', 't1', 'youth'), { actor: organiser, at: S1[0] })])?.tasks.k1;
    expect(moved?.lastChange).toEqual({ at: S1[0], by: 'सुनीता', type: 'TaskUnblocked' });
  });

  it('marks a cancelled task and drops its wing when nothing else of that wing is live', () => {
    const log = new EventLog();
    const doc = run(
      log.all([ev.tourPlanned('t1'), ev.taskLogged('k1', 't1', 'youth'), ev.taskLogged('k2', 't1', 'mahila'), ev.taskCancelled('k1', 't1', 'youth')]),
    );
    expect(doc?.tasks.k1).toMatchObject({ status: 'cancelled', cancelReason: 'duplicate' });
    expect(doc?.wings).toEqual(['mahila']);
  });

  it('keeps responsibilities: acknowledged by whom and when, reassigned (unacknowledged again), cancelled', () => {
    const log = new EventLog();
    const lead = { sub: 'u-lead', name: 'Tribal wing lead', role: 'wing-lead' as const, wing: 'adivasi' };
    const at = '2018-06-21T09:00:00.000Z';
    const base = [
      ...log.all([ev.tourPlanned('t1'), ev.responsibilityAssigned('r1', 't1', 'adivasi', { stopId: 's1', lead: 'Kawasi' })]),
      log.record(ev.responsibilityAcknowledged('r1', 't1', 'adivasi'), { actor: lead, at }),
    ];
    const acknowledged = run(base);
    expect(acknowledged?.responsibilities.r1).toEqual({
      id: 'r1',
      wing: 'adivasi',
      duty: 'crowd mobilisation',
      stopId: 's1',
      lead: 'Kawasi',
      acknowledged: true,
      acknowledgedBy: { name: 'Tribal wing lead', at },
      givenAt: '2018-06-20T04:30:00.000Z',
      cancelled: false,
      version: 2,
      assignedKey: '00000000000000000002',
    });
    expect(acknowledged?.wings).toEqual(['adivasi']);
    const moved = run([...base, log.record(ev.responsibilityReassigned('r1', 't1', 'adivasi', 'youth'))]);
    expect(moved?.responsibilities.r1).toMatchObject({ wing: 'youth', acknowledged: false, version: 3 });
    expect(moved?.responsibilities.r1?.acknowledgedBy).toBeUndefined();
    expect(moved?.wings).toEqual(['youth']);
    const cancelled = run([...base, log.record(ev.responsibilityCancelled('r1', 't1', 'adivasi'))]);
    expect(cancelled?.responsibilities.r1).toMatchObject({ cancelled: true, cancelReason: 'not needed' });
    expect(cancelled?.wings).toEqual([]);
  });

  it('keeps a meeting’s series, and the follow-ups of every minutes recorded (not only the latest)', () => {
    const log = new EventLog();
    const scheduled = ev.meetingScheduled('m1', S1[0], S1[1]);
    const minutes = (n: number, wing: string) => ({
      type: 'MinutesRecorded' as const,
      data: { meetingId: 'm1', decisions: ['noted', { text: `act ${n}`, wing, taskId: `m1-m${n}-d2` }] },
    });
    const doc = meeting(run(log.all([{ ...scheduled, data: { ...scheduled.data, series: 'monthly-review' } }, minutes(1, 'youth'), minutes(2, 'adivasi')])));
    expect(doc.series).toBe('monthly-review');
    expect(doc.followUpTasks).toEqual(['m1-m1-d2', 'm1-m2-d2']);
    expect(doc.minutes?.followUps).toEqual([{ decision: 1, taskId: 'm1-m2-d2', wing: 'adivasi' }]);
  });

  it('handles ids that are names of Object.prototype members', () => {
    const log = new EventLog();
    const doc = run(log.all([ev.tourPlanned('t1'), ev.taskStarted('constructor', 't1', 'youth'), ev.taskLogged('toString', 't1', 'youth')]));
    expect(Object.keys(doc?.tasks ?? {})).toEqual(['toString']);
  });

  it('answers the same document for events that are not its own or that change nothing', () => {
    const log = new EventLog();
    const doc = run(log.all([ev.tourPlanned('t1')]));
    expect(evolveProgramme(doc, log.record(ev.wingRegistered('new-cell')))).toBe(doc);
    expect(evolveProgramme(doc, log.record(ev.tourPlanned('t1')))).toBe(doc);
    expect(evolveProgramme(doc, log.record(ev.taskNoteAdded('unknown', 't1', 'youth', 'x')))).toBe(doc);
    expect(evolveProgramme(undefined, log.record(ev.taskLogged('k1', 't1', 'youth')))).toBeUndefined();
  });

  it('is pure: the input document is never changed', () => {
    const log = new EventLog();
    const events = log.all([ev.tourPlanned('t1'), ev.stopAdded('t1', 's1', ...S1), ev.taskLogged('k1', 't1', 'youth')]);
    const before = run(events);
    const frozen = JSON.stringify(before);
    run([...events, ...log.all([ev.taskStarted('k1', 't1', 'youth', 'n'), ev.stopCancelled('t1', 's1'), ev.tourCancelled('t1')])]);
    evolveProgramme(before, log.record(ev.taskCompleted('k1', 't1', 'youth', 'done')));
    expect(JSON.stringify(before)).toBe(frozen);
  });
});

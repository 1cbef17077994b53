import type { MeetingDoc, TaskCard, TourDoc } from '../models/programme/ProgrammeDoc';
import { combineReadiness } from './combineReadiness';
import { readiness } from './readiness';

const H = 60 * 60 * 1000;
const START = Date.parse('2018-06-26T05:30:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

const common = { status: 'planned' as const, version: 1, position: '1', tasks: {}, responsibilities: {}, wings: [] };

function meetingAt(start: number, extra: Partial<MeetingDoc> = {}): MeetingDoc {
  return {
    ...common,
    id: 'm1',
    kind: 'meeting',
    title: 'Review',
    venue: 'Rajiv Bhawan',
    startsAt: iso(start),
    endsAt: iso(start + 3 * H),
    chairs: ['अध्यक्ष'],
    agenda: [],
    ...extra,
  };
}

function tourWith(stops: TourDoc['stops']): TourDoc {
  return { ...common, id: 't1', kind: 'tour', title: 'Bastar', leader: 'नेता', stops };
}

let n = 0;
function task(status: TaskCard['status'], extra: Partial<TaskCard> = {}): TaskCard {
  n++;
  return { id: `k${n}`, title: 't', wing: 'youth', status, version: 1, loggedKey: String(n).padStart(20, '0'), notes: 0, ...extra };
}

describe('readiness: SPEC counts at an injected now', () => {
  const before = (hours: number) => new Date(START - hours * H);

  it.each([
    // name, tasks, now, expected
    ['no tasks: 0 %, not at risk outside the window', [], before(72), { percent: 0, total: 0, done: 0, inProgress: 0, blocked: 0, overdue: 0, atRisk: false }],
    ['no tasks inside the window: 0 % is at risk', [], before(24), { percent: 0, total: 0, atRisk: true }],
    ['cancelled tasks do not count', [task('done'), task('cancelled'), task('cancelled')], before(24), { percent: 100, total: 1, done: 1, atRisk: false }],
    ['percent rounds: 2 of 3 → 67', [task('done'), task('done'), task('todo')], before(72), { percent: 67, total: 3, done: 2 }],
    ['percent rounds: 1 of 8 → 13 (12.5 rounds up)', [task('done'), ...Array.from({ length: 7 }, () => task('todo'))], before(72), { percent: 13 }],
    [
      'counts each status',
      [task('todo'), task('in_progress'), task('in_progress'), task('blocked'), task('done')],
      before(72),
      { total: 5, done: 1, inProgress: 2, blocked: 1, overdue: 0 },
    ],
    [
      'overdue: not done and due before now',
      [
        task('todo', { dueAt: iso(START - 73 * H) }),
        task('done', { dueAt: iso(START - 73 * H) }),
        task('blocked', { dueAt: iso(START - 73 * H) }),
        task('todo', { dueAt: iso(START - 72 * H) }), // due exactly now: not yet overdue
        task('todo', { dueAt: iso(START) }),
      ],
      before(72),
      { overdue: 2 },
    ],
    [
      '80 % and nothing blocked or overdue within 48 h: not at risk',
      [...Array.from({ length: 4 }, () => task('done')), task('todo')],
      before(47),
      { percent: 80, atRisk: false },
    ],
    [
      '79 % within 48 h: at risk',
      [...Array.from({ length: 15 }, () => task('done')), ...Array.from({ length: 4 }, () => task('todo'))],
      before(47),
      { percent: 79, atRisk: true },
    ],
    [
      '100 % but one blocked within 48 h: at risk',
      [...Array.from({ length: 9 }, () => task('done')), task('blocked')],
      before(1),
      { percent: 90, atRisk: true },
    ],
    [
      '100 % done but an overdue task within 48 h: at risk',
      [...Array.from({ length: 9 }, () => task('done')), task('in_progress', { dueAt: iso(START - 10 * H) })],
      before(2),
      { overdue: 1, atRisk: true },
    ],
    ['exactly 48 h before the start is within the window', [task('todo')], before(48), { atRisk: true }],
    ['48 h and 1 ms before the start is not', [task('todo')], new Date(START - 48 * H - 1), { atRisk: false }],
    ['under way and not ready: at risk', [task('todo')], new Date(START + H), { atRisk: true }],
    ['ended: never at risk', [task('todo')], new Date(START + 3 * H), { atRisk: false }],
  ] as const)('%s', (_name, tasks, now, expected) => {
    expect(readiness(tasks, meetingAt(START), now)).toMatchObject(expected);
  });

  it('a cancelled programme is never at risk', () => {
    expect(readiness([task('todo')], meetingAt(START, { status: 'cancelled' }), before(1)).atRisk).toBe(false);
  });

  it('a meeting without an end runs for 2 hours', () => {
    const { endsAt: _end, ...doc } = meetingAt(START);
    expect(readiness([task('todo')], doc, new Date(START + 2 * H - 1)).atRisk).toBe(true);
    expect(readiness([task('todo')], doc, new Date(START + 2 * H)).atRisk).toBe(false);
  });

  it('breaks the counts down by wing, each with the same fields', () => {
    const result = readiness(
      [task('done', { wing: 'youth' }), task('todo', { wing: 'youth' }), task('blocked', { wing: 'adivasi' }), task('cancelled', { wing: 'sc' })],
      meetingAt(START),
      before(24),
    );
    expect(result.byWing).toEqual({
      adivasi: { percent: 0, total: 1, done: 0, inProgress: 0, blocked: 1, overdue: 0, atRisk: true },
      youth: { percent: 50, total: 2, done: 1, inProgress: 0, blocked: 0, overdue: 0, atRisk: true },
    });
    expect(result.byStop).toBeUndefined();
  });

  it('breaks a tour down by live stop, each stop with its own risk window', () => {
    const tour = tourWith([
      { id: 'near', place: 'a', district: 'a', venue: 'a', startsAt: iso(START), endsAt: iso(START + 2 * H), cancelled: false },
      { id: 'far', place: 'b', district: 'b', venue: 'b', startsAt: iso(START + 72 * H), endsAt: iso(START + 74 * H), cancelled: false },
      { id: 'off', place: 'c', district: 'c', venue: 'c', startsAt: iso(START + 3 * H), endsAt: iso(START + 4 * H), cancelled: true },
      { id: 'empty', place: 'd', district: 'd', venue: 'd', startsAt: iso(START + 5 * H), endsAt: iso(START + 6 * H), cancelled: false },
    ]);
    const result = readiness(
      [task('todo', { stopId: 'near' }), task('todo', { stopId: 'far' }), task('done', { stopId: 'off' }), task('todo')],
      tour,
      before(24),
    );
    // v2: the cancelled stop's (done) task leaves every count, and the stop leaves byStop.
    expect(result).toMatchObject({ total: 3, done: 0, percent: 0, atRisk: true });
    expect(result.byStop).toEqual({
      near: { percent: 0, total: 1, done: 0, inProgress: 0, blocked: 0, overdue: 0, atRisk: true },
      far: { percent: 0, total: 1, done: 0, inProgress: 0, blocked: 0, overdue: 0, atRisk: false },
      empty: { percent: 0, total: 0, done: 0, inProgress: 0, blocked: 0, overdue: 0, atRisk: true },
    });
  });

  it('an unscheduled tour is at risk only through an overdue task', () => {
    expect(readiness([task('todo')], tourWith([]), before(1)).atRisk).toBe(false);
    expect(readiness([task('blocked'), task('todo')], tourWith([]), before(1))).toMatchObject({ percent: 0, blocked: 1, atRisk: false });
  });
});

describe('readiness v2: SPEC v2 rules', () => {
  const D = 24 * H;
  const before = (ms: number) => new Date(START - ms);
  const stop = (id: string, startsAt: number, cancelled = false): TourDoc['stops'][number] => ({
    id,
    place: id,
    district: id,
    venue: id,
    startsAt: iso(startsAt),
    endsAt: iso(startsAt + 2 * H),
    cancelled,
  });

  it("leaves a cancelled stop's tasks out of every count, byWing and byStop", () => {
    const tour = tourWith([stop('live', START), stop('off', START + 5 * H, true)]);
    const result = readiness(
      [
        task('done', { stopId: 'live', wing: 'youth' }),
        task('todo', { stopId: 'off', wing: 'youth' }),
        task('blocked', { stopId: 'off', wing: 'adivasi' }),
        task('todo', { stopId: 'off', wing: 'mahila', dueAt: iso(START - 100 * D) }),
        task('in_progress', { stopId: 'off', wing: 'youth' }),
      ],
      tour,
      before(H),
    );
    expect(result).toMatchObject({ percent: 100, total: 1, done: 1, inProgress: 0, blocked: 0, overdue: 0, atRisk: false });
    expect(Object.keys(result.byWing)).toEqual(['youth']);
    expect(result.byWing.youth).toMatchObject({ total: 1, done: 1 });
    expect(Object.keys(result.byStop ?? {})).toEqual(['live']);
  });

  it('tasks without a stop and tasks of live stops still count on a tour with a cancelled stop', () => {
    const tour = tourWith([stop('live', START), stop('off', START + 5 * H, true)]);
    const result = readiness([task('todo'), task('done', { stopId: 'live' }), task('done', { stopId: 'off' })], tour, before(30 * D));
    expect(result).toMatchObject({ total: 2, done: 1, percent: 50 });
  });

  it.each([
    // name, tasks, now, expected
    ['5 days out with a blocked task: at risk', () => [task('done'), task('done'), task('blocked')], before(5 * D), { blocked: 1, percent: 67, atRisk: true }],
    ['5 days out at 0 % with nothing blocked or overdue: not at risk', () => [task('todo'), task('in_progress')], before(5 * D), { percent: 0, atRisk: false }],
    ['5 days out with no tasks at all: not at risk', () => [], before(5 * D), { total: 0, atRisk: false }],
    ['exactly 7 days out with a blocked task: at risk', () => [task('blocked')], before(7 * D), { atRisk: true }],
    ['7 days and 1 ms out with a blocked task: not at risk', () => [task('blocked')], before(7 * D + 1), { atRisk: false }],
    ['30 days out with a blocked task: not at risk', () => [task('blocked')], before(30 * D), { atRisk: false }],
    [
      '30 days out with an overdue task: at risk',
      () => [task('done'), task('done'), task('done'), task('todo', { dueAt: iso(START - 31 * D) })],
      before(30 * D),
      { percent: 75, overdue: 1, atRisk: true },
    ],
    ['a year out with an overdue task: at risk', () => [task('in_progress', { dueAt: iso(START - 400 * D) })], before(365 * D), { atRisk: true }],
    ['a done task past its due time is not overdue', () => [task('done', { dueAt: iso(START - 31 * D) })], before(30 * D), { overdue: 0, atRisk: false }],
    ['3 days out at 0 %: not yet (48 h for percent)', () => [task('todo')], before(72 * H), { atRisk: false }],
    [
      'under way with a blocked task at 90 %: at risk',
      () => [...Array.from({ length: 9 }, () => task('done')), task('blocked')],
      new Date(START + H),
      { percent: 90, atRisk: true },
    ],
    ['ended with an overdue task: not at risk', () => [task('todo', { dueAt: iso(START - D) })], new Date(START + 3 * H), { overdue: 1, atRisk: false }],
  ] as const)('%s', (_name, tasks, now, expected) => {
    expect(readiness(tasks(), meetingAt(START), now)).toMatchObject(expected);
  });

  it('byWing follows the same rule: only the wing with the blocked task is at risk 5 days out', () => {
    const result = readiness([task('blocked', { wing: 'adivasi' }), task('todo', { wing: 'youth' })], meetingAt(START), before(5 * D));
    expect(result.atRisk).toBe(true);
    expect(result.byWing.adivasi?.atRisk).toBe(true);
    expect(result.byWing.youth?.atRisk).toBe(false);
  });

  it("byStop uses each stop's own start for the 7-day rule", () => {
    const tour = tourWith([stop('soon', START), stop('later', START + 10 * D)]);
    const result = readiness([task('blocked', { stopId: 'soon' }), task('blocked', { stopId: 'later' })], tour, before(5 * D));
    expect(result.atRisk).toBe(true);
    expect(result.byStop?.soon?.atRisk).toBe(true);
    expect(result.byStop?.later?.atRisk).toBe(false);
  });

  it('an unscheduled tour with an overdue task is at risk', () => {
    const result = readiness([task('done'), task('todo', { dueAt: iso(START - D) })], tourWith([]), new Date(START));
    expect(result).toMatchObject({ overdue: 1, percent: 50, atRisk: true });
    // A tour whose every stop is cancelled is unscheduled too.
    const allOff = tourWith([stop('off', START + D, true)]);
    expect(readiness([task('todo', { dueAt: iso(START - D) })], allOff, new Date(START)).atRisk).toBe(true);
    expect(readiness([task('blocked')], allOff, new Date(START)).atRisk).toBe(false);
  });

  it('a cancelled programme is never at risk, not even with overdue or blocked tasks', () => {
    const off = meetingAt(START, { status: 'cancelled' });
    const result = readiness([task('todo', { dueAt: iso(START - D) }), task('blocked')], off, before(H));
    expect(result).toMatchObject({ overdue: 1, blocked: 1, atRisk: false });
    expect(result.byWing.youth?.atRisk).toBe(false);
    const offTour: TourDoc = { ...tourWith([stop('s', START)]), status: 'cancelled' };
    expect(readiness([task('todo', { stopId: 's', dueAt: iso(START - D) })], offTour, before(H)).byStop?.s?.atRisk).toBe(false);
  });
});

describe('combineReadiness: a wing across programmes', () => {
  it('adds counts, recomputes percent, and is at risk when any part is', () => {
    const a = readiness([task('done'), task('done'), task('done')], meetingAt(START), new Date(START - 100 * H));
    const b = readiness([task('todo')], meetingAt(START), new Date(START - H));
    const sum = combineReadiness([a, b]);
    expect(sum).toMatchObject({ total: 4, done: 3, percent: 75, atRisk: true });
    expect(sum.byWing.youth).toMatchObject({ total: 4, done: 3, percent: 75, atRisk: true });
    expect(combineReadiness([])).toEqual({ percent: 0, total: 0, done: 0, inProgress: 0, blocked: 0, overdue: 0, atRisk: false, byWing: {} });
  });
});

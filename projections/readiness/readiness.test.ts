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
    ['80 % and nothing blocked or overdue within 48 h: not at risk', [...Array.from({ length: 4 }, () => task('done')), task('todo')], before(47), { percent: 80, atRisk: false }],
    ['79 % within 48 h: at risk', [...Array.from({ length: 15 }, () => task('done')), ...Array.from({ length: 4 }, () => task('todo'))], before(47), { percent: 79, atRisk: true }],
    ['100 % but one blocked within 48 h: at risk', [...Array.from({ length: 9 }, () => task('done')), task('blocked')], before(1), { percent: 90, atRisk: true }],
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

  it('breaks a tour down by stop, each stop with its own risk window', () => {
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
    expect(result.total).toBe(4);
    expect(result.atRisk).toBe(true);
    expect(result.byStop).toEqual({
      near: { percent: 0, total: 1, done: 0, inProgress: 0, blocked: 0, overdue: 0, atRisk: true },
      far: { percent: 0, total: 1, done: 0, inProgress: 0, blocked: 0, overdue: 0, atRisk: false },
      empty: { percent: 0, total: 0, done: 0, inProgress: 0, blocked: 0, overdue: 0, atRisk: true },
      off: { percent: 100, total: 1, done: 1, inProgress: 0, blocked: 0, overdue: 0, atRisk: false },
    });
  });

  it('an unscheduled tour is never at risk', () => {
    expect(readiness([task('todo')], tourWith([]), before(1)).atRisk).toBe(false);
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

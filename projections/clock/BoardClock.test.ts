import { ManualClock } from '@tayari/shared/common/clock';
import type { BoardChange } from '../BoardSource';
import { programmeBoard } from '../boards/programmeBoard';
import { Projector } from '../runner/Projector';
import { ev } from '../testing/domainEvents';
import { EventLog } from '../testing/EventLog';
import { projectAll } from '../testing/projectAll';
import { BoardClock } from './BoardClock';

const H = 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();
const NOW = Date.parse('2018-06-20T00:00:00.000Z');

function setup(events: Parameters<EventLog['all']>[0]) {
  const programmes = projectAll(new EventLog().all(events));
  const clock = new ManualClock(new Date(NOW));
  const boardClock = new BoardClock(clock, programmes, () => '42');
  const seen: BoardChange[] = [];
  boardClock.changes$.subscribe((change) => seen.push(change));
  boardClock.start();
  const boards = () =>
    seen
      .splice(0)
      .map((c) => c.board)
      .sort();
  return { programmes, clock, boardClock, seen, boards };
}

describe('BoardClock', () => {
  it("flips a task's overdue when its due time passes, and announces that programme, the readiness board and the wing", () => {
    const due = NOW + 5 * H;
    const { programmes, clock, boardClock, seen, boards } = setup([
      ev.meetingScheduled('m1', iso(NOW + 100 * H)),
      ev.taskLogged('k1', 'm1', 'youth', { programmeKind: 'meeting', dueAt: iso(due) }),
      ev.taskLogged('k2', 'm1', 'mahila', { programmeKind: 'meeting' }),
    ]);
    const doc = programmes.programme('m1');
    if (!doc) throw new Error('doc');
    expect(boardClock.nextAt?.toISOString()).toBe(iso(due + 1));

    clock.set(new Date(due));
    expect(seen).toEqual([]);
    expect(programmeBoard(doc, clock.now(), '42').cards.k1?.overdue).toBe(false);

    clock.advance(1);
    expect(programmeBoard(doc, clock.now(), '42').cards.k1?.overdue).toBe(true);
    // At the current position, flagged as a change of time alone.
    expect(seen.every((c) => c.position === '42' && c.clock === true)).toBe(true);
    expect(boards()).toEqual(['attention', 'programme:m1', 'readiness', 'wing:youth']);
    // Re-armed for the next instant: 48 h before the start.
    expect(boardClock.nextAt?.toISOString()).toBe(iso(NOW + 52 * H));
  });

  it('announces entering the 48 h window, the start and the end to every board that shows the programme', () => {
    const start = NOW + 60 * H;
    const { clock, boards } = setup([
      ev.meetingScheduled('m1', iso(start), iso(start + 3 * H)),
      ev.taskLogged('k1', 'm1', 'youth', { programmeKind: 'meeting' }),
      ev.responsibilityAssigned('r1', 'm1', 'adivasi', { programmeKind: 'meeting' }),
    ]);
    const everywhere = ['attention', 'programme:m1', 'readiness', 'wing:adivasi', 'wing:youth'];
    clock.set(new Date(start - 48 * H - 1));
    expect(boards()).toEqual([]);
    clock.set(new Date(start - 48 * H));
    expect(boards()).toEqual(everywhere);
    clock.set(new Date(start));
    expect(boards()).toEqual(everywhere);
    clock.set(new Date(start + 3 * H));
    expect(boards()).toEqual(everywhere);
    clock.set(new Date(start + 300 * H));
    expect(boards()).toEqual([]);
  });

  it('announces once for several instants passed in one jump', () => {
    const { clock, seen } = setup([
      ev.meetingScheduled('m1', iso(NOW + 10 * H)),
      ev.taskLogged('k1', 'm1', 'youth', { programmeKind: 'meeting', dueAt: iso(NOW + H) }),
      ev.taskLogged('k2', 'm1', 'youth', { programmeKind: 'meeting', dueAt: iso(NOW + 2 * H) }),
    ]);
    clock.set(new Date(NOW + 20 * H));
    expect(seen.map((c) => c.board).sort()).toEqual(['attention', 'programme:m1', 'readiness', 'wing:youth']);
  });

  it('re-plans a programme whose document changed (an earlier due time), and forgets one that has nothing left', () => {
    const { programmes, clock, boardClock, boards } = setup([
      ev.meetingScheduled('m1', iso(NOW - 10 * H), iso(NOW - 9 * H)),
      ev.taskLogged('k1', 'm1', 'youth', { programmeKind: 'meeting', dueAt: iso(NOW + 50 * H) }),
    ]);
    expect(boardClock.nextAt?.toISOString()).toBe(iso(NOW + 50 * H + 1));
    const log = new EventLog();
    const events = log.all([
      ev.meetingScheduled('m1', iso(NOW - 10 * H), iso(NOW - 9 * H)),
      ev.taskLogged('k1', 'm1', 'youth', { programmeKind: 'meeting', dueAt: iso(NOW + 50 * H) }),
      ev.taskDueChanged('k1', 'm1', 'youth', iso(NOW + H)),
    ]);
    const dueChanged = events.slice(2);
    programmes.merge(new Projector(programmes, (a, b) => Number(a) - Number(b)).project(dueChanged, {}).rows);
    boardClock.replan(['m1']);
    expect(boardClock.nextAt?.toISOString()).toBe(iso(NOW + H + 1));
    clock.advance(H + 1);
    expect(boards()).toEqual(['attention', 'programme:m1', 'readiness', 'wing:youth']);
    expect(boardClock.nextAt).toBeUndefined();
  });

  it('does not plan done or cancelled tasks, nor the window of a cancelled programme', () => {
    const log = new EventLog();
    const models = projectAll(
      log.all([
        ev.meetingScheduled('m1', iso(NOW + 10 * H)),
        ev.taskLogged('k1', 'm1', 'youth', { programmeKind: 'meeting', dueAt: iso(NOW + H) }),
        ev.taskCompleted('k1', 'm1', 'youth'),
        ev.taskLogged('k2', 'm1', 'youth', { programmeKind: 'meeting', dueAt: iso(NOW + 2 * H) }),
        ev.taskCancelled('k2', 'm1', 'youth'),
        ev.taskLogged('k3', 'm1', 'youth', { programmeKind: 'meeting', dueAt: iso(NOW + 3 * H) }),
        ev.meetingCancelled('m1'),
      ]),
    );
    // Only k3's due time, and only on the programme's own board (a cancelled programme is on no other).
    expect(models.nextChange('m1', NOW)).toEqual({ at: NOW + 3 * H + 1, boards: new Set(['programme:m1']) });
    expect(models.nextChange('m1', NOW + 3 * H + 1)).toBeUndefined();
  });

  it("plans a tour's stops: each stop's 48 h window and end change the byStop figures", () => {
    const log = new EventLog();
    const models = projectAll(
      log.all([
        ev.tourPlanned('t1'),
        ev.stopAdded('t1', 's1', iso(NOW + 100 * H), iso(NOW + 102 * H)),
        ev.stopAdded('t1', 's2', iso(NOW + 200 * H), iso(NOW + 202 * H)),
      ]),
    );
    const instants: number[] = [];
    for (let next = models.nextChange('t1', NOW); next; next = models.nextChange('t1', next.at)) instants.push((next.at - NOW) / H);
    // s1 is 100 h away (its 7 days before are past); s2's 7 days before is at 32 h.
    expect(instants).toEqual([32, 52, 100, 102, 152, 202]);
  });

  it('announces coming within 7 days of the start (a blocked task puts it at risk from then on)', () => {
    const start = NOW + 200 * H;
    const { programmes, clock, boardClock, boards } = setup([
      ev.meetingScheduled('m1', iso(start), iso(start + 3 * H)),
      ev.taskLogged('k1', 'm1', 'youth', { programmeKind: 'meeting' }),
      ev.taskStarted('k1', 'm1', 'youth'),
      ev.taskBlocked('k1', 'm1', 'youth'),
    ]);
    const doc = programmes.programme('m1');
    if (!doc) throw new Error('doc');
    expect(boardClock.nextAt?.toISOString()).toBe(iso(start - 168 * H));
    clock.set(new Date(start - 168 * H - 1));
    expect(boards()).toEqual([]);
    expect(programmeBoard(doc, clock.now(), '42').readiness.atRisk).toBe(false);
    clock.set(new Date(start - 168 * H));
    expect(boards()).toEqual(['attention', 'programme:m1', 'readiness', 'wing:youth']);
    expect(programmeBoard(doc, clock.now(), '42').readiness.atRisk).toBe(true);
    expect(boardClock.nextAt?.toISOString()).toBe(iso(start - 48 * H));
  });

  it('stops: no timer stays armed and nothing more is announced', () => {
    const { clock, boardClock, seen } = setup([ev.meetingScheduled('m1', iso(NOW + 10 * H))]);
    boardClock.stop();
    expect(boardClock.nextAt).toBeUndefined();
    clock.set(new Date(NOW + 100 * H));
    expect(seen).toEqual([]);
  });
});

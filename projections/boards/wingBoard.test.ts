import { ev } from '../testing/domainEvents';
import { EventLog } from '../testing/EventLog';
import { byOrder, idsByOrder, nullPaths } from '../testing/boardViews';
import { projectAll } from '../testing/projectAll';
import type { BoardFilter, WingBoardPayload } from './types';
import { wingBoard } from './wingBoard';

const day = (d: number, h = 5) => `2018-06-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;

describe('wingBoard', () => {
  const log = new EventLog();
  const cache = projectAll(
    log.all([
      ev.meetingScheduled('m2', day(27)),
      ev.meetingScheduled('m1', day(26)),
      ev.meetingScheduled('ended', day(20)),
      ev.meetingScheduled('off', day(28)),
      ev.taskLogged('a', 'm2', 'youth', { programmeKind: 'meeting' }),
      ev.taskLogged('b', 'm1', 'youth', { programmeKind: 'meeting', dueAt: day(24) }),
      ev.taskLogged('c', 'm1', 'mahila', { programmeKind: 'meeting' }),
      ev.taskLogged('d', 'ended', 'youth', { programmeKind: 'meeting' }),
      ev.taskLogged('e', 'off', 'youth', { programmeKind: 'meeting' }),
      ev.meetingCancelled('off'),
      ev.taskLogged('f', 'm1', 'youth', { programmeKind: 'meeting' }),
      ev.taskCompleted('f', 'm1', 'youth'),
      ev.responsibilityAssigned('r1', 'm2', 'adivasi', { programmeKind: 'meeting' }),
      ev.responsibilityReassigned('r1', 'm2', 'adivasi', 'youth'),
      ev.responsibilityAssigned('r2', 'm1', 'youth', { programmeKind: 'meeting' }),
      ev.responsibilityCancelled('r2', 'm1', 'youth'),
    ]),
  );
  const youth = cache.catalogue.wings.find((w) => w.code === 'youth');
  if (!youth) throw new Error('youth is a default wing');
  const board = (code: string, now: string, filter?: BoardFilter) =>
    wingBoard(youth, cache.programmesOfWing(code), (id) => cache.programme(id), new Date(now), '16', filter);
  /** The cards as a client lists them: by their programme's order, then by their own. */
  const cardsInOrder = (b: WingBoardPayload) =>
    Object.values(b.cards)
      .map((card) => [`${b.programmes[card.programmeId]?.order}|${card.order}`, card] as const)
      .sort(([x], [y]) => (x < y ? -1 : 1))
      .map(([, card]) => [card.id, card.programmeId]);

  it("keys the wing's live work in programmes neither cancelled nor ended by id; orders sort by programme start, then due time", () => {
    const b = board('youth', day(25));
    expect(b.wing).toEqual(youth);
    expect(idsByOrder(b.programmes)).toEqual(['m1', 'm2']);
    expect(Object.keys(b.cards).sort()).toEqual(['a', 'b', 'f']);
    expect(cardsInOrder(b)).toEqual([
      ['b', 'm1'],
      ['f', 'm1'],
      ['a', 'm2'],
    ]);
    expect(b.cards.b).toMatchObject({ programmeId: 'm1', overdue: true, dueAt: day(24), stopCancelled: false });
    expect(b.cards.f).not.toHaveProperty('dueAt');
    expect(Object.values(b.responsibilities).map((r) => [r.id, r.programmeId, r.wing])).toEqual([['r1', 'm2', 'youth']]);
    expect(nullPaths(JSON.parse(JSON.stringify(b)))).toEqual([]);
  });

  it("gives each programme the readiness of this wing's tasks, and adds them up", () => {
    const b = board('youth', day(25));
    expect(b.programmes.m1).toMatchObject({ id: 'm1', kind: 'meeting', title: 'Meeting m1', startsAt: day(26), phase: 'upcoming', order: `${day(26)} m1` });
    expect(b.programmes.m1?.readiness).toMatchObject({ total: 2, done: 1, overdue: 1, percent: 50, atRisk: true });
    expect(b.programmes.m2?.readiness).toMatchObject({ total: 1, done: 0, atRisk: true });
    expect(b.readiness).toMatchObject({ total: 3, done: 1, overdue: 1, percent: 33, atRisk: true });
    expect(Object.keys(b.readiness.byWing)).toEqual(['youth']);
  });

  it('narrows cards and duties by a filter; programmes and readiness stay whole', () => {
    const whole = board('youth', day(25));
    const overdue = board('youth', day(25), { overdue: true });
    expect(Object.keys(overdue.cards)).toEqual(['b']);
    expect(overdue.responsibilities).toEqual(whole.responsibilities);
    expect(overdue.programmes).toEqual(whole.programmes);
    expect(overdue.readiness).toEqual(whole.readiness);
    expect(Object.keys(board('youth', day(25), { status: ['done', 'todo'] }).cards).sort()).toEqual(['a', 'b', 'f']);
    expect(Object.keys(board('youth', day(25), { status: ['done'] }).cards)).toEqual(['f']);
    expect(Object.keys(board('youth', day(25), { q: 'TASK A' }).cards)).toEqual(['a']);
    expect(board('youth', day(25), { q: 'task a' }).responsibilities).toEqual({});
    expect(board('youth', day(25), { q: 'CROWD' }).responsibilities).toEqual(whole.responsibilities);
    expect(board('youth', day(25), { wing: 'mahila' })).toMatchObject({ cards: {}, responsibilities: {} });
  });

  it('is empty for a wing with no document', () => {
    const b = board('kisan', day(25));
    expect(b).toMatchObject({ responsibilities: {}, cards: {}, programmes: {}, readiness: { total: 0, percent: 0, atRisk: false } });
    expect(byOrder(b.programmes)).toEqual([]);
  });
});

describe('wingBoard: a tour names its stops for the cards', () => {
  it('lists each stop of a tour by id, with place, district, start and whether it was cancelled', () => {
    const cache = projectAll(
      new EventLog().all([
        ev.tourPlanned('t1'),
        ev.stopAdded('t1', 's1', day(26), day(26, 9)),
        ev.stopAdded('t1', 's2', day(27), day(27, 9), { place: 'Dantewada', district: 'Dantewada' }),
        ev.stopCancelled('t1', 's2'),
        ev.taskLogged('k1', 't1', 'youth', { stopId: 's1' }),
      ]),
    );
    const youth = cache.catalogue.wings.find((w) => w.code === 'youth');
    if (!youth) throw new Error('youth is a default wing');
    const b = wingBoard(youth, cache.programmesOfWing('youth'), (id) => cache.programme(id), new Date(day(20)), '5');
    expect(b.programmes.t1?.stops).toEqual({
      s1: { place: 'Jagdalpur', district: 'Bastar', startsAt: day(26), cancelled: false },
      s2: { place: 'Dantewada', district: 'Dantewada', startsAt: day(27), cancelled: true },
    });
  });
});

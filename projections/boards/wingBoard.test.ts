import { ev } from '../testing/domainEvents';
import { EventLog } from '../testing/EventLog';
import { projectAll } from '../testing/projectAll';
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
  const board = (code: string, now: string) =>
    wingBoard(youth, cache.wingDocsOf(code), (id) => cache.programmes.get(id), new Date(now), '16');

  it("shows the wing's live work in programmes neither cancelled nor ended, by programme start", () => {
    const b = board('youth', day(25));
    expect(b.wing).toEqual(youth);
    expect(b.programmes.map((p) => p.id)).toEqual(['m1', 'm2']);
    expect(b.tasks.map((t) => [t.id, t.programmeId])).toEqual([
      ['b', 'm1'],
      ['f', 'm1'],
      ['a', 'm2'],
    ]);
    expect(b.tasks[0].overdue).toBe(true);
    expect(b.responsibilities.map((r) => [r.id, r.programmeId, r.wing])).toEqual([['r1', 'm2', 'youth']]);
  });

  it("gives each programme the readiness of this wing's tasks, and adds them up", () => {
    const b = board('youth', day(25));
    expect(b.programmes[0]).toMatchObject({ id: 'm1', kind: 'meeting', title: 'Meeting m1', startsAt: day(26), phase: 'upcoming' });
    expect(b.programmes[0].readiness).toMatchObject({ total: 2, done: 1, overdue: 1, percent: 50, atRisk: true });
    expect(b.programmes[1].readiness).toMatchObject({ total: 1, done: 0, atRisk: true });
    expect(b.readiness).toMatchObject({ total: 3, done: 1, overdue: 1, percent: 33, atRisk: true });
    expect(Object.keys(b.readiness.byWing)).toEqual(['youth']);
  });

  it('is empty for a wing with no document', () => {
    const b = board('kisan', day(25));
    expect(b).toMatchObject({ responsibilities: [], tasks: [], programmes: [], readiness: { total: 0, percent: 0, atRisk: false } });
  });
});

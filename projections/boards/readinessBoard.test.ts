import { ev } from '../testing/domainEvents';
import { EventLog } from '../testing/EventLog';
import { byOrder } from '../testing/boardViews';
import { projectAll } from '../testing/projectAll';
import { programmeList } from './programmeList';
import { readinessBoard } from './readinessBoard';

const day = (d: number, h = 5) => `2018-06-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;

function programmes() {
  const log = new EventLog();
  return projectAll(
    log.all([
      ev.tourPlanned('later-tour'),
      ev.stopAdded('later-tour', 's1', day(28), day(28, 9)),
      ev.meetingScheduled('soon', day(26)),
      ev.meetingScheduled('past', day(20), day(20, 8)),
      ev.meetingScheduled('off', day(27)),
      ev.meetingCancelled('off'),
      ev.tourPlanned('unscheduled'),
      ev.meetingScheduled('now', day(25, 4), day(25, 8)),
      ev.taskLogged('k1', 'soon', 'youth', { programmeKind: 'meeting' }),
      ev.taskCompleted('k1', 'soon', 'youth'),
    ]),
  ).programmes();
}

describe('readinessBoard', () => {
  it('keys programmes not cancelled and not ended by id; their order sorts by start, unscheduled last', () => {
    const board = readinessBoard([...programmes()], new Date(day(25)), '10');
    expect(board.position).toBe('10');
    expect(Object.keys(board.programmes).sort()).toEqual(['later-tour', 'now', 'soon', 'unscheduled']);
    expect(byOrder(board.programmes).map((p) => [p.id, p.phase])).toEqual([
      ['now', 'running'],
      ['soon', 'upcoming'],
      ['later-tour', 'upcoming'],
      ['unscheduled', 'unscheduled'],
    ]);
    expect(board.programmes.soon).toEqual({
      id: 'soon',
      kind: 'meeting',
      title: 'Meeting soon',
      status: 'planned',
      version: 1,
      startsAt: day(26),
      endsAt: day(26, 7),
      phase: 'upcoming',
      venue: 'Rajiv Bhawan',
      timeZone: 'Asia/Kolkata',
      districts: [],
      wings: ['youth'],
      readiness: {
        percent: 100,
        total: 1,
        done: 1,
        inProgress: 0,
        blocked: 0,
        overdue: 0,
        atRisk: false,
        byWing: { youth: expect.objectContaining({ total: 1 }) },
      },
      order: `${day(26)} soon`,
    });
    expect(board.programmes['later-tour']).toMatchObject({ leader: 'नेता जी', districts: ['Bastar'], timeZone: 'Asia/Kolkata' });
    expect(board.programmes['later-tour']).not.toHaveProperty('venue');
    expect(board.programmes.unscheduled).not.toHaveProperty('startsAt');
    expect(board.programmes.unscheduled).not.toHaveProperty('endsAt');
    expect(board.programmes.unscheduled?.order).toBe('~ unscheduled');
    expect(JSON.stringify(board)).not.toContain('null');
  });
});

describe('programmeList', () => {
  it('lists every programme (cancelled and ended too) in time order', () => {
    const list = programmeList([...programmes()], {}, new Date(day(25)), '10');
    expect(list.programmes.map((p) => p.id)).toEqual(['past', 'now', 'soon', 'off', 'later-tour', 'unscheduled']);
    expect(list.programmes.find((p) => p.id === 'off')?.status).toBe('cancelled');
    // Still a list (not keyed), fields without a value left out, and every summary in the deployment's zone.
    expect(Array.isArray(list.programmes)).toBe(true);
    expect(list.programmes.every((p) => p.timeZone === 'Asia/Kolkata')).toBe(true);
    expect(list.programmes.find((p) => p.id === 'unscheduled')).not.toHaveProperty('startsAt');
    expect(JSON.stringify(list)).not.toContain('null');
  });

  it('filters by kind and by a time range that the window overlaps', () => {
    const all = [...programmes()];
    const now = new Date(day(25));
    expect(programmeList(all, { kind: 'tour' }, now, '1').programmes.map((p) => p.id)).toEqual(['later-tour', 'unscheduled']);
    expect(programmeList(all, { from: day(25, 7), to: day(27) }, now, '1').programmes.map((p) => p.id)).toEqual(['now', 'soon']);
    expect(programmeList(all, { from: day(26, 7) }, now, '1').programmes.map((p) => p.id)).toEqual(['off', 'later-tour']);
    expect(programmeList(all, { to: day(20, 5) }, now, '1').programmes).toEqual([]);
  });
});

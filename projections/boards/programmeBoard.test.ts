import { ev } from '../testing/domainEvents';
import { EventLog } from '../testing/EventLog';
import { projectAll } from '../testing/projectAll';
import { programmeBoard } from './programmeBoard';
import { programmeDetail } from './programmeDetail';

const S1 = ['2018-06-26T05:30:00.000Z', '2018-06-26T08:30:00.000Z'] as const;
const S2 = ['2018-06-27T05:30:00.000Z', '2018-06-27T08:30:00.000Z'] as const;

function bastar() {
  const log = new EventLog();
  const events = log.all([
    ev.tourPlanned('t1', { region: 'Bastar' }),
    ev.stopAdded('t1', 's2', ...S2),
    ev.stopAdded('t1', 's1', ...S1, { hostWing: 'adivasi' }),
    ev.responsibilityAssigned('r1', 't1', 'adivasi', { stopId: 's1' }),
    ev.taskLogged('late', 't1', 'youth', { dueAt: '2018-06-25T00:00:00.000Z' }),
    ev.taskLogged('nodue', 't1', 'youth'),
    ev.taskLogged('early', 't1', 'adivasi', { dueAt: '2018-06-24T00:00:00.000Z', stopId: 's1', responsibilityId: 'r1' }),
    ev.taskLogged('gone', 't1', 'youth'),
    ev.taskCancelled('gone', 't1', 'youth'),
    ev.taskLogged('stuck', 't1', 'adivasi'),
    ev.taskStarted('stuck', 't1', 'adivasi'),
    ev.taskBlocked('stuck', 't1', 'adivasi', 'no permission yet'),
    ev.taskLogged('ok', 't1', 'youth'),
    ev.taskCompleted('ok', 't1', 'youth', 'done and dusted'),
  ]);
  const doc = projectAll(events).programmes.get('t1');
  if (!doc) throw new Error('no doc');
  return doc;
}

describe('programmeBoard', () => {
  it('puts live cards in status columns by due time, with overdue at now', () => {
    const board = programmeBoard(bastar(), new Date('2018-06-24T12:00:00.000Z'), '14');
    expect(board.position).toBe('14');
    expect(board.columns.todo.map((c) => c.id)).toEqual(['early', 'late', 'nodue']);
    expect(board.columns.blocked.map((c) => c.id)).toEqual(['stuck']);
    expect(board.columns.in_progress).toEqual([]);
    expect(board.columns.done.map((c) => c.id)).toEqual(['ok']);
    expect(board.columns.todo[0]).toEqual({
      id: 'early',
      title: 'Task early',
      wing: 'adivasi',
      assignee: null,
      dueAt: '2018-06-24T00:00:00.000Z',
      overdue: true,
      stopId: 's1',
      responsibilityId: 'r1',
      blockedReason: null,
      version: 1,
      status: 'todo',
      notes: 0,
      lastNote: null,
    });
    expect(board.columns.todo[1].overdue).toBe(false);
    expect(board.columns.blocked[0].blockedReason).toBe('no permission yet');
    expect(board.columns.done[0]).toMatchObject({ notes: 1, lastNote: { text: 'done and dusted' } });
  });

  it('shows the tour with its stops in time order, its window and phase, responsibilities and readiness', () => {
    const board = programmeBoard(bastar(), new Date('2018-06-24T12:00:00.000Z'), '14');
    expect(board.programme).toMatchObject({ id: 't1', kind: 'tour', version: 3, status: 'planned', startsAt: S1[0], endsAt: S2[1], phase: 'upcoming' });
    if (board.programme.kind !== 'tour') throw new Error('a tour');
    expect(board.programme.stops.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(board.programme.stops[0].hostWing).toBe('adivasi');
    expect(board.responsibilities).toEqual([
      {
        id: 'r1',
        wing: 'adivasi',
        duty: 'crowd mobilisation',
        stopId: 's1',
        lead: null,
        acknowledged: false,
        acknowledgedBy: null,
        cancelled: false,
        cancelReason: null,
        version: 1,
      },
    ]);
    expect(board.readiness).toMatchObject({ total: 5, done: 1, blocked: 1, overdue: 1, percent: 20, atRisk: true });
    expect(Object.keys(board.readiness.byWing)).toEqual(['adivasi', 'youth']);
    expect(board.readiness.byStop?.s1).toMatchObject({ total: 1, overdue: 1 });
  });

  it('gives a meeting board its effective end (start + 2 h without one)', () => {
    const log = new EventLog();
    const doc = projectAll(log.all([ev.meetingScheduled('m1', S1[0])])).programmes.get('m1');
    if (!doc) throw new Error('no doc');
    const board = programmeBoard(doc, new Date('2018-06-26T06:00:00.000Z'), '1');
    expect(board.programme).toMatchObject({ kind: 'meeting', startsAt: S1[0], endsAt: '2018-06-26T07:30:00.000Z', phase: 'running' });
    expect(board.readiness.byStop).toBeUndefined();
    expect(programmeDetail(doc, '1')).toEqual({
      position: '1',
      id: 'm1',
      kind: 'meeting',
      version: 1,
      title: 'Meeting m1',
      status: 'planned',
      venue: 'Rajiv Bhawan',
      startsAt: S1[0],
      chairs: ['अध्यक्ष'],
      agenda: ['booths'],
    });
  });
});

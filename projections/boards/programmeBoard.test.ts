import { ev } from '../testing/domainEvents';
import { EventLog } from '../testing/EventLog';
import { projectAll } from '../testing/projectAll';
import { byOrder, columnIds, idsByOrder, nullPaths } from '../testing/boardViews';
import { programmeBoard } from './programmeBoard';
import { programmeDetail } from './programmeDetail';
import type { BoardFilter } from './types';

const S1 = ['2018-06-26T05:30:00.000Z', '2018-06-26T08:30:00.000Z'] as const;
const S2 = ['2018-06-27T05:30:00.000Z', '2018-06-27T08:30:00.000Z'] as const;
const NOW = new Date('2018-06-24T12:00:00.000Z');

function docOf(events: Parameters<EventLog['all']>[0], id: string) {
  const doc = projectAll(new EventLog().all(events)).programme(id);
  if (!doc) throw new Error('no doc');
  return doc;
}

function bastar() {
  return docOf(
    [
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
    ],
    't1',
  );
}

describe('programmeBoard', () => {
  it('keys live cards by id; grouped by status and sorted by order they are the columns, with overdue at now', () => {
    const board = programmeBoard(bastar(), NOW, '14');
    expect(board.position).toBe('14');
    expect(Object.keys(board.cards).sort()).toEqual(['early', 'late', 'nodue', 'ok', 'stuck']);
    expect(board.cards.gone).toBeUndefined();
    expect(columnIds(board, 'todo')).toEqual(['early', 'late', 'nodue']);
    expect(columnIds(board, 'blocked')).toEqual(['stuck']);
    expect(columnIds(board, 'in_progress')).toEqual([]);
    expect(columnIds(board, 'done')).toEqual(['ok']);
    expect(board.cards.early).toEqual({
      id: 'early',
      title: 'Task early',
      wing: 'adivasi',
      status: 'todo',
      dueAt: '2018-06-24T00:00:00.000Z',
      overdue: true,
      stopId: 's1',
      stopCancelled: false,
      responsibilityId: 'r1',
      lastChange: { at: '2018-06-20T04:30:00.000Z', by: 'प्रभारी', type: 'TaskLogged' },
      version: 1,
      order: '2018-06-24T00:00:00.000Z 00000000000000000007',
      notes: 0,
    });
    expect(board.cards.late?.overdue).toBe(false);
    expect(board.cards.stuck).toMatchObject({ status: 'blocked', blockedReason: 'no permission yet', version: 3, lastChange: { type: 'TaskBlocked' } });
    expect(board.cards.ok).toMatchObject({ notes: 1, lastNote: { text: 'done and dusted' }, lastChange: { type: 'TaskCompleted' } });
  });

  it('shows the tour with its stops in time order, its window, phase and time zone, responsibilities and readiness', () => {
    const board = programmeBoard(bastar(), NOW, '14');
    expect(board.programme).toMatchObject({
      id: 't1',
      kind: 'tour',
      version: 3,
      status: 'planned',
      startsAt: S1[0],
      endsAt: S2[1],
      phase: 'upcoming',
      timeZone: 'Asia/Kolkata',
    });
    if (board.programme.kind !== 'tour') throw new Error('a tour');
    expect(board.programme.stops.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(board.programme.stops[0]).toMatchObject({ hostWing: 'adivasi', timeZone: 'Asia/Kolkata' });
    expect(board.programme.stops[1]).not.toHaveProperty('hostWing');
    expect(board.responsibilities).toEqual({
      r1: {
        id: 'r1',
        wing: 'adivasi',
        duty: 'crowd mobilisation',
        stopId: 's1',
        acknowledged: false,
        givenAt: '2018-06-20T04:30:00.000Z',
        cancelled: false,
        version: 1,
        order: '00000000000000000004',
      },
    });
    expect(board.readiness).toMatchObject({ total: 5, done: 1, blocked: 1, overdue: 1, percent: 20, atRisk: true });
    expect(Object.keys(board.readiness.byWing)).toEqual(['adivasi', 'youth']);
    expect(board.readiness.byStop?.s1).toMatchObject({ total: 1, overdue: 1 });
  });

  it('gives a meeting board its effective end (start + 2 h without one)', () => {
    const doc = docOf([ev.meetingScheduled('m1', S1[0])], 'm1');
    const board = programmeBoard(doc, new Date('2018-06-26T06:00:00.000Z'), '1');
    expect(board.programme).toMatchObject({ kind: 'meeting', startsAt: S1[0], endsAt: '2018-06-26T07:30:00.000Z', phase: 'running' });
    expect(board.readiness.byStop).toBeUndefined();
    expect(board.cards).toEqual({});
    expect(board.responsibilities).toEqual({});
    expect(programmeDetail(doc, '1')).toEqual({
      position: '1',
      id: 'm1',
      kind: 'meeting',
      version: 1,
      title: 'Meeting m1',
      status: 'planned',
      timeZone: 'Asia/Kolkata',
      venue: 'Rajiv Bhawan',
      startsAt: S1[0],
      chairs: ['अध्यक्ष'],
      agenda: ['booths'],
    });
  });

  it('leaves out fields without a value: the JSON of a board holds no null', () => {
    const board = programmeBoard(bastar(), NOW, '14');
    expect(nullPaths(JSON.parse(JSON.stringify(board)))).toEqual([]);
    for (const key of ['assignee', 'dueAt', 'stopId', 'responsibilityId', 'blockedReason', 'lastNote']) expect(board.cards.nodue).not.toHaveProperty(key);
    for (const key of ['lead', 'acknowledgedBy', 'cancelReason']) expect(board.responsibilities.r1).not.toHaveProperty(key);
    // An unscheduled tour has no window: startsAt and endsAt are left out too.
    const unscheduled = programmeBoard(docOf([ev.tourPlanned('t9'), ev.taskLogged('k', 't9', 'youth')], 't9'), NOW, '2');
    expect(unscheduled.programme).toMatchObject({ phase: 'unscheduled' });
    expect(unscheduled.programme).not.toHaveProperty('startsAt');
    expect(unscheduled.programme).not.toHaveProperty('endsAt');
    expect(nullPaths(JSON.parse(JSON.stringify(unscheduled)))).toEqual([]);
  });
});

describe('programmeBoard: card order', () => {
  // Enough events that logging positions pass 9 → 10 → 11: the order must compare them as numbers.
  function ordered() {
    return docOf(
      [
        ev.meetingScheduled('m1', S1[0]),
        ev.taskLogged('n1', 'm1', 'youth', { programmeKind: 'meeting' }),
        ev.taskLogged('d2', 'm1', 'youth', { programmeKind: 'meeting', dueAt: '2018-06-25T10:00:00.000Z' }),
        ev.taskLogged('n2', 'm1', 'youth', { programmeKind: 'meeting' }),
        ev.taskLogged('x1', 'm1', 'youth', { programmeKind: 'meeting' }),
        ev.taskLogged('x2', 'm1', 'youth', { programmeKind: 'meeting' }),
        ev.taskLogged('x3', 'm1', 'youth', { programmeKind: 'meeting' }),
        ev.taskLogged('x4', 'm1', 'youth', { programmeKind: 'meeting' }),
        ev.taskLogged('same9', 'm1', 'youth', { programmeKind: 'meeting', dueAt: '2018-06-25T08:00:00.000Z' }), // position 9
        ev.taskLogged('same10', 'm1', 'youth', { programmeKind: 'meeting', dueAt: '2018-06-25T08:00:00.000Z' }), // position 10
        ev.taskLogged('d1', 'm1', 'youth', { programmeKind: 'meeting', dueAt: '2018-06-24T23:00:00.000Z' }), // position 11
        ev.taskCancelled('x1', 'm1', 'youth'),
        ev.taskCancelled('x2', 'm1', 'youth'),
        ev.taskCancelled('x3', 'm1', 'youth'),
        ev.taskCancelled('x4', 'm1', 'youth'),
      ],
      'm1',
    );
  }

  it('sorts by due time, then by logging order; cards without a due time last', () => {
    const board = programmeBoard(ordered(), NOW, '15');
    expect(columnIds(board, 'todo')).toEqual(['d1', 'same9', 'same10', 'd2', 'n1', 'n2']);
    expect((board.cards.same9?.order ?? '') < (board.cards.same10?.order ?? '')).toBe(true);
    expect(board.cards.n1?.order.startsWith('~ ')).toBe(true);
  });

  it('follows a due-time change and is the same order in every column', () => {
    const doc = docOf(
      [
        ev.meetingScheduled('m1', S1[0]),
        ev.taskLogged('a', 'm1', 'youth', { programmeKind: 'meeting', dueAt: '2018-06-25T10:00:00.000Z' }),
        ev.taskLogged('b', 'm1', 'youth', { programmeKind: 'meeting', dueAt: '2018-06-25T12:00:00.000Z' }),
        ev.taskLogged('c', 'm1', 'youth', { programmeKind: 'meeting' }),
        ev.taskDueChanged('b', 'm1', 'youth', '2018-06-25T09:00:00.000Z'),
        ev.taskStarted('a', 'm1', 'youth'),
        ev.taskStarted('b', 'm1', 'youth'),
        ev.taskStarted('c', 'm1', 'youth'),
      ],
      'm1',
    );
    const board = programmeBoard(doc, NOW, '8');
    expect(columnIds(board, 'in_progress')).toEqual(['b', 'a', 'c']);
    expect(byOrder(board.cards).map((card) => card.id)).toEqual(['b', 'a', 'c']);
  });

  it('orders responsibilities as they were assigned', () => {
    const doc = docOf(
      [
        ev.meetingScheduled('m1', S1[0]),
        ev.responsibilityAssigned('zz', 'm1', 'youth', { programmeKind: 'meeting' }),
        ev.responsibilityAssigned('aa', 'm1', 'mahila', { programmeKind: 'meeting' }),
        ev.responsibilityAssigned('mm', 'm1', 'sc', { programmeKind: 'meeting' }),
      ],
      'm1',
    );
    expect(idsByOrder(programmeBoard(doc, NOW, '4').responsibilities)).toEqual(['zz', 'aa', 'mm']);
  });
});

describe('programmeBoard: a cancelled stop', () => {
  it("keeps its tasks' cards, flagged stopCancelled, out of the counts and out of byStop", () => {
    const doc = docOf(
      [
        ev.tourPlanned('t1'),
        ev.stopAdded('t1', 's1', ...S1),
        ev.stopAdded('t1', 's2', ...S2),
        ev.taskLogged('k1', 't1', 'youth', { stopId: 's1' }),
        ev.taskLogged('k2', 't1', 'youth', { stopId: 's2', dueAt: '2018-06-23T00:00:00.000Z' }),
        ev.taskLogged('k3', 't1', 'adivasi', { stopId: 's2' }),
        ev.taskCompleted('k1', 't1', 'youth'),
        ev.stopCancelled('t1', 's2'),
      ],
      't1',
    );
    const board = programmeBoard(doc, NOW, '8');
    expect(board.cards.k1?.stopCancelled).toBe(false);
    expect(board.cards.k2).toMatchObject({ stopId: 's2', stopCancelled: true, overdue: true });
    expect(board.cards.k3?.stopCancelled).toBe(true);
    expect(board.readiness).toMatchObject({ total: 1, done: 1, percent: 100, overdue: 0, atRisk: false });
    expect(Object.keys(board.readiness.byWing)).toEqual(['youth']);
    expect(Object.keys(board.readiness.byStop ?? {})).toEqual(['s1']);
  });
});

describe('programmeBoard: filters', () => {
  function filtered() {
    return docOf(
      [
        ev.tourPlanned('t1'),
        ev.stopAdded('t1', 's1', ...S1),
        ev.stopAdded('t1', 's2', ...S2),
        ev.responsibilityAssigned('r1', 't1', 'adivasi', { stopId: 's1', duty: 'भीड़ जुटाना', lead: 'Sunita' }),
        ev.responsibilityAssigned('r2', 't1', 'youth', { duty: 'Stage and sound' }),
        ev.responsibilityAssigned('r3', 't1', 'youth', { stopId: 's2', duty: 'Parking' }),
        ev.taskLogged('k1', 't1', 'youth', { title: 'मंच की व्यवस्था', stopId: 's1', assignee: 'रमेश', dueAt: '2018-06-23T00:00:00.000Z' }),
        ev.taskLogged('k2', 't1', 'youth', { title: 'Book the Sound system', stopId: 's2', assignee: 'Ramesh' }),
        ev.taskLogged('k3', 't1', 'adivasi', { title: 'Пресс-релиз', stopId: 's1', assignee: 'Sunita' }),
        ev.taskLogged('k4', 't1', 'adivasi', { title: 'Banners', dueAt: '2018-06-28T00:00:00.000Z' }),
        ev.taskStarted('k3', 't1', 'adivasi'),
        ev.taskBlocked('k3', 't1', 'adivasi', 'no permission'),
        ev.taskStarted('k2', 't1', 'youth'),
        ev.taskStarted('k4', 't1', 'adivasi'),
        ev.taskCompleted('k4', 't1', 'adivasi'),
      ],
      't1',
    );
  }
  const doc = filtered();
  const whole = programmeBoard(doc, NOW, '15');
  const with_ = (filter: BoardFilter) => programmeBoard(doc, NOW, '15', filter);
  const cardIds = (filter: BoardFilter) => Object.keys(with_(filter).cards).sort();
  const dutyIds = (filter: BoardFilter) => Object.keys(with_(filter).responsibilities).sort();

  it('without a filter (or an empty one) shows everything', () => {
    expect(Object.keys(whole.cards).sort()).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect(with_({})).toEqual(whole);
  });

  it.each<[string, BoardFilter, string[], string[]]>([
    ['wing', { wing: 'adivasi' }, ['k3', 'k4'], ['r1']],
    ['stop', { stop: 's1' }, ['k1', 'k3'], ['r1']],
    ['one status', { status: ['in_progress'] }, ['k2'], ['r1', 'r2', 'r3']],
    ['several statuses', { status: ['todo', 'blocked'] }, ['k1', 'k3'], ['r1', 'r2', 'r3']],
    ['assignee (exact)', { assignee: 'Ramesh' }, ['k2'], ['r1', 'r2', 'r3']],
    ['q in Devanagari, on the title', { q: 'मंच' }, ['k1'], []],
    ['q in Devanagari, on the assignee', { q: 'रमेश' }, ['k1'], []],
    ['q on a Devanagari duty', { q: 'भीड़' }, [], ['r1']],
    ['q is case-insensitive (Latin)', { q: 'sOUND' }, ['k2'], ['r2']],
    ['q is case-insensitive (Cyrillic)', { q: 'ПРЕСС' }, ['k3'], []],
    ['q matches the assignee and the lead', { q: 'sunita' }, ['k3'], ['r1']],
    ['overdue', { overdue: true }, ['k1'], ['r1', 'r2', 'r3']],
    ['blocked', { blocked: true }, ['k3'], ['r1', 'r2', 'r3']],
    ['facets together: wing and stop', { wing: 'youth', stop: 's2' }, ['k2'], ['r3']],
    ['facets together: status and q', { status: ['todo', 'in_progress'], q: 'ramesh' }, ['k2'], []],
    ['nothing matches', { assignee: 'nobody' }, [], ['r1', 'r2', 'r3']],
  ])('%s', (_name, filter, cards, duties) => {
    expect(cardIds(filter)).toEqual(cards);
    expect(dutyIds(filter)).toEqual(duties);
  });

  it('keeps readiness and the programme of the whole board, and the same cards as the whole board', () => {
    const board = with_({ wing: 'adivasi', status: ['blocked'] });
    expect(board.readiness).toEqual(whole.readiness);
    expect(board.readiness).toMatchObject({ total: 4, done: 1, blocked: 1, overdue: 1 });
    expect(board.programme).toEqual(whole.programme);
    expect(board.cards.k3).toEqual(whole.cards.k3);
  });
});

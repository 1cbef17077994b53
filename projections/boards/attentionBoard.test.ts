import { ev } from '../testing/domainEvents';
import { EventLog } from '../testing/EventLog';
import { projectAll } from '../testing/projectAll';
import { attentionBoard } from './attentionBoard';

const H = 3_600_000;
const day = (d: number, h = 5) => `2018-06-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;
const NOW = new Date(day(25));

describe('attentionBoard', () => {
  const log = new EventLog();
  const at = (iso: string) => ({ at: iso });
  const events = [
    log.record(ev.meetingScheduled('soon', day(26))), // 24 h out
    log.record(ev.meetingScheduled('later', day(30))), // 5 days out
    log.record(ev.meetingScheduled('ended', day(20))),
    log.record(ev.meetingScheduled('off', day(27))),
    log.record(ev.tourPlanned('tour')),
    log.record(ev.stopAdded('tour', 'gone', day(28), day(28, 9))),
    // soon: youth has an old overdue task and a newer one; mahila a task blocked since the 22nd.
    log.record(ev.taskLogged('old', 'soon', 'youth', { programmeKind: 'meeting', dueAt: day(21) })),
    log.record(ev.taskLogged('new', 'soon', 'youth', { programmeKind: 'meeting', dueAt: day(24) })),
    log.record(ev.taskLogged('stuck', 'soon', 'mahila', { programmeKind: 'meeting' })),
    log.record(ev.taskBlocked('stuck', 'soon', 'mahila', 'no permission'), at(day(22))),
    log.record(ev.taskBlocked('stuck', 'soon', 'mahila', 'still no permission'), at(day(24))),
    // later: blocked since the 24th (5 days out with a blocked task: at risk); a done task.
    log.record(ev.taskLogged('wait', 'later', 'youth', { programmeKind: 'meeting' })),
    log.record(ev.taskBlocked('wait', 'later', 'youth'), at(day(24))),
    log.record(ev.taskLogged('fine', 'later', 'mahila', { programmeKind: 'meeting' })),
    log.record(ev.taskCompleted('fine', 'later', 'mahila')),
    // Duties: one given on the 21st, one reassigned on the 23rd (waiting since then), one acknowledged.
    log.record(ev.responsibilityAssigned('r-old', 'soon', 'adivasi', { programmeKind: 'meeting' }), at(day(21))),
    log.record(ev.responsibilityAssigned('r-moved', 'later', 'adivasi', { programmeKind: 'meeting' }), at(day(20))),
    log.record(ev.responsibilityReassigned('r-moved', 'later', 'adivasi', 'youth'), at(day(23))),
    log.record(ev.responsibilityAssigned('r-done', 'later', 'mahila', { programmeKind: 'meeting' })),
    log.record(ev.responsibilityAcknowledged('r-done', 'later', 'mahila')),
    // Not on the board: an ended programme, a cancelled one, a cancelled stop's task.
    log.record(ev.taskLogged('past', 'ended', 'youth', { programmeKind: 'meeting', dueAt: day(19) })),
    log.record(ev.taskLogged('cancelled-programme', 'off', 'youth', { programmeKind: 'meeting', dueAt: day(19) })),
    log.record(ev.meetingCancelled('off')),
    log.record(ev.taskLogged('stopless', 'tour', 'kisan', { stopId: 'gone', dueAt: day(19) })),
    log.record(ev.stopCancelled('tour', 'gone')),
  ];
  const cache = projectAll(events);

  it('lists at-risk programmes soonest first, and overdue, blocked and waiting work longest first', () => {
    const board = attentionBoard(cache.programmes(), NOW, '30');
    expect(board.position).toBe('30');
    expect(board.programmes.map((p) => p.id)).toEqual(['soon', 'later']);
    expect(board.overdue.map((c) => [c.id, c.programmeId, c.overdueMs / H])).toEqual([
      ['old', 'soon', 96],
      ['new', 'soon', 24],
    ]);
    // A new reason keeps when the task became blocked.
    expect(board.blocked.map((c) => [c.id, c.blockedMs / H, c.blockedReason])).toEqual([
      ['stuck', 72, 'still no permission'],
      ['wait', 24, 'no permission yet'],
    ]);
    expect(board.unacknowledged.map((r) => [r.id, r.wing, r.programmeId, r.sinceMs / H])).toEqual([
      ['r-old', 'adivasi', 'soon', 96],
      ['r-moved', 'youth', 'later', 48],
    ]);
    // Each item names its programme's title, so a list of them reads without another board.
    const titles = new Map([...cache.programmes()].map((doc) => [doc.id, doc.title]));
    for (const item of [...board.overdue, ...board.blocked, ...board.unacknowledged]) expect(item.programmeTitle).toBe(titles.get(item.programmeId));
  });

  it('ranks wings by overdue + blocked, then lowest percent', () => {
    const board = attentionBoard(cache.programmes(), NOW, '30');
    expect(board.wings).toEqual([
      { wing: 'youth', overdue: 2, blocked: 1, total: 3, done: 0, percent: 0 },
      { wing: 'mahila', overdue: 0, blocked: 1, total: 2, done: 1, percent: 50 },
    ]);
  });

  it('keeps one wing with the wing filter', () => {
    const board = attentionBoard(cache.programmes(), NOW, '30', { wing: 'mahila' });
    expect(board.programmes.map((p) => p.id)).toEqual(['soon', 'later']);
    expect(board.overdue).toEqual([]);
    expect(board.blocked.map((c) => c.id)).toEqual(['stuck']);
    expect(board.unacknowledged).toEqual([]);
    expect(board.wings.map((w) => w.wing)).toEqual(['mahila']);
    expect(attentionBoard(cache.programmes(), NOW, '30', { wing: 'kisan' }).programmes).toEqual([]);
  });
});

import { ev } from '../testing/domainEvents';
import { EventLog } from '../testing/EventLog';
import { historyModel } from '../models/history/historyModel';
import { historyPage } from './historyPage';

describe('historyPage', () => {
  const log = new EventLog();
  const rows = log.all([ev.tourPlanned('t1'), ev.taskLogged('k1', 't1', 'youth'), ev.taskStarted('k1', 't1', 'youth')]).map((e) => {
    const row = historyModel.handles(e) ? historyModel.entry(e) : undefined;
    if (!row) throw new Error('a row');
    return row.entry;
  });

  it('answers the events with a next cursor when the extra row shows there is more', () => {
    const page = historyPage(rows, 2, '9');
    expect(page).toEqual({
      position: '9',
      events: [
        { position: '1', type: 'TourPlanned', at: rows[0]?.at, actor: rows[0]?.actor, data: rows[0]?.data },
        { position: '2', type: 'TaskLogged', at: rows[1]?.at, actor: rows[1]?.actor, data: rows[1]?.data },
      ],
      next: '2',
    });
  });

  it('has no next on the last page', () => {
    expect(historyPage(rows, 3, '9').next).toBeUndefined();
    expect(historyPage([], 3, '9')).toEqual({ position: '9', events: [] });
  });
});

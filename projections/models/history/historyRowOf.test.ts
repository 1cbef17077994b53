import { ev } from '../../testing/domainEvents';
import { EventLog, INCHARGE } from '../../testing/EventLog';
import { historyRowOf } from './historyRowOf';

describe('historyRowOf: a programme history row per event', () => {
  it('keeps the programme, position, sort key, type, time, actor and data', () => {
    const log = new EventLog('2018-06-20T04:30:00.000Z');
    log.all([ev.tourPlanned('t1')]);
    const event = log.record(ev.taskLogged('k1', 't1', 'youth', { title: 'बसों की व्यवस्था' }));
    expect(historyRowOf(event)).toEqual({
      programmeId: 't1',
      position: '2',
      sortKey: '00000000000000000002',
      type: 'TaskLogged',
      at: '2018-06-20T04:30:00.000Z',
      actor: INCHARGE,
      data: { taskId: 'k1', programmeId: 't1', wing: 'youth', programmeKind: 'tour', title: 'बसों की व्यवस्था' },
    });
  });

  it.each([
    ['a tour event', ev.stopCancelled('t1', 's1'), 't1'],
    ['a meeting event', ev.minutesRecorded('m1'), 'm1'],
    ['a responsibility event', ev.responsibilityReassigned('r1', 'm1', 'youth', 'sc'), 'm1'],
  ])('routes %s to its programme', (_name, event, programmeId) => {
    expect(historyRowOf(new EventLog().record(event))?.programmeId).toBe(programmeId);
  });

  it('has no row for a wing registration', () => {
    expect(historyRowOf(new EventLog().record(ev.wingRegistered('rti')))).toBeUndefined();
  });
});

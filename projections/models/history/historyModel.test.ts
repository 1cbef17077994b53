import { ev } from '../../testing/domainEvents';
import { EventLog, INCHARGE } from '../../testing/EventLog';
import { historyModel } from './historyModel';

describe('historyModel: a programme history entry per event', () => {
  it('keeps the position, type, time, actor and data, in the programme, keyed to sort by position', () => {
    const log = new EventLog('2018-06-20T04:30:00.000Z');
    log.all([ev.tourPlanned('t1')]);
    const event = log.record(ev.taskLogged('k1', 't1', 'youth', { title: 'बसों की व्यवस्था' }));
    expect(historyModel.handles(event) && historyModel.entry(event)).toEqual({
      group: 't1',
      key: '00000000000000000002',
      entry: {
        position: '2',
        type: 'TaskLogged',
        at: '2018-06-20T04:30:00.000Z',
        actor: INCHARGE,
        data: { taskId: 'k1', programmeId: 't1', wing: 'youth', programmeKind: 'tour', title: 'बसों की व्यवस्था' },
      },
    });
  });

  it.each([
    ['a tour event', ev.stopCancelled('t1', 's1'), 't1'],
    ['a meeting event', ev.minutesRecorded('m1'), 'm1'],
    ['a responsibility event', ev.responsibilityReassigned('r1', 'm1', 'youth', 'sc'), 'm1'],
  ])('routes %s to its programme', (_name, domainEvent, programmeId) => {
    const event = new EventLog().record(domainEvent);
    expect(historyModel.handles(event) && historyModel.entry(event)?.group).toBe(programmeId);
  });

  it('does not handle a wing registration (read off the event schemas)', () => {
    expect(historyModel.handles(new EventLog().record(ev.wingRegistered('rti')))).toBe(false);
    expect(historyModel.types.has('TaskCancelled')).toBe(true);
    expect(historyModel.types.has('WingRegistered')).toBe(false);
  });
});

import { ev } from '../../testing/domainEvents';
import { EventLog } from '../../testing/EventLog';
import { evolveWing } from './evolveWing';
import { emptyWingDoc, isEmptyWingDoc, wingDocId, type WingDoc } from './WingDoc';
import { wingDocsOf } from './wingDocsOf';

/** Routes each event to the wing documents it names, as the runner does. */
function project(events: ReturnType<EventLog['all']>): Map<string, WingDoc> {
  const docs = new Map<string, WingDoc>();
  for (const event of events) {
    for (const { code, programmeId } of wingDocsOf(event)) {
      const id = wingDocId(code, programmeId);
      docs.set(id, evolveWing(docs.get(id) ?? emptyWingDoc(code, programmeId), event));
    }
  }
  return docs;
}

describe('evolveWing: a wing document per wing and programme', () => {
  it("lists the wing's live tasks and responsibilities in the programme", () => {
    const log = new EventLog();
    const docs = project(
      log.all([
        ev.tourPlanned('t1'),
        ev.meetingScheduled('m1', '2018-06-26T05:30:00.000Z'),
        ev.taskLogged('k1', 't1', 'youth'),
        ev.taskLogged('k2', 'm1', 'youth'),
        ev.taskLogged('k3', 't1', 'mahila'),
        ev.responsibilityAssigned('r1', 't1', 'youth'),
        ev.taskStarted('k1', 't1', 'youth'),
      ]),
    );
    expect(docs.get('youth:t1')).toEqual({ code: 'youth', programmeId: 't1', position: '6', tasks: ['k1'], responsibilities: ['r1'] });
    expect(docs.get('youth:m1')).toMatchObject({ tasks: ['k2'], responsibilities: [] });
    expect(docs.get('mahila:t1')?.tasks).toEqual(['k3']);
  });

  it('moves a reassigned responsibility from one wing document to the other', () => {
    const log = new EventLog();
    const docs = project(log.all([ev.responsibilityAssigned('r1', 't1', 'adivasi'), ev.responsibilityReassigned('r1', 't1', 'adivasi', 'youth')]));
    expect(docs.get('adivasi:t1')?.responsibilities).toEqual([]);
    expect(docs.get('youth:t1')?.responsibilities).toEqual(['r1']);
  });

  it('drops cancelled tasks and responsibilities, leaving an empty document (which the runner deletes)', () => {
    const log = new EventLog();
    const docs = project(
      log.all([
        ev.taskLogged('k1', 't1', 'youth'),
        ev.responsibilityAssigned('r1', 't1', 'youth'),
        ev.taskCancelled('k1', 't1', 'youth'),
        ev.responsibilityCancelled('r1', 't1', 'youth'),
      ]),
    );
    const doc = docs.get('youth:t1');
    expect(doc).toMatchObject({ tasks: [], responsibilities: [] });
    expect(doc && isEmptyWingDoc(doc)).toBe(true);
  });

  it('answers the same document when nothing about it changed', () => {
    const log = new EventLog();
    const doc = emptyWingDoc('youth', 't1');
    expect(evolveWing(doc, log.record(ev.taskLogged('k1', 't1', 'mahila')))).toBe(doc);
    expect(evolveWing(doc, log.record(ev.taskLogged('k1', 't2', 'youth')))).toBe(doc);
    expect(evolveWing(doc, log.record(ev.tourPlanned('t1')))).toBe(doc);
    expect(evolveWing(doc, log.record(ev.taskCancelled('k9', 't1', 'youth')))).toBe(doc);
  });

  it('routes events to the wing documents they name', () => {
    const log = new EventLog();
    expect(wingDocsOf(log.record(ev.responsibilityReassigned('r1', 't1', 'adivasi', 'youth')))).toEqual([
      { code: 'adivasi', programmeId: 't1' },
      { code: 'youth', programmeId: 't1' },
    ]);
    expect(wingDocsOf(log.record(ev.taskNoteAdded('k1', 't1', 'youth', 'x')))).toEqual([{ code: 'youth', programmeId: 't1' }]);
    expect(wingDocsOf(log.record(ev.stopCancelled('t1', 's1')))).toEqual([]);
  });
});

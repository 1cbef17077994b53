import { Formats } from '../../services/web/page/Formats';
import { activityText, type HistoryNames, learnNames } from '../../services/web/page/history/activityText';
import type { HistoryEvent } from '../../services/web/page/history/ProgrammeHistory';
import { taskNotes } from '../../services/web/page/history/taskNotes';
import { WingCatalogue } from '../../services/web/page/WingCatalogue';

/** The words of a programme's activity and a card's notes (issue 14), from history events as the API answers them. */
describe('a programme’s history in words', () => {
  const actor = (name: string) => ({ sub: name.toLowerCase(), name, role: 'incharge' });
  let position = 0;
  const event = (type: string, data: object, by = 'Asha Netam'): HistoryEvent => ({
    position: String(++position),
    type,
    at: '2026-12-03T06:30:00.000Z',
    actor: actor(by),
    data,
  });
  const ref = { taskId: 't1', programmeId: 'p1', wing: 'adivasi' };
  const events: HistoryEvent[] = [
    event('TourPlanned', { tourId: 'p1', title: 'Bastar visit', leader: 'Leader' }),
    event('StopAdded', {
      tourId: 'p1',
      stopId: 's1',
      place: 'Jagdalpur',
      district: 'Bastar',
      venue: 'Ground',
      startsAt: '2026-12-06T05:30:00Z',
      endsAt: '2026-12-06T09:30:00Z',
    }),
    event('StopRescheduled', { tourId: 'p1', stopId: 's1', startsAt: '2026-12-07T05:30:00Z', endsAt: '2026-12-07T09:30:00Z' }),
    event('ResponsibilityAssigned', { responsibilityId: 'r1', programmeId: 'p1', programmeKind: 'tour', wing: 'youth', duty: 'Crowd at Jagdalpur' }),
    event('ResponsibilityAcknowledged', { responsibilityId: 'r1', programmeId: 'p1', wing: 'youth' }),
    event('ResponsibilityReassigned', { responsibilityId: 'r1', programmeId: 'p1', from: 'youth', wing: 'adivasi' }),
    event('TaskLogged', { ...ref, programmeKind: 'tour', title: 'मंच बुक करना' }),
    event('TaskStarted', { ...ref, from: 'todo', note: 'Called the tent house' }, 'Sunita'),
    event('TaskBlocked', { ...ref, from: 'in_progress', reason: 'No permission yet' }),
    event('TaskAssigned', { ...ref, assignee: { personId: 'p9', name: 'Ravi Kumar' } }),
    event('TaskDueChanged', { ...ref, dueAt: '2026-12-05T06:30:00Z' }),
    event('TaskNoteAdded', { ...ref, text: 'Permission letter sent' }, 'Sunita'),
    event('TaskNoteAdded', { taskId: 't2', programmeId: 'p1', wing: 'youth', text: 'Another task' }),
    event('TaskCancelled', { ...ref, reason: 'Merged' }),
    event('StopCancelled', { tourId: 'p1', stopId: 's1', reason: 'Rain' }),
    event('SomethingNew', { tourId: 'p1' }),
  ];
  const wings = new WingCatalogue();
  wings.set([
    { code: 'adivasi', name: { en: 'Tribal wing', hi: 'आदिवासी कांग्रेस' }, kind: 'morcha' },
    { code: 'youth', name: { en: 'Youth Congress', hi: 'युवा कांग्रेस' }, kind: 'morcha' },
  ]);
  const now = new Date('2026-12-03T07:00:00Z');
  const words = (lang: 'en' | 'hi') => {
    const names: HistoryNames = { tasks: new Map(), stops: new Map(), duties: new Map() };
    for (const e of events) learnNames(names, e);
    return events.map((e) => activityText(lang, new Formats(lang), wings, names, e, now, 'Asia/Kolkata'));
  };

  it('words every event in English, naming tasks, stops and duties by what the history called them', () => {
    const en = words('en');
    expect(en[0]).toBe('Asha Netam planned the tour “Bastar visit”');
    expect(en[2]).toMatch(/^Asha Netam moved the stop Jagdalpur to .*7 Dec.*11:00.*IST$/);
    expect(en[5]).toBe('Asha Netam passed the duty “Crowd at Jagdalpur” to Tribal wing');
    expect(en[7]).toBe('Sunita started “मंच बुक करना”');
    expect(en[8]).toBe('Asha Netam marked “मंच बुक करना” blocked: No permission yet');
    expect(en[9]).toBe('Asha Netam gave “मंच बुक करना” to Ravi Kumar');
    expect(en[11]).toBe('Sunita noted on “मंच बुक करना”: Permission letter sent');
    expect(en[14]).toBe('Asha Netam cancelled the stop Jagdalpur: Rain');
    expect(en[15]).toBe('Asha Netam made a change (SomethingNew)');
    for (const text of en) expect(text).not.toMatch(/[{}]|undefined/);
  });

  it('words every event in Hindi, with nothing left unfilled', () => {
    const hi = words('hi');
    expect(hi[3]).toBe('Asha Netam ने युवा कांग्रेस को ज़िम्मेदारी “Crowd at Jagdalpur” दी');
    expect(hi[13]).toBe('Asha Netam ने “मंच बुक करना” रद्द किया: Merged');
    for (const text of hi) expect(text).not.toMatch(/[{}]|undefined/);
  });

  it('lists a task’s notes newest first: notes added and notes that went with a move, no one else’s', () => {
    expect(taskNotes(events, 't1').map(({ text, by }) => ({ text, by }))).toEqual([
      { text: 'Permission letter sent', by: 'Sunita' },
      { text: 'Called the tent house', by: 'Sunita' },
    ]);
    expect(taskNotes(events, 'none')).toEqual([]);
  });
});

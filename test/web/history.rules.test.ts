import type { ApiClient } from '../../services/web/page/api';
import { Formats } from '../../services/web/page/Formats';
import { activityText, type HistoryNames, learnNames, namesOfBoard } from '../../services/web/page/history/activityText';
import { HISTORY_PAGE, type HistoryEvent, ProgrammeHistory } from '../../services/web/page/history/ProgrammeHistory';
import { taskNotes } from '../../services/web/page/history/taskNotes';
import type { ProgrammeBoardPayload } from '../../services/web/page/types';
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

/**
 * The history the page holds (ProgrammeHistory): the newest page first, older pages when asked, and
 * later what came after, against a fake of GET /api/programmes/{id}/history that pages as the API does.
 */
describe('a programme’s history as the page reads it', () => {
  const eventAt = (n: number): HistoryEvent => ({
    position: String(n),
    type: 'TaskNoteAdded',
    at: '2026-12-03T06:30:00.000Z',
    actor: {},
    data: { text: `n${n}` },
  });

  /** The server's side: the programme's events (positions with gaps, as other programmes interleave) and the reads asked of it. */
  function fakeApi(count: number) {
    const all = Array.from({ length: count }, (_, i) => eventAt(3 * i + 1));
    const asked: string[] = [];
    const get = async (path: string) => {
      asked.push(path.replace(/^.*\?/, ''));
      const query = new URL(path, 'http://page').searchParams;
      const limit = Number(query.get('limit') ?? 100);
      const before = query.get('before');
      const after = query.get('after');
      const desc = query.get('order') === 'desc';
      const rows = desc
        ? all.filter((e) => before === null || Number(e.position) < Number(before)).reverse()
        : all.filter((e) => after === null || Number(e.position) > Number(after));
      const events = rows.slice(0, limit);
      const last = events.at(-1);
      return { position: all.at(-1)?.position ?? '0', events, ...(rows.length > limit && last ? { next: last.position } : {}) };
    };
    return { all, asked, api: { get } as unknown as ApiClient };
  }
  const positions = (events: readonly HistoryEvent[]) => events.map((e) => e.position);

  it('reads only the newest page when first opened', async () => {
    const server = fakeApi(2 * HISTORY_PAGE + 20);
    const history = new ProgrammeHistory(server.api, 'p1');
    await history.catchUp('300');
    expect(server.asked).toEqual([`order=desc&limit=${HISTORY_PAGE}&minPosition=300`]);
    expect(history.ready).toBe(true);
    expect(history.reachedStart).toBe(false);
    expect(positions(history.events)).toEqual(positions(server.all.slice(-HISTORY_PAGE)));
  });

  it('reads earlier pages on demand until the first event, each event once, oldest first', async () => {
    const server = fakeApi(2 * HISTORY_PAGE + 20);
    const history = new ProgrammeHistory(server.api, 'p1');
    await history.catchUp();
    await Promise.all([history.readEarlier(), history.readEarlier()]);
    expect(server.asked).toHaveLength(2);
    expect(server.asked[1]).toBe(`order=desc&before=${server.all.at(-HISTORY_PAGE)?.position}&limit=${HISTORY_PAGE}`);
    await history.readEarlier();
    expect(history.reachedStart).toBe(true);
    expect(positions(history.events)).toEqual(positions(server.all));
    await history.readEarlier();
    expect(server.asked).toHaveLength(3);
  });

  it('later reads only what came after the newest event held, whatever was read before', async () => {
    const server = fakeApi(HISTORY_PAGE + 5);
    const history = new ProgrammeHistory(server.api, 'p1');
    await history.catchUp();
    server.all.push(eventAt(900), eventAt(901));
    const [oldest, newest] = [history.events[0]?.position, history.events.at(-1)?.position];
    await Promise.all([history.catchUp('901'), history.readEarlier()]);
    expect(server.asked.slice(1)).toEqual([`after=${newest}&limit=${HISTORY_PAGE}&minPosition=901`, `order=desc&before=${oldest}&limit=${HISTORY_PAGE}`]);
    expect(positions(history.events)).toEqual(positions(server.all));
    expect(history.reachedStart).toBe(true);
  });

  it('an empty history is read from its start later', async () => {
    const server = fakeApi(0);
    const history = new ProgrammeHistory(server.api, 'p1');
    let told = 0;
    history.onChange(() => told++);
    await history.catchUp();
    expect(history).toMatchObject({ ready: true, reachedStart: true, events: [] });
    server.all.push(eventAt(5));
    await history.catchUp();
    expect(server.asked[1]).toBe(`limit=${HISTORY_PAGE}`);
    expect(positions(history.events)).toEqual(['5']);
    expect(told).toBeGreaterThanOrEqual(2);
  });

  it('notes a failed read and reads the newest page again on the next catch-up', async () => {
    const server = fakeApi(3);
    let fail = true;
    const api = { get: (path: string) => (fail ? Promise.reject(new TypeError('offline')) : server.api.get(path)) } as unknown as ApiClient;
    const history = new ProgrammeHistory(api, 'p1');
    await history.catchUp();
    expect(history).toMatchObject({ ready: false, failed: true });
    fail = false;
    await history.catchUp();
    expect(history).toMatchObject({ ready: true, failed: false, reachedStart: true });
    expect(positions(history.events)).toEqual(positions(server.all));
  });

  it('names tasks, stops and duties from the board when the events that named them are not held', () => {
    const board = {
      programme: { kind: 'tour', stops: [{ id: 's1', place: 'Jagdalpur' }] },
      cards: { t1: { id: 't1', title: 'मंच बुक करना' } },
      responsibilities: { r1: { id: 'r1', duty: 'Crowd at Jagdalpur' } },
    } as unknown as ProgrammeBoardPayload;
    const names = namesOfBoard(board);
    const wings = new WingCatalogue();
    const now = new Date('2026-12-03T07:00:00Z');
    const said = (type: string, data: object) =>
      activityText('en', new Formats('en'), wings, names, { position: '9', type, at: now.toISOString(), actor: { name: 'Sunita' }, data }, now);
    expect(said('TaskNoteAdded', { taskId: 't1', text: 'Booked' })).toBe('Sunita noted on “मंच बुक करना”: Booked');
    expect(said('StopCancelled', { stopId: 's1', reason: 'Rain' })).toBe('Sunita cancelled the stop Jagdalpur: Rain');
    expect(said('ResponsibilityAcknowledged', { responsibilityId: 'r1' })).toBe('Sunita acknowledged the duty “Crowd at Jagdalpur”');
  });
});

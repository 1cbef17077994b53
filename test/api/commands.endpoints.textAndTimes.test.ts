import { expectAnswer, expectProblem, startApi, type ApiHarness } from '../support/apiHarness';
import { nth } from '@tayari/shared/testing/nth';
import { fixtures, ist, utc, type Fixtures } from './fixtures';

/** Text and times over HTTP: Unicode is stored exactly as sent, and a time in any offset keeps its instant. */

let h: ApiHarness;
let f: Fixtures;

beforeAll(async () => {
  h = await startApi();
  f = fixtures(h);
});
afterAll(() => h.close());

describe('Unicode text round-trips unchanged', () => {
  // Devanagari with conjuncts, a nukta (क + ़), a zero-width joiner, Urdu, Tamil, an emoji, and
  // "é" both precomposed and decomposed: nothing may be normalised (to NFC or NFD) or re-encoded.
  const title = 'छत्तीसगढ़ में राहुल गांधी का दौरा — क\u093Cस्बा क्\u200Dष 🙏 Caf\u00e9 Cafe\u0301';
  const leader = 'राहुल गांधी';
  const region = 'बस्तर (اردو / தமிழ்)';

  test('Devanagari in every text field is stored exactly as sent', async () => {
    const body = { id: 'hindi', title, leader, region, notes: 'नोट: २६ जून, सुबह ११ बजे' };
    const before = await h.eventCount();
    expectAnswer(await h.post('/tours', h.tokens.incharge, body), 201);
    expectAnswer(
      await h.post('/tours/hindi/stops', h.tokens.incharge, {
        stopId: 'jagdalpur',
        place: 'जगदलपुर',
        district: 'बस्तर',
        venue: 'लालबाग मैदान',
        startsAt: ist(26, '11:00'),
        endsAt: ist(26, '13:00'),
      }),
      201,
    );
    expectAnswer(
      await h.post('/tasks', h.tokens.incharge, { id: 'hindi-t', programmeId: 'hindi', wing: 'adivasi', title: 'बसों की व्यवस्था', assignee: 'नेताम जी' }),
      201,
    );
    expectAnswer(await h.post('/tasks/hindi-t/notes', h.tokens.incharge, { text: '४० बसें — पक्की ✅' }), 200);
    const [planned, stop, task, note] = await h.eventsAfter(before);
    expect(planned?.data).toEqual({ tourId: 'hindi', title, leader, region, notes: 'नोट: २६ जून, सुबह ११ बजे' });
    expect(stop?.data).toMatchObject({ place: 'जगदलपुर', district: 'बस्तर', venue: 'लालबाग मैदान' });
    expect(task?.data).toMatchObject({ title: 'बसों की व्यवस्था', assignee: 'नेताम जी' });
    expect(note?.data).toMatchObject({ text: '४० बसें — पक्की ✅' });
    // The title is in neither normal form, so equality above means nothing was normalised.
    expect(title.normalize('NFC')).not.toBe(title);
    expect(title.normalize('NFD')).not.toBe(title);
  });

  test('a raw UTF-8 body with a charset parameter gives the same text', async () => {
    const before = await h.eventCount();
    const raw = JSON.stringify({ id: 'hindi-raw', title, leader });
    expectAnswer(await h.postRaw('/tours', h.tokens.incharge, raw, 'application/json; charset=utf-8'), 201);
    const [planned] = await h.eventsAfter(before);
    expect(planned?.data).toEqual({ tourId: 'hindi-raw', title, leader });
  });
});

describe('times with an offset come back as the same instant', () => {
  test('+05:30, -04:00, Z and milliseconds all keep their instant', async () => {
    await f.tour('offsets');
    const sent = [
      { startsAt: '2018-06-26T11:00:00+05:30', endsAt: '2018-06-26T13:00:00+05:30' },
      { startsAt: '2018-06-26T05:00:00-04:00', endsAt: '2018-06-26T06:30:00.250-04:00' },
      { startsAt: '2018-06-27T00:15:00Z', endsAt: '2018-06-27T06:00:00.5+05:30' },
    ];
    for (const [i, window] of sent.entries()) {
      const before = await h.eventCount();
      expectAnswer(await h.post('/tours/offsets/stops', h.tokens.incharge, { stopId: `o${i}`, place: 'P', district: 'D', venue: 'V', ...window }), 201);
      const data = nth(await h.eventsAfter(before), 0).data as { startsAt: string; endsAt: string };
      expect(Date.parse(data.startsAt)).toBe(Date.parse(window.startsAt));
      expect(Date.parse(data.endsAt)).toBe(Date.parse(window.endsAt));
      expect(data.startsAt).toBe(utc(window.startsAt));
    }
  });

  test('the same window in two offsets is the same window (a reschedule to it is a no-op; an overlap is seen)', async () => {
    await f.tour('offsets2');
    await f.stop('offsets2', 'a', 26, '11:00', '13:00');
    const before = await h.eventCount();
    expectAnswer(
      await h.post('/tours/offsets2/stops/a/reschedule', h.tokens.incharge, { startsAt: '2018-06-26T01:30:00-04:00', endsAt: '2018-06-26T03:30:00-04:00' }),
      200,
    );
    expect(await h.eventCount()).toBe(before);
    // 12:00 IST is 06:30Z: inside a's window although the strings compare the other way.
    expectProblem(
      await h.post('/tours/offsets2/stops', h.tokens.incharge, {
        stopId: 'b',
        place: 'P',
        district: 'D',
        venue: 'V',
        startsAt: '2018-06-26T06:30:00Z',
        endsAt: '2018-06-26T08:00:00Z',
      }),
      409,
      'stop-overlaps',
    );
    expect(await h.eventCount()).toBe(before);
  });
});

import { z } from 'zod';
import { expectAnswer, startApi, typesAndData, type ApiHarness } from '../support/apiHarness';
import { fixtures, ist, utc, type Fixtures } from './fixtures';

/**
 * Rescheduling over HTTP: a meeting moved by its start alone keeps its length and venue; moving a
 * meeting or a stop to the window it already has changes nothing (200, the same version, no event).
 */

let h: ApiHarness;
let f: Fixtures;

beforeAll(async () => {
  h = await startApi();
  f = fixtures(h);
});
afterAll(() => h.close());

const MeetingRead = z.looseObject({ startsAt: z.string(), endsAt: z.string().optional(), venue: z.string(), version: z.number() });

async function readMeeting(id: string, position: string) {
  const res = await h.get(`/programmes/${id}?minPosition=${position}`, h.tokens.incharge);
  expect(res.status).toBe(200);
  return MeetingRead.parse(res.body);
}

describe('a meeting rescheduled by its start alone', () => {
  test('keeps its length (the end moves with the start) and its venue', async () => {
    await f.meeting('m-len', { startsAt: ist(20, '10:00'), endsAt: ist(20, '12:30'), venue: 'Rajiv Bhawan' });
    const before = await h.eventCount();

    const answer = expectAnswer(await h.post('/meetings/m-len/reschedule', h.tokens.incharge, { startsAt: ist(21, '16:00') }), 200);

    expect(typesAndData(await h.eventsAfter(before))).toEqual([
      { type: 'MeetingRescheduled', data: { meetingId: 'm-len', startsAt: utc(ist(21, '16:00')), endsAt: utc(ist(21, '18:30')) } },
    ]);
    expect(await readMeeting('m-len', answer.position)).toMatchObject({
      startsAt: utc(ist(21, '16:00')),
      endsAt: utc(ist(21, '18:30')),
      venue: 'Rajiv Bhawan',
    });
  });

  test('keeps the length it was last given, with a new venue', async () => {
    await f.meeting('m-len2', { startsAt: ist(20, '10:00'), endsAt: ist(20, '11:00') });
    expectAnswer(await h.post('/meetings/m-len2/reschedule', h.tokens.incharge, { startsAt: ist(20, '10:00'), endsAt: ist(20, '14:00') }), 200);
    const answer = expectAnswer(await h.post('/meetings/m-len2/reschedule', h.tokens.incharge, { startsAt: ist(22, '09:00'), venue: 'Circuit House' }), 200);
    expect(await readMeeting('m-len2', answer.position)).toMatchObject({
      startsAt: utc(ist(22, '09:00')),
      endsAt: utc(ist(22, '13:00')),
      venue: 'Circuit House',
    });
  });

  test('without an end keeps having none', async () => {
    await f.meeting('m-open', { startsAt: ist(20, '10:00'), endsAt: undefined });
    const answer = expectAnswer(await h.post('/meetings/m-open/reschedule', h.tokens.incharge, { startsAt: ist(21, '10:00') }), 200);
    const read = await readMeeting('m-open', answer.position);
    expect(read.startsAt).toBe(utc(ist(21, '10:00')));
    expect(read.endsAt).toBeUndefined();
  });
});

describe('a reschedule to the same window changes nothing: 200, same version, no event', () => {
  const unchanged: [what: string, body: object][] = [
    ['the same start and end', { startsAt: ist(20, '10:00'), endsAt: ist(20, '12:00') }],
    ['the same start and end, written with another offset', { startsAt: '2018-06-20T04:30:00Z', endsAt: '2018-06-20T06:30:00Z' }],
    ['the same start alone', { startsAt: ist(20, '10:00') }],
    ['the same window and the same venue', { startsAt: ist(20, '10:00'), endsAt: ist(20, '12:00'), venue: 'Rajiv Bhawan' }],
    ['the same start alone and the same venue', { startsAt: ist(20, '10:00'), venue: 'Rajiv Bhawan' }],
  ];

  test.each(unchanged)('a meeting given %s', async (_what, body) => {
    const id = `m-same-${unchanged.findIndex(([, b]) => b === body)}`;
    const created = await f.meeting(id, { venue: 'Rajiv Bhawan' });
    const before = await h.eventCount();
    const answer = expectAnswer(await h.post(`/meetings/${id}/reschedule`, h.tokens.incharge, body), 200);
    expect(answer.version).toBe(created.version);
    expect(await h.eventCount()).toBe(before);
  });

  test('a meeting given the same window and another venue moves its venue', async () => {
    await f.meeting('m-venue', { venue: 'Rajiv Bhawan' });
    const before = await h.eventCount();
    expectAnswer(await h.post('/meetings/m-venue/reschedule', h.tokens.incharge, { startsAt: ist(20, '10:00'), venue: 'Circuit House' }), 200);
    expect((await h.eventsAfter(before)).map((e) => e.type)).toEqual(['MeetingRescheduled']);
  });

  test.each([
    ['the same window', ist(26, '11:00'), ist(26, '13:00')],
    ['the same window, written in UTC', '2018-06-26T05:30:00Z', '2018-06-26T07:30:00Z'],
  ])('a stop given %s', async (_what, startsAt, endsAt) => {
    const tourId = `t-same-${startsAt.length}`;
    await f.tour(tourId);
    const stop = await f.stop(tourId, 's', 26, '11:00', '13:00');
    const before = await h.eventCount();
    const answer = expectAnswer(await h.post(`/tours/${tourId}/stops/s/reschedule`, h.tokens.incharge, { startsAt, endsAt }), 200);
    expect(answer).toMatchObject({ id: 's', version: stop.version });
    expect(await h.eventCount()).toBe(before);
  });

  test('a stop moved back to the window it was moved from is a change again', async () => {
    await f.tour('t-back');
    await f.stop('t-back', 's', 26, '11:00', '13:00');
    expectAnswer(await h.post('/tours/t-back/stops/s/reschedule', h.tokens.incharge, { startsAt: ist(26, '14:00'), endsAt: ist(26, '16:00') }), 200);
    const before = await h.eventCount();
    expectAnswer(await h.post('/tours/t-back/stops/s/reschedule', h.tokens.incharge, { startsAt: ist(26, '11:00'), endsAt: ist(26, '13:00') }), 200);
    expect(await h.eventCount()).toBe(before + 1);
  });
});

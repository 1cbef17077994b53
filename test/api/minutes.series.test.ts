import type { ProgrammeBoardPayload, ReadinessBoardPayload } from '@tayari/projections/boards/types';
import { ManualClock } from '@tayari/shared/common/clock';
import { expectAnswer, startApi, type ApiHarness } from '../support/apiHarness';
import { fixtures, ist, type Fixtures } from './fixtures';

/**
 * SPEC v2 "meeting follow-ups": the next meeting of a series shows the open follow-ups of the earlier
 * ones first, and its readiness counts them. Here: a monthly review on the 5th, 12th and 19th (the
 * harness clock stands on 1 June), and a meeting of no series.
 */

let h: ApiHarness;
let f: Fixtures;
const at = (day: number) => ({ startsAt: ist(day, '11:00'), endsAt: ist(day, '13:00') });

beforeAll(async () => {
  h = await startApi({ idPrefix: 'series' });
  f = fixtures(h);
  await f.meeting('may', { ...at(5), series: 'monthly-review' });
  await f.meeting('june', { ...at(12), series: 'monthly-review' });
  await f.meeting('july', { ...at(19), series: 'monthly-review' });
  await f.meeting('apart', at(19));
  await f.task('june', 'june-own', 'youth');
  const minutes = (id: string, decisions: object[]) => h.post(`/meetings/${id}/minutes`, h.tokens.incharge, { decisions });
  expectAnswer(
    await minutes('may', [
      { text: 'Book the ground', wing: 'adivasi', dueAt: ist(8, '18:00') },
      { text: 'Posters for every block', wing: 'youth' },
    ]),
    200,
  );
  expectAnswer(await minutes('june', [{ text: 'Buses from every block', wing: 'adivasi' }]), 200);
  await f.status('may-m1-d1', 'done');
});
afterAll(() => h.close());

const board = async (id: string): Promise<ProgrammeBoardPayload> => {
  const head = (await h.tayari.store.headPosition()) ?? '0';
  const res = await h.get(`/boards/programme/${id}?minPosition=${head}`, h.tokens.observer);
  expect(res.status).toBe(200);
  return res.body as ProgrammeBoardPayload;
};

test('the next meeting carries every follow-up of the previous one, done ones too', async () => {
  const { series, readiness, cards } = await board('june');
  expect(series?.id).toBe('monthly-review');
  expect(series?.previous).toEqual({ id: 'may', title: 'Meeting may', startsAt: new Date(ist(5, '11:00')).toISOString() });
  expect(Object.keys(series?.followUps ?? {}).sort()).toEqual(['may-m1-d1', 'may-m1-d2']);
  expect(series?.followUps['may-m1-d1']).toMatchObject({ programmeId: 'may', meetingTitle: 'Meeting may', status: 'done', wing: 'adivasi' });
  expect(series?.counts).toEqual({ done: 1, open: 1, overdue: 0 });
  // Its own cards stay its own; its readiness counts its task and the two carried.
  expect(Object.keys(cards).sort()).toEqual(['june-m1-d1', 'june-own']);
  expect(readiness).toMatchObject({ total: 4, done: 1 });
  expect(readiness.byWing.adivasi).toMatchObject({ total: 2, done: 1 });
});

test('a later meeting carries the previous one whole and only the open follow-ups of older ones', async () => {
  const { series, readiness } = await board('july');
  expect(series?.previous?.id).toBe('june');
  // june-own was logged by hand, not by minutes: it is no follow-up.
  expect(Object.keys(series?.followUps ?? {}).sort()).toEqual(['june-m1-d1', 'may-m1-d2']);
  expect(readiness).toMatchObject({ total: 2, done: 0 });
  // The first meeting of the series has nothing before it; a meeting of no series has no section.
  expect((await board('may')).series).toEqual({ id: 'monthly-review', followUps: {}, counts: { done: 0, open: 0, overdue: 0 } });
  expect((await board('apart')).series).toBeUndefined();
});

test('the readiness board counts the carried follow-ups, and a filter narrows them', async () => {
  const res = await h.get('/boards/readiness', h.tokens.observer);
  const programmes = (res.body as ReadinessBoardPayload).programmes;
  expect(programmes.july?.readiness).toMatchObject({ total: 2 });
  const head = (await h.tayari.store.headPosition()) ?? '0';
  const youth = await h.get(`/boards/programme/july?wing=youth&minPosition=${head}`, h.tokens.observer);
  expect(Object.keys((youth.body as ProgrammeBoardPayload).series?.followUps ?? {})).toEqual(['may-m1-d2']);
});

test('a carried follow-up falls overdue on the later boards when its due time passes', async () => {
  await f.status('may-m1-d1', 'todo');
  h.clock.set(new Date(ist(9, '09:00')));
  await h.refreshTokens();
  const { series, readiness } = await board('june');
  expect(series?.counts).toEqual({ done: 0, open: 2, overdue: 1 });
  expect(series?.followUps['may-m1-d1']?.overdue).toBe(true);
  expect(readiness.overdue).toBe(1);
});

test('cancelling the previous meeting makes the one before it the previous', async () => {
  await f.cancelMeeting('june');
  const { series } = await board('july');
  expect(series?.previous?.id).toBe('may');
  expect(Object.keys(series?.followUps ?? {}).sort()).toEqual(['may-m1-d1', 'may-m1-d2']);
});

test('after a restart the earlier meetings, over by then, are held: a coming meeting still counts their follow-ups', async () => {
  await h.close(true);
  h = await startApi({ dataDir: h.dataDir, clock: new ManualClock(ist(15, '09:00')), idPrefix: 'series-2' });
  const res = await h.get('/boards/readiness', h.tokens.observer);
  const programmes = (res.body as ReadinessBoardPayload).programmes;
  expect(Object.keys(programmes).sort()).toEqual(['apart', 'july']);
  // May is the previous meeting now (June was cancelled): both its follow-ups, one overdue.
  expect(programmes.july?.readiness).toMatchObject({ total: 2, done: 0, overdue: 1 });
});

import { LiveTestClient, type Received } from '@tayari/live/testing/LiveTestClient';
import { fixtures, ist } from '../api/fixtures';
import { expectAnswer, startApi, type ApiHarness } from '../support/apiHarness';

/** A follow-up of an earlier meeting of a series changing pushes the boards of the later meetings that carry it. */

let h: ApiHarness;
let client: LiveTestClient;

beforeAll(async () => {
  h = await startApi({ idPrefix: 'slive' });
  const f = fixtures(h);
  await f.meeting('may', { startsAt: ist(5, '11:00'), series: 'monthly-review' });
  await f.meeting('june', { startsAt: ist(12, '11:00'), endsAt: ist(12, '13:00'), series: 'monthly-review' });
  expectAnswer(await h.post('/meetings/may/minutes', h.tokens.incharge, { decisions: [{ text: 'Book the ground', wing: 'adivasi' }] }), 200);
  client = await LiveTestClient.connect(`${h.tayari.url.replace(/^http/, 'ws')}/ws?token=${h.tokens.observer}`);
});
afterAll(async () => {
  client.ws.terminate();
  await h.close();
});

test('the later meeting’s board gets a patch naming only the carried card that changed', async () => {
  client.subscribe('programme:june');
  const snapshot = await client.next((m: Received) => m.board === 'programme:june');
  expect(snapshot.data).toMatchObject({ series: { followUps: { 'may-m1-d1': { status: 'todo' } }, counts: { done: 0, open: 1 } } });
  const done = expectAnswer(await h.post('/tasks/may-m1-d1/status', h.tokens.incharge, { status: 'done' }), 200);
  const patch = await client.next(
    (m: Received) => m.board === 'programme:june' && m.position !== undefined && h.tayari.boards.comparePositions(m.position, done.position) >= 0,
    5000,
  );
  expect(patch.type).toBe('patch');
  expect(patch.patch).toMatchObject({ series: { followUps: { 'may-m1-d1': { status: 'done' } }, counts: { done: 1, open: 0 } }, readiness: { done: 1 } });
  expect(Object.keys(patch.patch as object).sort()).toEqual(['position', 'readiness', 'series']);
});

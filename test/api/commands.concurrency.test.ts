import type { Response } from 'supertest';
import { nth } from '@tayari/shared/testing/nth';
import { expectAnswer, expectProblem, startApi, type ApiHarness } from '../support/apiHarness';
import { fixtures, ist, type Fixtures } from './fixtures';

/**
 * Commands racing on one stream. With If-Match exactly one wins and the others get 412 and the
 * current ETag; without it, the bus decides again on the newer state, so none is lost and versions
 * stay contiguous; a decision that depends on state (overlap, id taken) is made on the newest.
 */

const N = 20;

let h: ApiHarness;
let f: Fixtures;

beforeAll(async () => {
  h = await startApi();
  f = fixtures(h);
  await f.tour('c-tour');
});
afterAll(() => h.close());

const all = (requests: PromiseLike<Response>[]) => Promise.all(requests);

test(`${N} concurrent commands with the same If-Match: one succeeds, the others 412 with the current ETag`, async () => {
  const logged = await f.task('c-tour', 'c-ifmatch');
  const before = await h.eventCount();

  const responses = await all(
    Array.from({ length: N }, (_, i) => h.post('/tasks/c-ifmatch/notes', h.tokens.incharge, { text: `note ${i}` }, { 'If-Match': `"${logged.version}"` })),
  );

  const won = responses.filter((r) => r.status === 200);
  const lost = responses.filter((r) => r.status !== 200);
  expect(won).toHaveLength(1);
  expect(lost).toHaveLength(N - 1);
  const answer = expectAnswer(nth(won, 0), 200);
  expect(answer.version).toBe(logged.version + 1);
  for (const r of lost) {
    expectProblem(r, 412, 'version-mismatch');
    expect(r.headers.etag).toBe(`"${logged.version + 1}"`);
  }
  const appended = await h.eventsAfter(before);
  expect(appended).toHaveLength(1);
  expect(appended[0]).toMatchObject({ streamId: 'task-c-ifmatch', type: 'TaskNoteAdded', version: logged.version + 1, position: answer.position });
});

test(`${N} concurrent status changes with the same If-Match: one moves the task, the state is that one's`, async () => {
  const logged = await f.task('c-tour', 'c-ifmatch-status');
  const statuses = ['in_progress', 'done', 'blocked'] as const;
  const responses = await all(
    Array.from({ length: N }, (_, i) => {
      const status = statuses[i % statuses.length];
      const body = status === 'blocked' ? { status, reason: `reason ${i}` } : { status };
      return h.post('/tasks/c-ifmatch-status/status', h.tokens.incharge, body, { 'If-Match': `"${logged.version}"` });
    }),
  );
  expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
  expect(responses.filter((r) => r.status === 412)).toHaveLength(N - 1);
  expect(await h.streamVersion('task-c-ifmatch-status')).toBe(logged.version + 1);
});

test(`${N} concurrent commands without If-Match on one stream all succeed, with contiguous versions`, async () => {
  const logged = await f.task('c-tour', 'c-free');
  const before = await h.eventCount();

  const responses = await all(Array.from({ length: N }, (_, i) => h.post('/tasks/c-free/notes', h.tokens.incharge, { text: `note ${i}` })));

  const answers = responses.map((r) => expectAnswer(r, 200));
  const versions = answers.map((a) => a.version).sort((a, b) => a - b);
  expect(versions).toEqual(Array.from({ length: N }, (_, i) => logged.version + 1 + i));
  const appended = await h.eventsAfter(before);
  expect(appended).toHaveLength(N);
  const stream = await h.tayari.store.readStream('task-c-free');
  expect(stream.map((e) => e.version)).toEqual(Array.from({ length: N + 1 }, (_, i) => i + 1));
  // Every note is there once, and each answer names the event it appended.
  expect(new Set(stream.slice(1).map((e) => (e.data as { text: string }).text))).toEqual(new Set(Array.from({ length: N }, (_, i) => `note ${i}`)));
  for (const a of answers) expect(stream.find((e) => e.version === a.version)?.position).toBe(a.position);
});

test(`${N} concurrent stops on one tour without If-Match: all added when they do not overlap`, async () => {
  await f.tour('c-stops');
  const responses = await all(
    Array.from({ length: N }, (_, i) =>
      h.post('/tours/c-stops/stops', h.tokens.incharge, {
        stopId: `s${i}`,
        place: `Place ${i}`,
        district: 'Bastar',
        venue: 'Ground',
        startsAt: `2018-07-01T${String(i).padStart(2, '0')}:00:00Z`,
        endsAt: `2018-07-01T${String(i).padStart(2, '0')}:30:00Z`,
      }),
    ),
  );
  const versions = responses.map((r) => expectAnswer(r, 201).version).sort((a, b) => a - b);
  expect(versions).toEqual(Array.from({ length: N }, (_, i) => i + 2));
});

test(`${N} concurrent overlapping stops: the race is decided on the newest state, so exactly one is added`, async () => {
  await f.tour('c-overlap');
  const before = await h.eventCount();
  const responses = await all(
    Array.from({ length: N }, (_, i) =>
      h.post('/tours/c-overlap/stops', h.tokens.incharge, {
        stopId: `s${i}`,
        place: 'P',
        district: 'D',
        venue: 'V',
        startsAt: ist(26, '11:00'),
        endsAt: ist(26, '13:00'),
      }),
    ),
  );
  expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
  for (const r of responses.filter((x) => x.status !== 201)) expectProblem(r, 409, 'stop-overlaps');
  expect(await h.eventsAfter(before)).toHaveLength(1);
});

test(`${N} concurrent creations of one tour id: one 201, the others 409 id-taken`, async () => {
  const before = await h.eventCount();
  const responses = await all(Array.from({ length: N }, (_, i) => h.post('/tours', h.tokens.incharge, { id: 'c-same', title: `Title ${i}`, leader: 'L' })));
  expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
  for (const r of responses.filter((x) => x.status !== 201)) expectProblem(r, 409, 'id-taken');
  expect(await h.eventsAfter(before)).toHaveLength(1);
});

test('concurrent commands on different streams do not hold each other up', async () => {
  const ids = Array.from({ length: N }, (_, i) => `c-many-${i}`);
  await Promise.all(ids.map((id) => f.task('c-tour', id)));
  const responses = await all(ids.map((id) => h.post(`/tasks/${id}/status`, h.tokens.incharge, { status: 'in_progress' })));
  for (const r of responses) expect(expectAnswer(r, 200).version).toBe(2);
});

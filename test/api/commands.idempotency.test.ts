import type { Response } from 'supertest';
import { nth } from '@tayari/shared/testing/nth';
import { ManualClock } from '@tayari/shared/common/clock';
import { AnswerSchema, expectAnswer, expectProblem, startApi, T0, type ApiHarness } from '../support/apiHarness';
import { fixtures, ist, type Fixtures } from './fixtures';

/**
 * `Idempotency-Key` on commands: a retry gets the first answer (status, body, ETag) with
 * `Idempotent-Replayed: true` and appends nothing; another body with the key is 422; keys are per
 * user; concurrent duplicates append once; the key survives a restart and expires after 24 hours.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const key = (name: string) => ({ 'Idempotency-Key': name });

/** The first answer and its retry are the same answer; the retry says it is a replay. */
function expectReplay(first: Response, retry: Response) {
  expect(retry.status).toBe(first.status);
  expect(retry.text).toBe(first.text);
  expect(retry.headers.etag).toBe(first.headers.etag);
  expect(retry.headers['idempotent-replayed']).toBe('true');
  expect(first.headers['idempotent-replayed']).toBeUndefined();
}

describe('on one running service', () => {
  let h: ApiHarness;
  let f: Fixtures;

  beforeAll(async () => {
    h = await startApi();
    f = fixtures(h);
    await f.tour('i-tour');
  });
  afterAll(() => h.close());

  test('a retried creation without a client id: one append, the same status, body and generated id', async () => {
    const body = { title: 'Retried tour', leader: 'Leader' };
    const before = await h.eventCount();
    const first = await h.post('/tours', h.tokens.incharge, body, key('create-1'));
    const answer = expectAnswer(first, 201);
    const retry = await h.post('/tours', h.tokens.incharge, body, key('create-1'));
    const again = await h.post('/tours', h.tokens.incharge, body, key('create-1'));
    expectReplay(first, retry);
    expectReplay(first, again);
    const appended = await h.eventsAfter(before);
    expect(appended).toHaveLength(1);
    expect(appended[0]).toMatchObject({ streamId: `tour-${answer.id}`, type: 'TourPlanned' });
    expect(appended[0]?.metadata).toMatchObject({ idempotencyKey: 'create-1', commandId: expect.stringMatching(/^idem-/) });
  });

  test('a retried change: one append, the same answer even after the stream moved on', async () => {
    await f.task('i-tour', 'i-task');
    const before = await h.eventCount();
    const first = await h.post('/tasks/i-task/notes', h.tokens.incharge, { text: 'buses booked' }, key('note-1'));
    const answer = expectAnswer(first, 200);
    await f.status('i-task', 'in_progress');
    const retry = await h.post('/tasks/i-task/notes', h.tokens.incharge, { text: 'buses booked' }, key('note-1'));
    expectReplay(first, retry);
    expect(answer.version).toBe(2);
    expect(await h.eventsAfter(before)).toHaveLength(2);
  });

  test('a retry that carried If-Match replays its answer, although the version moved', async () => {
    const logged = await f.task('i-tour', 'i-match');
    const headers = { ...key('match-1'), 'If-Match': `"${logged.version}"` };
    const first = await h.post('/tasks/i-match/notes', h.tokens.incharge, { text: 'once' }, headers);
    expect(expectAnswer(first, 200).version).toBe(logged.version + 1);
    const before = await h.eventCount();
    expectReplay(first, await h.post('/tasks/i-match/notes', h.tokens.incharge, { text: 'once' }, headers));
    expect(await h.eventCount()).toBe(before);
  });

  test('the same body with its keys in another order is the same request', async () => {
    const first = await h.post('/tours', h.tokens.incharge, { title: 'Order', leader: 'L', region: 'Bastar' }, key('order-1'));
    expectAnswer(first, 201);
    const before = await h.eventCount();
    const retry = await h.postRaw('/tours', h.tokens.incharge, '{"region":"Bastar","leader":"L","title":"Order"}', 'application/json', key('order-1'));
    expectReplay(first, retry);
    expect(await h.eventCount()).toBe(before);
  });

  test('the same key with another body, another command or another target → 422, nothing appended', async () => {
    expectAnswer(await h.post('/tours', h.tokens.incharge, { title: 'First', leader: 'L' }, key('reuse-1')), 201);
    await f.task('i-tour', 'i-task-2');
    await f.task('i-tour', 'i-task-3');
    expectAnswer(await h.post('/tasks/i-task-2/notes', h.tokens.incharge, { text: 'n' }, key('reuse-2')), 200);
    const before = await h.eventCount();
    expectProblem(await h.post('/tours', h.tokens.incharge, { title: 'Second', leader: 'L' }, key('reuse-1')), 422, 'idempotency-key-reused');
    expectProblem(
      await h.post('/meetings', h.tokens.incharge, { title: 'First', venue: 'V', startsAt: ist(22, '10:00'), chairs: ['C'] }, key('reuse-1')),
      422,
      'idempotency-key-reused',
    );
    expectProblem(await h.post('/tasks/i-task-3/notes', h.tokens.incharge, { text: 'n' }, key('reuse-2')), 422, 'idempotency-key-reused');
    expect(await h.eventCount()).toBe(before);
  });

  test('the same key from another user is independent', async () => {
    const body = { title: 'Two people, one key', leader: 'L' };
    const before = await h.eventCount();
    const mine = expectAnswer(await h.post('/tours', h.tokens.incharge, body, key('shared-key')), 201);
    const theirs = await h.post('/tours', h.tokens.incharge2, body, key('shared-key'));
    const answer = expectAnswer(theirs, 201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(answer.id).not.toBe(mine.id);
    // And another body under that key is not "reused" for the other user either.
    expectAnswer(await h.post('/tours', h.tokens.incharge2, { title: 'x', leader: 'y' }, key('other-users-key')), 201);
    expectAnswer(await h.post('/tours', h.tokens.incharge, { title: 'z', leader: 'w' }, key('other-users-key')), 201);
    expect(await h.eventsAfter(before)).toHaveLength(4);
  });

  test('10 concurrent duplicates: one append, all the same answer', async () => {
    const body = { title: 'Sent ten times at once', leader: 'L' };
    const before = await h.eventCount();
    const responses = await Promise.all(Array.from({ length: 10 }, () => h.post('/tours', h.tokens.incharge, body, key('burst-1'))));
    const answers = responses.map((r) => expectAnswer(r, 201));
    expect(new Set(responses.map((r) => r.text)).size).toBe(1);
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    expect(await h.eventsAfter(before)).toHaveLength(1);
  });

  test('10 concurrent duplicates of a change: one append', async () => {
    await f.task('i-tour', 'i-burst');
    const before = await h.eventCount();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => h.post('/tasks/i-burst/status', h.tokens.adivasiOrganiser, { status: 'done' }, key('burst-2'))),
    );
    expect(new Set(responses.map((r) => `${r.status} ${r.text}`)).size).toBe(1);
    expect(expectAnswer(nth(responses, 0), 200).version).toBe(2);
    expect(await h.eventsAfter(before)).toHaveLength(1);
  });

  test('a no-op with a key is kept and replayed too', async () => {
    await f.task('i-tour', 'i-noop');
    const before = await h.eventCount();
    const first = await h.post('/tasks/i-noop/status', h.tokens.incharge, { status: 'todo' }, key('noop-1'));
    expect(expectAnswer(first, 200).version).toBe(1);
    const retry = await h.post('/tasks/i-noop/status', h.tokens.incharge, { status: 'todo' }, key('noop-1'));
    expectReplay(first, retry);
    expect(await h.eventCount()).toBe(before);
    expectProblem(await h.post('/tasks/i-noop/status', h.tokens.incharge, { status: 'done' }, key('noop-1')), 422, 'idempotency-key-reused');
  });

  test('a refused command keeps no answer: its retry is decided again on the current state', async () => {
    const logBody = { id: 'i-late', programmeId: 'i-later', wing: 'adivasi', title: 'Waits for its programme' };
    expectProblem(await h.post('/tasks', h.tokens.incharge, logBody, key('refused-1')), 404, 'programme-not-found');
    await f.tour('i-later');
    const retry = await h.post('/tasks', h.tokens.incharge, logBody, key('refused-1'));
    expect(expectAnswer(retry, 201).id).toBe('i-late');
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });
});

describe('across a restart and after 24 hours', () => {
  const clock = new ManualClock(T0);
  let h: ApiHarness;
  let dataDir: string;
  let first: Response;
  let lateNote: Response;
  const tourBody = { title: 'Kept across restarts', leader: 'L' };
  const firstId = () => AnswerSchema.parse(JSON.parse(first.text) as unknown).id;

  beforeAll(async () => {
    h = await startApi({ clock, idPrefix: 'one' });
    dataDir = h.dataDir;
    await fixtures(h).tour('k-tour');
    await fixtures(h).task('k-tour', 'k-task');
    first = await h.post('/tours', h.tokens.incharge, tourBody, key('restart-1'));
    expectAnswer(first, 201);
    expectAnswer(await h.post('/tours', h.tokens.incharge, { title: 'Kept too', leader: 'L' }, key('restart-2')), 201);
    expectAnswer(await h.post('/tasks/k-task/notes', h.tokens.incharge, { text: 'first note' }, key('note-k')), 200);
    lateNote = await h.post('/tasks/k-task/notes', h.tokens.incharge, { text: 'retried a day late' }, key('note-late'));
    expectAnswer(lateNote, 200);
    await h.close(true);
    h = await startApi({ clock, dataDir, idPrefix: 'two' });
  });
  afterAll(() => h.close());

  test('after a restart the key replays the first answer', async () => {
    const before = await h.eventCount();
    const retry = await h.post('/tours', h.tokens.incharge, tourBody, key('restart-1'));
    expectReplay(first, retry);
    expectProblem(await h.post('/tours', h.tokens.incharge, { ...tourBody, title: 'Other' }, key('restart-1')), 422, 'idempotency-key-reused');
    expect(await h.eventCount()).toBe(before);
  });

  test('just before 24 hours the key still replays', async () => {
    clock.advance(DAY_MS - 60_000);
    await h.refreshTokens();
    const retry = await h.post('/tours', h.tokens.incharge, tourBody, key('restart-1'));
    expectReplay(first, retry);
  });

  test('after 24 hours the key is free: the same creation is decided again and recognised by its events', async () => {
    clock.advance(2 * 60_000);
    await h.refreshTokens();
    const before = await h.eventCount();
    const retry = await h.post('/tours', h.tokens.incharge, tourBody, key('restart-1'));
    // The server-made id and the event ids derive from the key and the request: the decision finds the
    // id taken, the bus finds the first attempt's events, and the answer is the first one (not a replay
    // of a kept answer: that expired). The tour is not duplicated.
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(first.text);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await h.eventCount()).toBe(before);
  });

  test('after 24 hours the key can name a new request', async () => {
    const before = await h.eventCount();
    // restart-2 has not been used since the day before (restart-1 was just answered again, which keeps it another day).
    const created = await h.post('/tours', h.tokens.incharge, { title: 'A new tour, an old key', leader: 'L' }, key('restart-2'));
    const answer = expectAnswer(created, 201);
    expect(answer.id).not.toBe(firstId());
    expect(created.headers['idempotent-replayed']).toBeUndefined();
    // ...and is kept again: its retry replays.
    expectReplay(created, await h.post('/tours', h.tokens.incharge, { title: 'A new tour, an old key', leader: 'L' }, key('restart-2')));
    expect(await h.eventsAfter(before)).toHaveLength(1);
  });

  test('after 24 hours the very same change is still recognised by its event ids: nothing is appended', async () => {
    const before = await h.eventCount();
    const late = await h.post('/tasks/k-task/notes', h.tokens.incharge, { text: 'retried a day late' }, key('note-late'));
    // Not a replay of a kept answer (that expired) but the store recognising the same events: the
    // answer is the first one again, and the note is not added twice.
    expect(late.status).toBe(200);
    expect(late.text).toBe(lateNote.text);
    expect(late.headers['idempotent-replayed']).toBeUndefined();
    expect(await h.eventCount()).toBe(before);
  });

  test('after 24 hours a key of a change can be used for another change of the same stream', async () => {
    const before = await h.eventCount();
    const note = await h.post('/tasks/k-task/notes', h.tokens.incharge, { text: 'second note, a day later' }, key('note-k'));
    expectAnswer(note, 200);
    const appended = await h.eventsAfter(before);
    expect(appended).toHaveLength(1);
    expect(appended[0]?.data).toMatchObject({ text: 'second note, a day later' });
  });

  test('after 24 hours a key of a change can be used on another stream', async () => {
    await fixtures(h).task('k-tour', 'k-task-2');
    const before = await h.eventCount();
    const note = await h.post('/tasks/k-task-2/notes', h.tokens.incharge, { text: 'first note' }, key('note-k-other'));
    expectAnswer(note, 200);
    clock.advance(DAY_MS + 60_000);
    await h.refreshTokens();
    const moved = await h.post('/tasks/k-task/notes', h.tokens.incharge, { text: 'first note' }, key('note-k-other'));
    expectAnswer(moved, 200);
    expect(await h.eventsAfter(before)).toHaveLength(2);
  });
});

import request from 'supertest';
import { expectAnswer, expectProblem, postBytes, startApi, type ApiHarness, type HttpAnswer } from '../support/apiHarness';
import { fixtures, ist } from './fixtures';

/**
 * The edges of input that JSON.parse and the schemas used to let through: instants outside the
 * years 0000–9999, bytes that are not UTF-8, half surrogate pairs, keys given twice; and methods a
 * path does not take. Each is a 4xx problem that names what is wrong and appends nothing.
 */

let h: ApiHarness;

beforeAll(async () => {
  h = await startApi();
  const f = fixtures(h);
  await f.tour('e-tour');
  await f.stop('e-tour', 'e-stop', 26, '11:00', '13:00');
  await f.meeting('e-meeting');
  await f.task('e-tour', 'e-task');
});
afterAll(() => h.close());

async function refusedWithoutEffect(send: () => Promise<HttpAnswer>, status: number, rule: string) {
  const before = await h.eventCount();
  const problem = expectProblem(await send(), status, rule);
  expect(await h.eventCount()).toBe(before);
  return problem;
}
const asText = (res: request.Response): HttpAnswer => ({ status: res.status, headers: res.headers as HttpAnswer['headers'], text: res.text });

describe('an instant whose UTC year leaves 0000–9999 is 400 naming the field', () => {
  const late = '9999-12-31T23:59:59-05:00';
  const early = '0000-01-01T00:00:00+01:00';
  const stop = { place: 'Kondagaon', district: 'Kondagaon', venue: 'Haat', startsAt: ist(28, '11:00'), endsAt: ist(28, '12:00') };
  const meeting = { title: 'M', venue: 'V', startsAt: ist(22, '10:00'), endsAt: ist(22, '11:00'), chairs: ['C'] };
  const routes: [name: string, path: string, body: object, field: string][] = [
    ['AddStop', '/tours/e-tour/stops', stop, 'startsAt'],
    ['AddStop', '/tours/e-tour/stops', stop, 'endsAt'],
    ['RescheduleStop', '/tours/e-tour/stops/e-stop/reschedule', { startsAt: ist(26, '11:00'), endsAt: ist(26, '12:00') }, 'startsAt'],
    ['RescheduleStop', '/tours/e-tour/stops/e-stop/reschedule', { startsAt: ist(26, '11:00'), endsAt: ist(26, '12:00') }, 'endsAt'],
    ['ScheduleMeeting', '/meetings', meeting, 'startsAt'],
    ['ScheduleMeeting', '/meetings', meeting, 'endsAt'],
    ['RescheduleMeeting', '/meetings/e-meeting/reschedule', { startsAt: ist(22, '10:00'), endsAt: ist(22, '11:00') }, 'startsAt'],
    ['RescheduleMeeting', '/meetings/e-meeting/reschedule', { startsAt: ist(22, '10:00'), endsAt: ist(22, '11:00') }, 'endsAt'],
    ['LogTask', '/tasks', { programmeId: 'e-tour', wing: 'adivasi', title: 'T', dueAt: ist(25, '10:00') }, 'dueAt'],
    ['ChangeTaskDue', '/tasks/e-task/due', { dueAt: ist(25, '10:00') }, 'dueAt'],
  ];
  const cases = routes.flatMap(([name, path, body, field]) => [late, early].map((value) => [name, field, value, path, body] as const));

  test.each(cases)('%s %s = %s', async (_name, field, value, path, body) => {
    const problem = await refusedWithoutEffect(() => h.post(path, h.tokens.incharge, { ...body, [field]: value }).then(asText), 400, 'invalid-body');
    expect(problem.errors).toEqual([{ path: field, message: expect.stringMatching(/0000–9999/) }]);
  });

  test('a read takes the same instants: ?from= in the year 10000 is 400 naming from', async () => {
    const res = await h.get(`/programmes?from=${encodeURIComponent(late)}`, h.tokens.incharge);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: 400, errors: [{ path: 'from', message: expect.stringMatching(/0000–9999/) }] });
  });

  test('the first and last storable instants are accepted', async () => {
    const answer = expectAnswer(await h.post('/tasks/e-task/due', h.tokens.incharge, { dueAt: '9999-12-31T23:59:59.999Z' }), 200);
    expect(answer.id).toBe('e-task');
    expectAnswer(await h.post('/tasks/e-task/due', h.tokens.incharge, { dueAt: '0000-01-01T05:30:00+05:30' }), 200);
    const [last] = (await h.events()).slice(-1);
    expect(last?.data).toMatchObject({ dueAt: '0000-01-01T00:00:00.000Z' });
  });

  test('a start-only reschedule whose kept length would end after 9999 is 400 at startsAt', async () => {
    const problem = await refusedWithoutEffect(
      () => h.post('/meetings/e-meeting/reschedule', h.tokens.incharge, { startsAt: '9999-12-31T23:00:00Z' }).then(asText),
      400,
      'time-out-of-range',
    );
    expect(problem.errors?.map((e) => e.path)).toEqual(['startsAt']);
  });
});

describe('a body that is not UTF-8 is 400, never stored as U+FFFD', () => {
  const json = (inside: Buffer) => Buffer.concat([Buffer.from('{"title":"'), inside, Buffer.from('","leader":"L"}')]);
  test.each([
    ['a stray continuation byte', Buffer.from([0x80])],
    ['0xFF', Buffer.from([0xff])],
    ['an overlong slash (C0 AF)', Buffer.from([0xc0, 0xaf])],
    ['a cut-off Devanagari letter', Buffer.from([0xe0, 0xa4])],
    ['a surrogate encoded as UTF-8 (CESU)', Buffer.from([0xed, 0xa0, 0x80])],
    ['a code point past U+10FFFF', Buffer.from([0xf4, 0x90, 0x80, 0x80])],
  ])('%s', async (_what, bytes) => {
    const headers = { Authorization: `Bearer ${h.tokens.incharge}`, 'Content-Type': 'application/json' };
    await refusedWithoutEffect(() => postBytes(h.tayari.url, '/tours', json(bytes), headers), 400, 'invalid-utf8');
  });

  test('Devanagari and emoji as real UTF-8 still round-trip', async () => {
    const title = 'बस्तर दौरा 🚩';
    const headers = { Authorization: `Bearer ${h.tokens.incharge}`, 'Content-Type': 'application/json; charset=utf-8' };
    const res = await postBytes(h.tayari.url, '/tours', Buffer.from(JSON.stringify({ id: 'e-utf8', title, leader: 'L' })), headers);
    expect(res.status).toBe(201);
    expect((await h.events()).at(-1)?.data).toMatchObject({ title });
  });

  test('UTF-16 is 415: the API speaks UTF-8 only', async () => {
    const headers = { Authorization: `Bearer ${h.tokens.incharge}`, 'Content-Type': 'application/json; charset=utf-16le' };
    await refusedWithoutEffect(
      () => postBytes(h.tayari.url, '/tours', Buffer.from('{"title":"T","leader":"L"}', 'utf16le'), headers),
      415,
      'unsupported-encoding',
    );
  });
});

describe('half a surrogate pair anywhere in a string is 400', () => {
  test.each([
    ['a lone high half in a field', '/tours', '{"title":"\\ud800","leader":"L"}', 'title'],
    ['a lone low half in a field', '/tours', '{"title":"T\\udfff","leader":"L"}', 'title'],
    ['two high halves', '/tours', '{"title":"\\ud83d\\ud83d","leader":"L"}', 'title'],
    ['a lone half in a nested field', '/wings', '{"code":"x9","name":{"en":"X","hi":"\\udc00"},"kind":"cell"}', 'name.hi'],
    ['a lone half in a list', '/meetings/e-meeting/minutes', '{"decisions":["ok","\\ud800"]}', 'decisions.1'],
    ['a lone half in an unknown field', '/tours', '{"title":"T","leader":"L","x":"\\ud800"}', 'x'],
    ['a lone half in a key', '/tours', '{"title":"T","leader":"L","\\ud800":1}', ''],
  ])('%s', async (_what, path, raw, at) => {
    const problem = await refusedWithoutEffect(() => h.postRaw(path, h.tokens.incharge, raw, 'application/json').then(asText), 400, 'lone-surrogate');
    expect(problem.errors?.map((e) => e.path)).toEqual([at]);
  });

  test('a whole pair written as escapes is one character and is kept', async () => {
    const res = await h.postRaw('/tours', h.tokens.incharge, '{"id":"e-pair","title":"flag \\ud83d\\udea9","leader":"L"}', 'application/json');
    expectAnswer(res, 201);
    expect((await h.events()).at(-1)?.data).toMatchObject({ title: 'flag 🚩' });
  });
});

describe('a key given twice in one object is 400, at any depth', () => {
  test.each([
    ['at the top', '/tours', '{"title":"T","leader":"L","title":"U"}', 'title'],
    ['with the same value', '/tours', '{"title":"T","leader":"L","leader":"L"}', 'leader'],
    ['once escaped', '/tours', '{"title":"T","leader":"L","\\u006ceader":"M"}', 'leader'],
    ['in a nested object', '/wings', '{"code":"x8","name":{"en":"X","hi":"X","en":"Y"},"kind":"cell"}', 'name.en'],
    ['as __proto__', '/tours', '{"title":"T","leader":"L","__proto__":{},"__proto__":{}}', '__proto__'],
    ['with an Idempotency-Key', '/tours', '{"title":"T","leader":"L","title":"U"}', 'title'],
  ])('%s', async (what, path, raw, at) => {
    const headers: Record<string, string> = what.includes('Idempotency') ? { 'Idempotency-Key': 'dup-1' } : {};
    const problem = await refusedWithoutEffect(() => h.postRaw(path, h.tokens.incharge, raw, 'application/json', headers).then(asText), 400, 'duplicate-key');
    expect(problem.errors?.map((e) => e.path)).toEqual([at]);
  });

  test('the same key in two different objects is fine', async () => {
    const raw = '{"code":"x7","name":{"en":"Seven","hi":"सात"},"kind":"cell"}';
    expectAnswer(await h.postRaw('/wings', h.tokens.incharge, raw, 'application/json'), 201);
  });
});

describe('a method that a known path does not take is 405 with Allow', () => {
  const send = (method: 'get' | 'put' | 'delete' | 'patch' | 'post', path: string) =>
    request(h.tayari.url)[method](`/api${path}`).set('Authorization', `Bearer ${h.tokens.incharge}`);

  test.each([
    ['get', '/tours', 'POST'],
    ['put', '/tours', 'POST'],
    ['delete', '/tasks/e-task/status', 'POST'],
    ['patch', '/meetings/e-meeting/reschedule', 'POST'],
    ['get', '/programmes/e-tour/responsibilities', 'POST'],
    ['post', '/programmes', 'GET, HEAD'],
    ['delete', '/programmes/e-tour', 'GET, HEAD'],
    ['post', '/boards/wing/adivasi', 'GET, HEAD'],
    ['put', '/openapi.json', 'GET, HEAD'],
    ['post', '/health', 'GET, HEAD'],
  ] as const)('%s %s', async (method, path, allow) => {
    const before = await h.eventCount();
    const res = await send(method, path);
    expectProblem(asText(res), 405, 'method-not-allowed');
    expect(res.headers.allow).toBe(allow);
    expect(await h.eventCount()).toBe(before);
  });

  test('HEAD on a command path is 405 too (no body)', async () => {
    const res = await request(h.tayari.url).head('/api/tours').set('Authorization', `Bearer ${h.tokens.incharge}`);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });

  test.each([
    ['get', '/nope'],
    ['delete', '/tasks/e-task'],
    ['get', '/tasks/e-task/status/more'],
  ] as const)('an unknown path stays 404: %s %s', async (method, path) => {
    expectProblem(asText(await send(method, path)), 404, 'no-such-endpoint');
  });

  test('without a token a wrong method is 401, as every request but health and OpenAPI', async () => {
    expect((await request(h.tayari.url).get('/api/tours')).status).toBe(401);
  });
});

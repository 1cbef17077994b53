import { gzipSync } from 'node:zlib';
import request from 'supertest';
import {
  epochSeconds,
  expectProblem,
  people,
  postBytes,
  signToken,
  startApi,
  TEST_SECRET,
  unsignedToken,
  type ApiHarness,
  type HttpAnswer,
  type Tokens,
} from '../support/apiHarness';
import { fixtures, ist } from './fixtures';

/**
 * Hostile requests against the real service. Each must get its 4xx as application/problem+json
 * `{type, title, status, detail}` (plus `errors[].path` for validation), append nothing, leave the
 * process answering, and leave Object.prototype as it was.
 */

interface Hostile {
  name: string;
  /** Under /api; default `/tours`. */
  path?: string;
  method?: 'post' | 'get' | 'put' | 'delete';
  /** The Authorization header; default the in-charge's bearer token; null sends none. */
  authorization?: (t: AuthContext) => string | null;
  /** A JSON body, sent as application/json. */
  body?: object;
  /** Or a raw body with its content type, byte for byte. */
  raw?: string;
  /** Or bytes (sent with node:http, with the content type and headers given). */
  bytes?: () => Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  status: number;
  rule: string;
  /** For validation problems: these paths must be among `errors[].path`. */
  errorsAt?: string[];
  /** For 405: the `Allow` header. */
  allow?: string;
}

interface AuthContext {
  tokens: Tokens;
  expired: string;
  otherSecret: string;
  hs512: string;
  noExp: string;
  unknownRole: string;
  wingLeadWithoutWing: string;
  algNone: string;
  tampered: string;
}

const DEEP = 20_000;
const deepArray = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;
const stop = { place: 'Jagdalpur', district: 'Bastar', venue: 'Lalbagh', startsAt: ist(26, '11:00'), endsAt: ist(26, '13:00') };
const tour = { title: 'Bastar tour', leader: 'Rahul Gandhi' };
const bearer = (token: string) => `Bearer ${token}`;

const hostile: Hostile[] = [
  // Wrong types and missing fields.
  { name: 'title is a number', body: { title: 42, leader: 'L' }, status: 400, rule: 'invalid-body', errorsAt: ['title'] },
  { name: 'leader is null', body: { title: 'T', leader: null }, status: 400, rule: 'invalid-body', errorsAt: ['leader'] },
  { name: 'title is an array', body: { title: ['T'], leader: 'L' }, status: 400, rule: 'invalid-body', errorsAt: ['title'] },
  { name: 'title is an object', body: { title: { toString: 'T' }, leader: 'L' }, status: 400, rule: 'invalid-body', errorsAt: ['title'] },
  { name: 'title is missing', body: { leader: 'L' }, status: 400, rule: 'invalid-body', errorsAt: ['title'] },
  { name: 'an empty object', body: {}, status: 400, rule: 'invalid-body', errorsAt: ['title', 'leader'] },
  { name: 'no body at all', status: 400, rule: 'invalid-body', errorsAt: ['title', 'leader'] },
  { name: 'a title of spaces only', body: { title: '   ', leader: 'L' }, status: 400, rule: 'invalid-body', errorsAt: ['title'] },
  { name: 'status not in the list', path: '/tasks/h-task/status', body: { status: 'finished' }, status: 400, rule: 'invalid-body', errorsAt: ['status'] },
  {
    name: 'a meeting without chairs',
    path: '/meetings',
    body: { title: 'M', venue: 'V', startsAt: ist(22, '10:00'), chairs: [] },
    status: 400,
    rule: 'invalid-body',
    errorsAt: ['chairs'],
  },
  {
    name: 'a head count that is not whole',
    path: '/meetings/h-meeting/minutes',
    body: { decisions: ['d'], attendance: 1.5 },
    status: 400,
    rule: 'invalid-body',
    errorsAt: ['attendance'],
  },
  {
    name: 'a negative head count',
    path: '/meetings/h-meeting/minutes',
    body: { decisions: ['d'], attendance: -1 },
    status: 400,
    rule: 'invalid-body',
    errorsAt: ['attendance'],
  },
  {
    name: 'a head count beyond doubles (1e400)',
    path: '/meetings/h-meeting/minutes',
    raw: '{"decisions":["d"],"attendance":1e400}',
    contentType: 'application/json',
    status: 400,
    rule: 'invalid-body',
    errorsAt: ['attendance'],
  },
  { name: 'the body is an array', raw: '[]', contentType: 'application/json', status: 400, rule: 'invalid-body', errorsAt: [''] },
  { name: 'the body is a JSON string', raw: '"hello"', contentType: 'application/json', status: 400, rule: 'malformed-json' },
  { name: 'the body is null', raw: 'null', contentType: 'application/json', status: 400, rule: 'malformed-json' },
  // Unknown fields, prototype keys.
  { name: 'an unknown field', body: { ...tour, colour: 'blue' }, status: 400, rule: 'unknown-field', errorsAt: ['colour'] },
  {
    name: 'an unknown field in a nested object',
    path: '/wings',
    body: { code: 'x1', name: { en: 'X', hi: 'ऎक्स', fr: 'X' }, kind: 'cell' },
    status: 400,
    rule: 'unknown-field',
    errorsAt: ['name.fr'],
  },
  {
    name: 'a __proto__ key',
    raw: '{"title":"T","leader":"L","__proto__":{"polluted":"yes"}}',
    contentType: 'application/json',
    status: 400,
    rule: 'unknown-field',
    errorsAt: ['__proto__'],
  },
  {
    name: 'a __proto__ key in a nested object',
    path: '/wings',
    raw: '{"code":"x2","name":{"en":"X","hi":"X","__proto__":{"polluted":"yes"}},"kind":"cell"}',
    contentType: 'application/json',
    status: 400,
    rule: 'unknown-field',
    errorsAt: ['name.__proto__'],
  },
  {
    name: 'a constructor.prototype key',
    raw: '{"title":"T","leader":"L","constructor":{"prototype":{"polluted":"yes"}}}',
    contentType: 'application/json',
    status: 400,
    rule: 'unknown-field',
    errorsAt: ['constructor'],
  },
  {
    name: 'a __proto__ key with an Idempotency-Key (the body is hashed)',
    raw: '{"title":"T","leader":"L","__proto__":{"polluted":"yes"}}',
    contentType: 'application/json',
    headers: { 'Idempotency-Key': 'proto-1' },
    status: 400,
    rule: 'unknown-field',
    errorsAt: ['__proto__'],
  },
  // Deep nesting (raw strings: 40,000 bytes, under the size limit).
  { name: 'a 20,000-deep array as the body', raw: deepArray, contentType: 'application/json', status: 400, rule: 'invalid-body', errorsAt: [''] },
  {
    name: 'a 20,000-deep array in a field',
    raw: `{"title":${deepArray},"leader":"L"}`,
    contentType: 'application/json',
    status: 400,
    rule: 'invalid-body',
    errorsAt: ['title'],
  },
  {
    name: 'a 20,000-deep array with an Idempotency-Key',
    raw: deepArray,
    contentType: 'application/json',
    headers: { 'Idempotency-Key': 'deep-1' },
    status: 400,
    rule: 'invalid-body',
    errorsAt: [''],
  },
  {
    name: 'a 20,000-deep array in a field with an Idempotency-Key',
    raw: `{"title":${deepArray},"leader":"L"}`,
    contentType: 'application/json',
    headers: { 'Idempotency-Key': 'deep-2' },
    status: 400,
    rule: 'invalid-body',
    errorsAt: ['title'],
  },
  // Over-long strings and bad ids.
  { name: 'a title of 201 characters', body: { title: 'T'.repeat(201), leader: 'L' }, status: 400, rule: 'invalid-body', errorsAt: ['title'] },
  { name: 'a Devanagari title of 201 characters', body: { title: 'क'.repeat(201), leader: 'L' }, status: 400, rule: 'invalid-body', errorsAt: ['title'] },
  { name: 'a note of 2,001 characters', path: '/tasks/h-task/notes', body: { text: 'n'.repeat(2001) }, status: 400, rule: 'invalid-body', errorsAt: ['text'] },
  { name: 'an id of 65 characters', body: { ...tour, id: 'a'.repeat(65) }, status: 400, rule: 'invalid-body', errorsAt: ['id'] },
  { name: 'an id with a path in it', body: { ...tour, id: '../../etc/passwd' }, status: 400, rule: 'invalid-body', errorsAt: ['id'] },
  { name: 'an id starting with a dash', body: { ...tour, id: '-x' }, status: 400, rule: 'invalid-body', errorsAt: ['id'] },
  // Impossible times and windows.
  {
    name: 'an impossible date (2018-02-30)',
    path: '/tours/h-tour/stops',
    body: { ...stop, startsAt: '2018-02-30T11:00:00+05:30' },
    status: 400,
    rule: 'invalid-body',
    errorsAt: ['startsAt'],
  },
  {
    name: 'an impossible time (24:61)',
    path: '/tours/h-tour/stops',
    body: { ...stop, startsAt: '2018-06-26T24:61:00+05:30' },
    status: 400,
    rule: 'invalid-body',
    errorsAt: ['startsAt'],
  },
  {
    name: 'a time without an offset',
    path: '/tours/h-tour/stops',
    body: { ...stop, endsAt: '2018-06-26T13:00:00' },
    status: 400,
    rule: 'invalid-body',
    errorsAt: ['endsAt'],
  },
  {
    name: 'an offset of +25:00',
    path: '/tours/h-tour/stops',
    body: { ...stop, startsAt: '2018-06-26T11:00:00+25:00' },
    status: 400,
    rule: 'invalid-body',
    errorsAt: ['startsAt'],
  },
  { name: 'a date without a time', path: '/tasks/h-task/due', body: { dueAt: '2018-06-26' }, status: 400, rule: 'invalid-body', errorsAt: ['dueAt'] },
  { name: 'a time as epoch seconds', path: '/tasks/h-task/due', body: { dueAt: 1529990000 }, status: 400, rule: 'invalid-body', errorsAt: ['dueAt'] },
  {
    name: 'a time in the year 10000 once in UTC',
    path: '/tours/h-tour/stops',
    body: { ...stop, endsAt: '9999-12-31T23:59:59-05:00' },
    status: 400,
    rule: 'invalid-body',
    errorsAt: ['endsAt'],
  },
  {
    name: 'a time in the year -1 once in UTC',
    path: '/tasks/h-task/due',
    body: { dueAt: '0000-01-01T00:00:00+01:00' },
    status: 400,
    rule: 'invalid-body',
    errorsAt: ['dueAt'],
  },
  {
    name: 'a meeting starting in the year 10000 once in UTC',
    path: '/meetings',
    body: { title: 'M', venue: 'V', startsAt: '9999-12-31T20:00:00-05:00', chairs: ['C'] },
    status: 400,
    rule: 'invalid-body',
    errorsAt: ['startsAt'],
  },
  {
    name: 'a window ending before it starts',
    path: '/tours/h-tour/stops',
    body: { ...stop, endsAt: ist(26, '10:00') },
    status: 400,
    rule: 'window-ends-before-start',
    errorsAt: ['endsAt'],
  },
  // Wings and rules that are 400.
  {
    name: 'an unknown wing',
    path: '/programmes/h-tour/responsibilities',
    body: { wing: 'martians', duty: 'd' },
    status: 400,
    rule: 'unknown-wing',
    errorsAt: ['wing'],
  },
  {
    name: 'a wing code that is not a code',
    path: '/programmes/h-tour/responsibilities',
    body: { wing: 'Tribal Wing', duty: 'd' },
    status: 400,
    rule: 'invalid-body',
    errorsAt: ['wing'],
  },
  {
    name: 'blocked without a reason',
    path: '/tasks/h-task/status',
    body: { status: 'blocked' },
    status: 400,
    rule: 'blocked-needs-reason',
    errorsAt: ['reason'],
  },
  // Not JSON, too big.
  { name: 'malformed JSON', raw: '{"title": ', contentType: 'application/json', status: 400, rule: 'malformed-json' },
  { name: 'JSON with a trailing comma', raw: '{"title":"T","leader":"L",}', contentType: 'application/json', status: 400, rule: 'malformed-json' },
  { name: 'JSON with single quotes', raw: "{'title':'T','leader':'L'}", contentType: 'application/json', status: 400, rule: 'malformed-json' },
  {
    name: 'bytes that are not UTF-8',
    bytes: () => Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","leader":"L"}')]),
    contentType: 'application/json',
    status: 400,
    rule: 'invalid-utf8',
  },
  {
    name: 'a cut-off UTF-8 sequence',
    bytes: () => Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xe0, 0xa4]), Buffer.from('","leader":"L"}')]),
    contentType: 'application/json',
    status: 400,
    rule: 'invalid-utf8',
  },
  {
    name: 'a lone surrogate escape',
    raw: '{"title":"\\ud800","leader":"L"}',
    contentType: 'application/json',
    status: 400,
    rule: 'lone-surrogate',
    errorsAt: ['title'],
  },
  {
    name: 'a lone surrogate escape in a nested object',
    path: '/wings',
    raw: '{"code":"x3","name":{"en":"X","hi":"\\udc00"},"kind":"cell"}',
    contentType: 'application/json',
    status: 400,
    rule: 'lone-surrogate',
    errorsAt: ['name.hi'],
  },
  {
    name: 'a duplicate key',
    raw: '{"title":"T","leader":"L","title":"U"}',
    contentType: 'application/json',
    status: 400,
    rule: 'duplicate-key',
    errorsAt: ['title'],
  },
  {
    name: 'a duplicate key in a nested object',
    path: '/wings',
    raw: '{"code":"x4","name":{"en":"X","hi":"X","hi":"Y"},"kind":"cell"}',
    contentType: 'application/json',
    status: 400,
    rule: 'duplicate-key',
    errorsAt: ['name.hi'],
  },
  {
    name: 'a duplicate key with an Idempotency-Key',
    raw: '{"title":"T","leader":"L","leader":"M"}',
    contentType: 'application/json',
    headers: { 'Idempotency-Key': 'dup-key-1' },
    status: 400,
    rule: 'duplicate-key',
    errorsAt: ['leader'],
  },
  { name: 'JSON sent as text/plain', raw: JSON.stringify(tour), contentType: 'text/plain', status: 415, rule: 'unsupported-media-type' },
  { name: 'a form (urlencoded)', raw: 'title=T&leader=L', contentType: 'application/x-www-form-urlencoded', status: 415, rule: 'unsupported-media-type' },
  {
    name: 'a multipart form',
    raw: '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nT\r\n--b--\r\n',
    contentType: 'multipart/form-data; boundary=b',
    status: 415,
    rule: 'unsupported-media-type',
  },
  { name: 'JSON in latin1', raw: JSON.stringify(tour), contentType: 'application/json; charset=latin1', status: 415, rule: 'unsupported-encoding' },
  { name: 'a body over 64 KiB', body: { title: 'T'.repeat(70_000), leader: 'L' }, status: 413, rule: 'body-too-large' },
  {
    name: 'a gzip bomb (20 KB that inflates to 20 MB)',
    bytes: () => gzipSync(Buffer.from(`{"title":"${' '.repeat(20_000_000)}","leader":"L"}`)),
    contentType: 'application/json',
    headers: { 'Content-Encoding': 'gzip' },
    status: 413,
    rule: 'body-too-large',
  },
  {
    name: 'a body that says gzip and is not',
    raw: JSON.stringify(tour),
    contentType: 'application/json',
    headers: { 'Content-Encoding': 'gzip' },
    status: 400,
    rule: 'bad-request',
  },
  {
    name: 'an unknown Content-Encoding',
    raw: JSON.stringify(tour),
    contentType: 'application/json',
    headers: { 'Content-Encoding': 'compress' },
    status: 415,
    rule: 'unsupported-encoding',
  },
  // Tokens.
  { name: 'no token', authorization: () => null, status: 401, rule: 'unauthorized' },
  { name: 'Basic authentication', authorization: () => 'Basic dXNlcjpwYXNz', status: 401, rule: 'unauthorized' },
  { name: 'Bearer and nothing', authorization: () => 'Bearer ', status: 401, rule: 'unauthorized' },
  { name: 'a bearer that is not a JWT', authorization: () => 'Bearer not-a-jwt', status: 401, rule: 'unauthorized' },
  { name: 'two tokens', authorization: (t) => `Bearer ${t.tokens.incharge} ${t.tokens.incharge}`, status: 401, rule: 'unauthorized' },
  { name: 'an expired token', authorization: (t) => bearer(t.expired), status: 401, rule: 'unauthorized' },
  { name: 'an alg: none token', authorization: (t) => bearer(t.algNone), status: 401, rule: 'unauthorized' },
  { name: 'a token signed with another secret', authorization: (t) => bearer(t.otherSecret), status: 401, rule: 'unauthorized' },
  { name: 'an HS512 token with the right secret', authorization: (t) => bearer(t.hs512), status: 401, rule: 'unauthorized' },
  { name: 'a token without exp', authorization: (t) => bearer(t.noExp), status: 401, rule: 'unauthorized' },
  { name: 'a token with an unknown role', authorization: (t) => bearer(t.unknownRole), status: 401, rule: 'unauthorized' },
  { name: 'a wing-lead token without a wing', authorization: (t) => bearer(t.wingLeadWithoutWing), status: 401, rule: 'unauthorized' },
  { name: "an organiser's token with its role raised", authorization: (t) => bearer(t.tampered), status: 401, rule: 'unauthorized' },
  { name: "an observer's token", authorization: (t) => bearer(t.tokens.observer), body: tour, status: 403, rule: 'forbidden-incharge' },
  // Headers.
  { name: 'an Idempotency-Key of 129 characters', body: tour, headers: { 'Idempotency-Key': 'k'.repeat(129) }, status: 400, rule: 'invalid-idempotency-key' },
  { name: 'an empty Idempotency-Key', body: tour, headers: { 'Idempotency-Key': '' }, status: 400, rule: 'invalid-idempotency-key' },
  { name: 'an Idempotency-Key with a space', body: tour, headers: { 'Idempotency-Key': 'two words' }, status: 400, rule: 'invalid-idempotency-key' },
  {
    name: 'an If-Match that is not a version',
    path: '/tasks/h-task/notes',
    body: { text: 't' },
    headers: { 'If-Match': 'abc' },
    status: 412,
    rule: 'version-mismatch',
  },
  {
    name: 'an If-Match that is negative',
    path: '/tasks/h-task/notes',
    body: { text: 't' },
    headers: { 'If-Match': '"-1"' },
    status: 412,
    rule: 'version-mismatch',
  },
  {
    name: 'an If-Match with two versions',
    path: '/tasks/h-task/notes',
    body: { text: 't' },
    headers: { 'If-Match': '"1", "2"' },
    status: 412,
    rule: 'version-mismatch',
  },
  // Paths.
  { name: 'an id with illegal characters in the path', path: '/tours/bad!id/cancel', body: { reason: 'r' }, status: 404, rule: 'not-found' },
  { name: 'an encoded dot-dot as the id', path: '/tours/%2e%2e/cancel', body: { reason: 'r' }, status: 404, rule: 'not-found' },
  { name: 'a Devanagari id in the path', path: `/tasks/${encodeURIComponent('काम')}/notes`, body: { text: 't' }, status: 404, rule: 'not-found' },
  { name: 'an id of 65 characters in the path', path: `/meetings/${'m'.repeat(65)}/cancel`, body: { reason: 'r' }, status: 404, rule: 'not-found' },
  { name: 'a path that is not percent-encoding', path: '/tours/%ZZ/cancel', body: { reason: 'r' }, status: 400, rule: 'malformed-path' },
  { name: 'a path that is cut-off UTF-8', path: '/tours/%E0%A4/cancel', body: { reason: 'r' }, status: 400, rule: 'malformed-path' },
  { name: 'an unknown endpoint', path: '/nope', body: tour, status: 404, rule: 'no-such-endpoint' },
  { name: 'GET on a command path', method: 'get', status: 405, rule: 'method-not-allowed', allow: 'POST' },
  { name: 'PUT on a command path', method: 'put', body: tour, status: 405, rule: 'method-not-allowed', allow: 'POST' },
  { name: 'DELETE on a command path with a parameter', method: 'delete', path: '/tasks/h-task/status', status: 405, rule: 'method-not-allowed', allow: 'POST' },
  { name: 'POST on a read path', path: '/programmes/h-tour', body: tour, status: 405, rule: 'method-not-allowed', allow: 'GET, HEAD' },
  { name: 'DELETE on a task', method: 'delete', path: '/tasks/h-task', status: 404, rule: 'no-such-endpoint' },
];

let h: ApiHarness;
let auth: AuthContext;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  h = await startApi();
  const f = fixtures(h);
  await f.tour('h-tour');
  await f.meeting('h-meeting');
  await f.task('h-tour', 'h-task');
  const now = epochSeconds(h.clock);
  const claims = { sub: 'u-x', name: 'X', role: 'incharge', iat: now, exp: now + 600 };
  auth = {
    tokens: h.tokens,
    expired: await h.token(people.incharge, -60),
    otherSecret: signToken(claims, 'another-secret-of-forty-characters-00000'),
    hs512: signToken(claims, TEST_SECRET, { alg: 'HS512', typ: 'JWT' }),
    noExp: signToken({ sub: 'u-x', name: 'X', role: 'incharge', iat: now }, TEST_SECRET),
    unknownRole: signToken({ ...claims, role: 'admin' }, TEST_SECRET),
    wingLeadWithoutWing: await h.token({ sub: 'u-wl', name: 'WL', role: 'wing-lead' }),
    algNone: unsignedToken(claims),
    tampered: (() => {
      const [header, , signature] = h.tokens.adivasiOrganiser.split('.');
      const payload = Buffer.from(JSON.stringify({ ...people.adivasiOrganiser, role: 'incharge', exp: now + 600 })).toString('base64url');
      return `${header}.${payload}.${signature}`;
    })(),
  };
});
afterAll(() => h.close());

function send(c: Hostile): Promise<HttpAnswer> {
  if (c.bytes) {
    const headers = { Authorization: bearer(auth.tokens.incharge), 'Content-Type': c.contentType ?? 'application/json', ...c.headers };
    return postBytes(h.tayari.url, c.path ?? '/tours', c.bytes(), headers);
  }
  const agent = request(h.tayari.url);
  const path = `/api${c.path ?? '/tours'}`;
  const method = c.method ?? 'post';
  const req = method === 'get' ? agent.get(path) : method === 'put' ? agent.put(path) : method === 'delete' ? agent.delete(path) : agent.post(path);
  const authorization = c.authorization ? c.authorization(auth) : bearer(auth.tokens.incharge);
  if (authorization !== null) req.set('Authorization', authorization);
  for (const [name, value] of Object.entries(c.headers ?? {})) req.set(name, value);
  const sent = c.raw !== undefined ? req.set('Content-Type', c.contentType ?? 'application/json').send(c.raw) : c.body === undefined ? req : req.send(c.body);
  return sent.then((res) => ({ status: res.status, headers: res.headers as HttpAnswer['headers'], text: res.text }));
}

test('the table has at least 40 hostile requests, each named once', () => {
  expect(hostile.length).toBeGreaterThanOrEqual(40);
  expect(new Set(hostile.map((c) => c.name)).size).toBe(hostile.length);
});

test.each(hostile.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  const before = await h.eventCount();

  const res = await send(c);

  const problem = expectProblem(res, c.status, c.rule);
  expect(problem.title).not.toBe('');
  if (c.errorsAt) {
    const paths = (problem.errors ?? []).map((e) => e.path);
    for (const path of c.errorsAt) expect(paths).toContain(path);
  }
  if (c.status === 401) expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
  if (c.allow !== undefined) expect(res.headers.allow).toBe(c.allow);
  // Nothing leaks: no stack, no echo of the hostile input beyond the field names.
  expect(res.text).not.toMatch(/node_modules|at .*\(.*:\d+:\d+\)/);

  expect(await h.eventCount()).toBe(before);
  expect((await request(h.tayari.url).get('/api/openapi.json')).status).toBe(200);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('after all of it the service still accepts a good command, and nothing was polluted', async () => {
  const res = await h.post('/tours', h.tokens.incharge, { ...tour, id: 'after-hostile' });
  expect(res.status).toBe(201);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
});

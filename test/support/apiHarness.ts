import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request, { type Response, type Test } from 'supertest';
import { z } from 'zod';
import { configFromEnv } from '@tayari/app/config';
import { createTayari, type Tayari, type TayariOptions } from '@tayari/app/createTayari';
import type { Role } from '@tayari/shared/common/actor';
import { ManualClock } from '@tayari/shared/common/clock';
import { sequentialIdGenerator } from '@tayari/shared/common/ids';
import type { RecordedEvent } from '@tayari/shared/eventstore/EventStore';

/**
 * The real service for HTTP tests: `createTayari` on a temporary data folder, port 0, a fixed JWT
 * secret, a ManualClock and sequential ids. One harness per test file (or describe); close it in
 * afterAll. Bodies are checked with zod so that tests read typed values, never `any`.
 */

/** 40 characters, as TAYARI_JWT_SECRET would be in a deployment. */
export const TEST_SECRET = 'tayari-api-test-secret-0123456789abcdefg';
/** Where the ManualClock starts: a few weeks before the programmes the tests plan. */
export const T0 = '2018-06-01T06:00:00.000Z';
const TOKEN_TTL_SECONDS = 3600;

export const AnswerSchema = z.strictObject({
  id: z.string().min(1),
  version: z.number().int().positive(),
  position: z.string().regex(/^\d+$/),
});
export type Answer = z.infer<typeof AnswerSchema>;

export const ProblemSchema = z.strictObject({
  type: z.string().regex(/^\/problems\/[a-z0-9-]+$/),
  title: z.string().min(1),
  status: z.number().int().min(400).max(599),
  detail: z.string().min(1),
  errors: z.array(z.strictObject({ path: z.string(), message: z.string().min(1) })).optional(),
  /** The one extension member so far (409 duplicate-enrolment); any other field fails the parse. */
  enrolmentId: z.string().optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export interface Person {
  sub: string;
  name: string;
  role: Role;
  wing?: string;
  /** SPEC v2: the unit the person acts for (and the units under it). */
  unit?: string;
}

export const people = {
  incharge: { sub: 'u-incharge', name: 'प्रभारी Sharma', role: 'incharge' },
  incharge2: { sub: 'u-incharge-2', name: 'Second in-charge', role: 'incharge' },
  adivasiLead: { sub: 'u-adivasi-lead', name: 'आदिवासी lead', role: 'wing-lead', wing: 'adivasi' },
  youthLead: { sub: 'u-youth-lead', name: 'Youth lead', role: 'wing-lead', wing: 'youth' },
  adivasiOrganiser: { sub: 'u-adivasi-org', name: 'Organiser Netam', role: 'organiser', wing: 'adivasi' },
  observer: { sub: 'u-observer', name: 'Observer', role: 'observer' },
} as const satisfies Record<string, Person>;
export type PersonName = keyof typeof people;
export type Tokens = Record<PersonName, string>;

export interface HarnessOptions {
  /** Reuse a data folder (a restart); a new temporary one otherwise. */
  dataDir?: string;
  clock?: ManualClock;
  /** Prefix of the sequential ids; give each instance on one data folder its own (see below). */
  idPrefix?: string;
  /** Run the late-event compensator (by default only on EventStoreDB). */
  compensateLateEvents?: boolean;
  /** Live gateway options (tests shorten timers). */
  live?: TayariOptions['live'];
}

export interface ApiHarness {
  tayari: Tayari;
  clock: ManualClock;
  dataDir: string;
  tokens: Tokens;
  /** Issues fresh tokens (e.g. after the clock moved past their expiry). */
  refreshTokens(): Promise<Tokens>;
  token(person: Person, ttlSeconds?: number): Promise<string>;
  /** `POST /api<path>` with a JSON body (or none) and a bearer token (or none). */
  post(path: string, token: string | undefined, body?: object, headers?: Record<string, string>): Test;
  /** `POST /api<path>` with a raw body and content type, exactly as given. */
  postRaw(path: string, token: string | undefined, raw: string, contentType: string, headers?: Record<string, string>): Test;
  get(path: string, token?: string): Test;
  events(): Promise<RecordedEvent[]>;
  eventCount(): Promise<number>;
  /** Events appended after the first `count` events. */
  eventsAfter(count: number): Promise<RecordedEvent[]>;
  streamVersion(streamId: string): Promise<number>;
  /** Stops the server and the store; removes the data folder unless `keepData`. */
  close(keepData?: boolean): Promise<void>;
}

/**
 * Note on `idPrefix`: commands without an Idempotency-Key get their command id (from which event
 * ids derive) from the injected id generator. A second instance on the same data folder must not
 * restart the same sequence, or its event ids collide with stored ones, exactly as they would not
 * with the random generator of production.
 */
export async function startApi(options: HarnessOptions = {}): Promise<ApiHarness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tayari-api-'));
  const clock = options.clock ?? new ManualClock(T0);
  const config = configFromEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    TAYARI_DATA: dataDir,
    TAYARI_DEMO: '0',
    TAYARI_JWT_SECRET: TEST_SECRET,
    TAYARI_RATE_LIMIT: '0',
  });
  const compensate = options.compensateLateEvents === undefined ? {} : { compensateLateEvents: options.compensateLateEvents };
  const tayari = await createTayari({
    config,
    clock,
    ids: sequentialIdGenerator(options.idPrefix ?? 'gen'),
    ...compensate,
    ...(options.live ? { live: options.live } : {}),
  });

  const token = (person: Person, ttlSeconds = TOKEN_TTL_SECONDS) => tayari.verifier.issue(person, ttlSeconds);
  const issueAll = async (): Promise<Tokens> => {
    const entries = await Promise.all(Object.entries(people).map(async ([key, person]) => [key, await token(person)] as const));
    return Object.fromEntries(entries) as Tokens;
  };
  const withAuth = (test: Test, bearer: string | undefined, headers: Record<string, string>) => {
    if (bearer !== undefined) test.set('Authorization', `Bearer ${bearer}`);
    for (const [name, value] of Object.entries(headers)) test.set(name, value);
    return test;
  };
  const events = () => tayari.store.readAll(undefined, 1e6);

  const harness: ApiHarness = {
    tayari,
    clock,
    dataDir,
    tokens: await issueAll(),
    async refreshTokens() {
      harness.tokens = await issueAll();
      return harness.tokens;
    },
    token,
    post(path, bearer, body, headers = {}) {
      const test = withAuth(request(tayari.url).post(`/api${path}`), bearer, headers);
      return body === undefined ? test : test.send(body);
    },
    postRaw(path, bearer, raw, contentType, headers = {}) {
      return withAuth(request(tayari.url).post(`/api${path}`), bearer, headers)
        .set('Content-Type', contentType)
        .send(raw);
    },
    get(path, bearer) {
      return withAuth(request(tayari.url).get(`/api${path}`), bearer, {});
    },
    events,
    async eventCount() {
      return (await events()).length;
    },
    async eventsAfter(count) {
      return (await events()).slice(count);
    },
    async streamVersion(streamId) {
      return (await tayari.store.readStream(streamId)).length;
    },
    async close(keepData = false) {
      await tayari.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The answer of an accepted command: status, body shape, ETag. */
export function expectAnswer(res: Response, status: 200 | 201, schema: z.ZodType<Answer> = AnswerSchema): Answer {
  if (res.status !== status) {
    throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
  }
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const answer = schema.parse(res.body as unknown);
  expect(res.headers.etag).toBe(`"${answer.version}"`);
  return answer;
}

/** What a check needs of an HTTP answer (a supertest Response, or one read with node:http). */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A refusal: status, problem+json, and `type` naming the rule. */
export function expectProblem(res: HttpAnswer, status: number, rule: string): Problem {
  if (res.status !== status) {
    throw new Error(`expected ${status} ${rule}, got ${res.status}: ${res.text}`);
  }
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body: unknown = JSON.parse(res.text);
  const problem = ProblemSchema.parse(body);
  expect(problem).toMatchObject({ type: `/problems/${rule}`, status });
  return problem;
}

/** The `{type, data}` of recorded events, for comparing with what a command should append. */
export const typesAndData = (events: RecordedEvent[]) => events.map((e) => ({ type: e.type, data: e.data }));

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** A compact JWS signed with HMAC-SHA256/384/512, for hand-made (hostile) tokens. */
export function signToken(payload: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const alg = (header as { alg?: unknown }).alg;
  const hash = alg === 'HS384' ? 'sha384' : alg === 'HS512' ? 'sha512' : 'sha256';
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  return `${signingInput}.${createHmac(hash, secret).update(signingInput).digest('base64url')}`;
}

/**
 * POSTs bytes exactly as given with node:http (supertest would serialise a Buffer sent as JSON),
 * e.g. a gzip body with `Content-Encoding: gzip`.
 */
export function postBytes(url: string, path: string, body: Buffer, headers: Record<string, string>): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/api${path}`, { method: 'POST', headers: { ...headers, 'Content-Length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `alg: none`: no signature at all. */
export function unsignedToken(payload: object): string {
  return `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}.`;
}

/** Seconds since the epoch on the harness clock. */
export const epochSeconds = (clock: ManualClock) => Math.floor(clock.now().getTime() / 1000);

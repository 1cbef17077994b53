import { z } from 'zod';
import { AUTH_PATHS } from '@tayari/api/auth/authOperations';
import { COMMANDS } from '@tayari/shared/application/aggregates';
import { expectProblem, startApi, type ApiHarness } from '../support/apiHarness';
import { COMMAND_BODY_FIELDS } from './commandBodyFields';

/**
 * `/api/openapi.json`: OpenAPI 3.1, open without a token, documenting every command path with the
 * request body schema generated from the same zod schemas that parse requests.
 */

const JsonSchema = z.looseObject({
  type: z.string().optional(),
  properties: z.record(z.string(), z.looseObject({ type: z.string().optional(), enum: z.array(z.string()).optional() })).optional(),
  required: z.array(z.string()).optional(),
  additionalProperties: z.unknown().optional(),
});
type JsonSchema = z.infer<typeof JsonSchema>;
const Parameter = z.looseObject({ name: z.string(), in: z.enum(['path', 'header', 'query', 'cookie']), required: z.boolean().optional() });
const Operation = z.looseObject({
  operationId: z.string(),
  summary: z.string().min(1),
  security: z.array(z.record(z.string(), z.array(z.string()))),
  parameters: z.array(Parameter),
  requestBody: z.looseObject({ content: z.looseObject({ 'application/json': z.looseObject({ schema: JsonSchema }) }) }),
  responses: z.record(z.string(), z.looseObject({ description: z.string(), content: z.record(z.string(), z.looseObject({ schema: z.unknown() })).optional() })),
});
const Document = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.looseObject({ post: Operation.optional() })),
  components: z.looseObject({
    securitySchemes: z.record(z.string(), z.looseObject({ type: z.string(), scheme: z.string().optional() })),
    schemas: z.record(z.string(), JsonSchema),
  }),
});
type Document = z.infer<typeof Document>;

const fields = COMMAND_BODY_FIELDS;

/** The command table of SPEC.md, as written there. */
const SPEC_PATHS = [
  '/api/tours',
  '/api/tours/{tourId}/stops',
  '/api/tours/{tourId}/stops/{stopId}/reschedule',
  '/api/tours/{tourId}/stops/{stopId}/cancel',
  '/api/tours/{tourId}/cancel',
  '/api/meetings',
  '/api/meetings/{id}/reschedule',
  '/api/meetings/{id}/cancel',
  '/api/meetings/{id}/minutes',
  '/api/programmes/{programmeId}/responsibilities',
  '/api/responsibilities/{id}/acknowledge',
  '/api/responsibilities/{id}/reassign',
  '/api/tasks',
  '/api/tasks/{id}/status',
  '/api/tasks/{id}/assign',
  '/api/tasks/{id}/due',
  '/api/tasks/{id}/notes',
  '/api/tasks/{id}/cancel',
  '/api/wings',
  '/api/posts',
  '/api/posts/{id}/nominations',
  '/api/nominations/{id}/recommend',
  '/api/nominations/{id}/approve',
  '/api/nominations/{id}/decline',
  '/api/nominations/{id}/withdraw',
  '/api/posts/{id}/appoint',
  '/api/posts/{id}/vacate',
  '/api/people',
  '/api/people/{id}/role',
  '/api/people/{id}/invite',
  '/api/people/{id}/revoke',
  '/api/templates',
  '/api/programmes/{id}/apply-template',
  '/api/drives',
  '/api/drives/{id}/targets',
  '/api/drives/{id}/enrolments',
  '/api/drives/{id}/enrolments/{enrolmentId}/forget',
  '/api/drives/{id}/close',
];
/** Placeholder names may differ (`{id}` in SPEC.md, `{meetingId}` in the document). */
const shape = (path: string) => path.replace(/\{[^}]+\}/g, '{}');
const documented = (routePath: string) => `/api${routePath.replace(/:([A-Za-z]+)/g, '{$1}')}`;

let h: ApiHarness;
let doc: Document;

beforeAll(async () => {
  h = await startApi();
  const res = await h.get('/openapi.json');
  expect(res.status).toBe(200);
  doc = Document.parse(JSON.parse(res.text) as unknown);
});
afterAll(() => h.close());

function operation(routePath: string) {
  const post = doc.paths[documented(routePath)]?.post;
  if (!post) throw new Error(`${documented(routePath)} is not documented`);
  return post;
}

function bodySchema(routePath: string): JsonSchema {
  return operation(routePath).requestBody.content['application/json'].schema;
}

describe('the document', () => {
  test('is OpenAPI 3.1 JSON, open without a token (and with a bad one)', async () => {
    const open = await h.get('/openapi.json');
    expect(open.status).toBe(200);
    expect(open.headers['content-type']).toMatch(/^application\/json/);
    const withBadToken = await h.get('/openapi.json', 'not-a-token');
    expect(withBadToken.status).toBe(200);
    expect(withBadToken.text).toBe(open.text);
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBe('Tayari');
  });

  test('declares bearer JWT security and the problem schema', () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.schemas.Problem?.required?.sort()).toEqual(['detail', 'status', 'title', 'type']);
  });

  test("documents every path of SPEC.md's command table", () => {
    const paths = Object.entries(doc.paths)
      .filter(([, item]) => item.post)
      .map(([path]) => shape(path));
    for (const path of SPEC_PATHS) expect(paths).toContain(shape(path));
  });

  test('documents every command route and the batch endpoint, and only routes that exist', () => {
    const routePaths = new Set([...COMMANDS.map((r) => documented(r.path)), '/api/commands/batch', ...AUTH_PATHS.map((path) => `/api${path}`)]);
    for (const path of routePaths) expect(doc.paths[path]?.post).toBeDefined();
    const posts = Object.entries(doc.paths).filter(([, item]) => item.post);
    for (const [path] of posts) expect(routePaths).toContain(path);
    expect(Object.keys(fields).sort()).toEqual(COMMANDS.map((r) => r.name).sort());
  });
});

describe.each(COMMANDS.map((r) => [r.name, r] as const))('%s', (name, route) => {
  test('operation: id, bearer security, path parameters, Idempotency-Key and If-Match headers', () => {
    const op = operation(route.path);
    expect(op.operationId).toBe(name);
    expect(op.security).toEqual([{ bearer: [] }]);
    const pathParams = [...route.path.matchAll(/:([A-Za-z]+)/g)].map(([, p]) => p);
    for (const p of pathParams) expect(op.parameters).toContainEqual(expect.objectContaining({ name: p, in: 'path', required: true }));
    expect(op.parameters.filter((p) => p.in === 'path')).toHaveLength(pathParams.length);
    expect(op.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(op.parameters).toContainEqual(expect.objectContaining({ name: 'If-Match', in: 'header' }));
  });

  test('request body: a closed object with exactly the required and optional fields', () => {
    const [required, optional] = fields[name] ?? [[], []];
    const schema = bodySchema(route.path);
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect([...(schema.required ?? [])].sort()).toEqual([...required].sort());
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual([...required, ...optional].sort());
  });

  test('responses: the success status with the answer, and the problems', () => {
    const op = operation(route.path);
    const success = route.creates ? '201' : '200';
    expect(op.responses[success]?.content?.['application/json']).toBeDefined();
    for (const status of ['400', '401', '403', '404', '409', '412', '413', '415', '422']) {
      expect(op.responses[status]?.content?.['application/problem+json']?.schema).toEqual({ $ref: '#/components/schemas/Problem' });
    }
  });

  test('the documented path is served (an observer is refused with 403, not 404)', async () => {
    const path = documented(route.path)
      .replace(/^\/api/, '')
      .replace(/\{[A-Za-z]+\}/g, 'some-id');
    expectProblem(await h.post(path, h.tokens.observer, {}), 403, `forbidden-${route.permission}`);
  });
});

describe('schemas carry the rules zod checks', () => {
  test('ids and wing codes carry their patterns; text its length limits', () => {
    const plan = bodySchema('/tours').properties ?? {};
    expect(plan.id).toMatchObject({ type: 'string', pattern: expect.any(String) });
    expect(new RegExp(String(plan.id?.pattern)).test('Offline_Tour-42')).toBe(true);
    expect(new RegExp(String(plan.id?.pattern)).test('../x')).toBe(false);
    expect(plan.title).toMatchObject({ type: 'string', minLength: 1, maxLength: 200 });
    const log = bodySchema('/tasks').properties ?? {};
    expect(new RegExp(String(log.wing?.pattern)).test('seva-dal')).toBe(true);
    expect(new RegExp(String(log.wing?.pattern)).test('Seva Dal')).toBe(false);
  });

  test('the task status is an enum of the four statuses', () => {
    const status = bodySchema('/tasks/:taskId/status').properties?.status;
    expect(status?.enum?.sort()).toEqual(['blocked', 'done', 'in_progress', 'todo']);
  });

  test("a meeting's chairs and a wing's name are described in full", () => {
    const meeting = bodySchema('/meetings').properties ?? {};
    expect(meeting.chairs).toMatchObject({ type: 'array', minItems: 1 });
    const name = JsonSchema.parse(bodySchema('/wings').properties?.name);
    expect(name).toMatchObject({ type: 'object', additionalProperties: false });
    expect(name.required?.sort()).toEqual(['en', 'hi']);
  });
});

describe('/api/health', () => {
  test('when it exists, it is open and says how the service is', async () => {
    const open = await h.get('/health');
    if (open.status !== 200) {
      // Another part of the service adds /health; until then the route is simply not there.
      const withToken = await h.get('/health', h.tokens.incharge);
      expect(withToken.status).toBe(404);
      return;
    }
    expect(open.headers['content-type']).toMatch(/^application\/json/);
    // A projection that has seen no event yet may say null.
    const Health = z.strictObject({
      status: z.literal('ok'),
      eventStore: z.string().min(1),
      readStore: z.string().min(1),
      position: z.string(),
      projections: z.record(z.string(), z.looseObject({ position: z.string().nullable() })),
    });
    const health = Health.parse(JSON.parse(open.text) as unknown);
    expect(health.eventStore).toBe(h.tayari.store.kind);
    expect(health.position).toBe((await h.tayari.store.headPosition()) ?? '0');
    // With a token (even a bad one) it answers the same way.
    expect((await h.get('/health', 'not-a-token')).status).toBe(200);
  });
});

describe('reads', () => {
  const queryOf = (path: string) => {
    const get = (doc.paths[path] as { get?: { parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[] } }).get;
    if (!get) throw new Error(`GET ${path} is not documented`);
    return (get.parameters ?? []).filter((p) => p.in === 'query');
  };

  test.each([
    // Past SPEC: perColumn, a phone's first read of a long board.
    ['/api/boards/programme/{id}', ['perColumn']],
    ['/api/boards/wing/{wing}', ['unit']],
  ])('GET %s documents the SPEC v2 board filters, all optional', (path, more) => {
    const query = queryOf(path);
    expect(query.map((p) => p.name).sort()).toEqual(
      ['assignee', 'assigneeId', 'blocked', 'minPosition', 'overdue', 'q', 'status', 'stop', 'wing', ...more].sort(),
    );
    expect(query.every((p) => p.required === false)).toBe(true);
  });

  test('GET /api/programmes/{id}/history documents both orders: after, or order=desc with before', () => {
    const query = queryOf('/api/programmes/{id}/history');
    expect(query.map((p) => p.name).sort()).toEqual(['after', 'before', 'limit', 'minPosition', 'order']);
    expect(query.every((p) => p.required === false)).toBe(true);
    expect(query.find((p) => p.name === 'order')?.schema).toMatchObject({ enum: ['asc', 'desc'] });
  });

  test('GET /api/boards/readiness takes minPosition and unit; the attention board wing and unit', () => {
    expect(queryOf('/api/boards/readiness').map((p) => p.name)).toEqual(['minPosition', 'unit']);
    expect(
      queryOf('/api/boards/attention')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['minPosition', 'unit', 'wing']);
  });
});

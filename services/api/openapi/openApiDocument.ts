import { z } from 'zod';
import type { CommandDefinition } from '@tayari/shared/application/CommandDefinition';
import { BatchRequestSchema } from '@tayari/shared/contract/batchRequest';
import { AUTH_OPERATIONS } from '../auth/authOperations';
import { queryParameters, READ_OPERATIONS } from './readOperations';

const answer = {
  type: 'object',
  required: ['id', 'version', 'position'],
  properties: {
    id: { type: 'string' },
    version: { type: 'integer', description: 'the aggregate stream version after the command; what If-Match compares with' },
    position: { type: 'string', description: 'global position of the last event (stores count differently, so a string)' },
  },
};
const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', description: 'names the rule that refused the request' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
    enrolmentId: { type: 'string', description: '409 duplicate-enrolment: the enrolment the phone already has' },
  },
};
const batchAnswer = {
  type: 'object',
  required: ['results'],
  properties: {
    results: {
      type: 'array',
      items: {
        type: 'object',
        required: ['status', 'body', 'headers'],
        properties: {
          status: { type: 'integer' },
          body: { description: 'the answer or the problem the item alone would have got' },
          headers: { type: 'object', properties: { etag: { type: 'string' }, idempotentReplayed: { type: 'boolean' } } },
        },
      },
    },
  },
};
const sessionAnswer = {
  type: 'object',
  required: ['token', 'refreshToken', 'expiresAt'],
  properties: {
    token: { type: 'string', description: 'a JWT for 12 hours' },
    refreshToken: { type: 'string', description: 'for POST /api/auth/refresh; each is used once' },
    expiresAt: { type: 'string', format: 'date-time' },
  },
};
const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** `/tours/:tourId/stops` → `/tours/{tourId}/stops`. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

/** OpenAPI 3.1, generated from the same zod schemas that parse the requests. */
export function openApiDocument(routes: readonly CommandDefinition[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(`/api${route.path}`);
    const parameters = [...route.path.matchAll(/:([A-Za-z]+)/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    paths[path] = {
      ...paths[path],
      post: {
        operationId: route.name,
        summary: route.summary,
        security: [{ bearer: [] }],
        parameters: [
          ...parameters,
          { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 1, maxLength: 128 } },
          { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'the version (ETag) the aggregate must be at' },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) } } },
        responses: {
          [route.creates ? '201' : '200']: {
            description: 'accepted',
            headers: { ETag: { schema: { type: 'string' } } },
            content: { 'application/json': { schema: answer } },
          },
          ...(route.creates
            ? { '200': { description: 'nothing changed (an idempotent replay or a no-op)', content: { 'application/json': { schema: answer } } } }
            : {}),
          '400': problemResponse('the request is wrong on its own'),
          '401': problemResponse('no or bad token'),
          '403': problemResponse('not allowed'),
          '404': problemResponse('something named does not exist'),
          '409': problemResponse('the current state refuses it'),
          '412': problemResponse('If-Match does not match the version'),
          '413': problemResponse('body over 64 KiB'),
          '415': problemResponse('not JSON'),
          '422': problemResponse('Idempotency-Key reused with another body'),
          '429': problemResponse('too many requests'),
          '503': problemResponse('the event store is unreachable or out of space; nothing was written; retry with the same Idempotency-Key'),
        },
      },
    };
  }
  paths['/api/commands/batch'] = {
    post: {
      operationId: 'CommandBatch',
      summary: 'Several commands in order, each as if sent alone (an offline queue sent when the connection is back)',
      security: [{ bearer: [] }],
      // Each item carries its own Idempotency-Key and If-Match in the body.
      parameters: [{ name: 'X-Correlation-Id', in: 'header', required: false, schema: { type: 'string', maxLength: 200 } }],
      requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(BatchRequestSchema, { io: 'input', unrepresentable: 'any' }) } } },
      responses: {
        '200': { description: 'every item succeeded', content: { 'application/json': { schema: batchAnswer } } },
        '207': {
          description: 'some item was refused (424: not attempted after a refused stopOnError item)',
          content: { 'application/json': { schema: batchAnswer } },
        },
        '400': problemResponse('the batch itself is malformed (items are answered one by one)'),
        '401': problemResponse('no or bad token'),
        '413': problemResponse('body over 1 MiB'),
        '415': problemResponse('not JSON'),
        '429': problemResponse('too many requests'),
      },
    },
  };
  for (const auth of AUTH_OPERATIONS) {
    paths[`/api${auth.path}`] = {
      post: {
        operationId: auth.operationId,
        summary: auth.summary,
        // Open: the code or refresh token in the body is the credential.
        security: [],
        parameters: [],
        requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(auth.body, { io: 'input' }) } } },
        responses: {
          [auth.success]:
            auth.success === 204 ? { description: 'done' } : { description: 'signed in', content: { 'application/json': { schema: sessionAnswer } } },
          '400': problemResponse('malformed body'),
          '401': problemResponse('the code or token is not valid (or was used before: sign in again)'),
          '410': problemResponse('the invitation was used or has expired; the detail says whom to ask'),
          '429': problemResponse('too many attempts from this address or for this person'),
        },
      },
    };
  }
  for (const read of READ_OPERATIONS) {
    const pathParameters = [...read.path.matchAll(/\{([A-Za-z]+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
    paths[read.path] = {
      ...paths[read.path],
      get: {
        operationId: read.operationId,
        summary: read.summary,
        ...(read.open ? {} : { security: [{ bearer: [] }] }),
        parameters: [...pathParameters, ...queryParameters(read.query)],
        responses: {
          '200': {
            description: 'the data, with the `position` it reflects',
            content: { 'application/json': { schema: { type: 'object', required: ['position'] } } },
          },
          '400': problemResponse('bad query parameters'),
          '401': problemResponse('no or bad token'),
          '404': problemResponse('no such programme or wing'),
          '504': problemResponse('the projections did not reach minPosition within 5 s'),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Tayari', version: '1.0.0', description: "Plans a party's tours and meetings and shows, live, how ready each one is." },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }, schemas: { Problem: problemSchema } },
    paths,
  };
}

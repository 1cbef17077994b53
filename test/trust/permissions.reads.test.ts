import { READ_OPERATIONS } from '@tayari/api/openapi/readOperations';
import type { Fixtures } from '../api/fixtures';
import type { ApiHarness } from '../support/apiHarness';
import { startMatrixApi } from './permissionCells';
import { ACTORS, OTHER, ROLES, TOUR } from './permissionTable';

/** Every valid token may read, whatever its role (SPEC.md, "Authentication"). */

let h: ApiHarness;

beforeAll(async () => {
  let f: Fixtures;
  ({ h, f } = await startMatrixApi());
  await f.post('reads-post');
  await f.drive('reads-drive', { 'cg-bastar': 1 });
});
afterAll(() => h.close());

describe('reads are open to every valid token', () => {
  const READ_PATHS: Record<string, string> = {
    '/api/health': '/health',
    '/api/wings': '/wings',
    '/api/units': '/units',
    '/api/programmes': '/programmes',
    '/api/programmes/{id}': `/programmes/${TOUR}`,
    '/api/programmes/{id}/history': `/programmes/${TOUR}/history`,
    '/api/boards/programme/{id}': `/boards/programme/${TOUR}`,
    '/api/boards/readiness': '/boards/readiness',
    '/api/boards/attention': '/boards/attention',
    '/api/boards/wing/{wing}': `/boards/wing/${OTHER}`,
    '/api/boards/posts': '/boards/posts',
    '/api/posts/{id}/history': '/posts/reads-post/history',
    '/api/people': '/people',
    '/api/me': '/me',
    '/api/templates': '/templates',
    '/api/boards/mine': '/boards/mine',
    '/api/drives': '/drives',
    '/api/drives/{id}/board': '/drives/reads-drive/board',
    '/api/drives/{id}/enrolments': '/drives/reads-drive/enrolments',
  };
  /** Names and phones: in-charges only (SPEC v2 "the enrolment drive"); the others get 403. */
  const INCHARGE_READS = new Set(['/api/drives/{id}/enrolments']);

  test('one path per read operation of the API', () => {
    expect(Object.keys(READ_PATHS).sort()).toEqual(READ_OPERATIONS.map((r) => r.path).sort());
  });

  test.each(Object.entries(READ_PATHS).flatMap(([operation, path]) => ROLES.map((role) => [operation, role, path] as const)))(
    'GET %s as %s → 200',
    async (operation, role, path) => {
      if (INCHARGE_READS.has(operation) && role !== 'incharge') {
        expect((await h.get(path, await h.token(ACTORS[role]))).status).toBe(403);
        return;
      }
      // Read your writes: wait for the projections to reach the store's head (health takes no query).
      const head = (await h.tayari.store.headPosition()) ?? '0';
      const res = await h.get(path === '/health' ? path : `${path}?minPosition=${head}`, await h.token(ACTORS[role]));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(typeof (res.body as { position?: unknown }).position).toBe('string');
    },
  );

  test('every read without a token is 401, but health', async () => {
    for (const path of Object.values(READ_PATHS)) {
      const res = await h.get(path);
      expect(res.status).toBe(path === '/health' ? 200 : 401);
    }
  });
});

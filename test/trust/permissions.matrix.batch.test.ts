import { COMMANDS } from '@tayari/shared/application/aggregates';
import type { Fixtures } from '../api/fixtures';
import type { ApiHarness } from '../support/apiHarness';
import { arrangeCell, cellRows, startMatrixApi } from './permissionCells';
import { ACTORS } from './permissionTable';

/**
 * The batch endpoint (SPEC v2) runs each item through the same checks as its own route: the cells of
 * permissions.matrix.test.ts, each sent as a batch of one.
 */

let h: ApiHarness;
let f: Fixtures;
let cellNumber = 0;

beforeAll(async () => {
  ({ h, f } = await startMatrixApi());
});
afterAll(() => h.close());

describe.each(COMMANDS.map((route) => route.name))('%s in a batch', (command) => {
  test.each(cellRows(command))('as %s on the %s wing → %s', async (role, side, _title, expected) => {
    const attempt = await arrangeCell(f, command, side, `b${++cellNumber}`);
    const before = await h.tayari.store.headPosition();
    const res = await h.post('/commands/batch', await h.token(ACTORS[role]), {
      commands: [{ method: 'POST', path: `/api${attempt.path}`, body: attempt.body, idempotencyKey: `cell-${cellNumber}` }],
    });
    const [result] = (res.body as { results: { status: number; body: { type?: string } }[] }).results;
    const appended = await h.tayari.store.readAll(before, 100);
    if (typeof expected === 'string') {
      expect(res.status).toBe(207);
      expect(result).toMatchObject({ status: 403, body: { type: `/problems/${expected}` } });
      expect(appended).toEqual([]);
    } else {
      expect(res.status).toBe(200);
      expect(result?.status).toBe(expected);
      expect(appended.length).toBeGreaterThan(0);
    }
  });
});

import { COMMANDS } from '@tayari/shared/application/aggregates';
import { EventMetadataSchema } from '@tayari/shared/common/metadata';
import type { Fixtures } from '../api/fixtures';
import { AnswerSchema, expectAnswer, expectProblem, type ApiHarness } from '../support/apiHarness';
import { arrangeCell, CELLS, cellRows, startMatrixApi } from './permissionCells';
import { ACTORS, ROLES, TABLE } from './permissionTable';

/**
 * Who may do what (SPEC.md, "Authentication"), over HTTP, as one matrix: every command × every role ×
 * the thing belonging to the actor's own wing or to another wing. Each cell gets fresh state made by
 * an in-charge, so that an allowed command can succeed; it then asserts 2xx and events recorded with
 * the actor's identity, or 403 problem+json with nothing appended.
 *
 * The expectations are `TABLE` in permissionTable.ts: one row per command name, and its keys must
 * equal `COMMANDS` — a new command cannot be added without saying who may run it. The same cells run
 * in a batch in permissions.matrix.batch.test.ts.
 */

let h: ApiHarness;
let f: Fixtures;
let cellNumber = 0;

beforeAll(async () => {
  ({ h, f } = await startMatrixApi());
});
afterAll(() => h.close());

test('the table has exactly one row per command route', () => {
  expect(Object.keys(TABLE).sort()).toEqual(COMMANDS.map((r) => r.name).sort());
  expect(new Set(COMMANDS.map((r) => r.name)).size).toBe(COMMANDS.length);
  // Every role appears in every row (the type says so; this says it to a reader of the output too).
  for (const row of Object.values(TABLE)) expect(Object.keys(row.who).sort()).toEqual([...ROLES].sort());
});

test('the matrix is every command × 4 roles × own/other wing', () => {
  expect(CELLS).toHaveLength(COMMANDS.length * 4 * 2);
});

describe.each(COMMANDS.map((route) => route.name))('%s', (command) => {
  test.each(cellRows(command))('as %s on the %s wing → %s', async (role, side, _title, expected) => {
    const attempt = await arrangeCell(f, command, side, `${++cellNumber}`);
    const actor = ACTORS[role];
    const before = await h.tayari.store.headPosition();
    const res = await h.post(attempt.path, await h.token(actor), attempt.body);
    const appended = await h.tayari.store.readAll(before, 100);
    if (typeof expected === 'string') {
      expectProblem(res, 403, expected);
      expect(appended).toEqual([]);
      expect(await h.tayari.store.headPosition()).toBe(before);
    } else {
      // A command that reveals more (an invitation's link) answers those fields besides the usual three.
      const answer = expectAnswer(res, expected, COMMANDS.find((route) => route.name === command)?.reveal ? AnswerSchema.loose() : AnswerSchema);
      expect(appended.length).toBeGreaterThan(0);
      // The command's own last event (follow-ups, such as a checklist's tasks, come after it).
      expect(appended.map((event) => event.position)).toContain(answer.position);
      for (const event of appended) expect(EventMetadataSchema.parse(event.metadata).actor).toEqual(actor);
    }
  });
});

import { COMMANDS } from '@tayari/shared/application/aggregates';
import type { Fixtures } from '../api/fixtures';
import { AnswerSchema, expectAnswer, expectProblem, people, type ApiHarness, type Person } from '../support/apiHarness';
import { arrangeCell, startMatrixApi } from './permissionCells';

/**
 * The permission matrix's unit dimension (SPEC v2 "organisation units"): every command, as an in-charge
 * whose token names a district where none of the matrix's things are (403 forbidden-other-unit,
 * nothing appended), and as one whose token names the state (as an in-charge without a unit).
 */

const inDurg: Person = { ...people.incharge, sub: 'u-durg-in', unit: 'cg-durg' };
const ofState: Person = { ...people.incharge, sub: 'u-state-in', unit: 'cg' };

let h: ApiHarness;
let f: Fixtures;
let cell = 0;
beforeAll(async () => {
  ({ h, f } = await startMatrixApi());
});
afterAll(() => h.close());

describe.each(COMMANDS.map((route) => [route.name, route] as const))('%s by unit', (command, route) => {
  test('as an in-charge of another district → 403 forbidden-other-unit', async () => {
    const attempt = await arrangeCell(f, command, 'own', `u${++cell}`);
    const before = await h.tayari.store.headPosition();
    expectProblem(await h.post(attempt.path, await h.token(inDurg), attempt.body), 403, 'forbidden-other-unit');
    expect(await h.tayari.store.headPosition()).toBe(before);
  });

  test('as an in-charge of the state → as without a unit', async () => {
    const attempt = await arrangeCell(f, command, 'own', `s${++cell}`);
    const res = await h.post(attempt.path, await h.token(ofState), attempt.body);
    expectAnswer(res, route.creates ? 201 : 200, route.reveal ? AnswerSchema.loose() : AnswerSchema);
  });
});

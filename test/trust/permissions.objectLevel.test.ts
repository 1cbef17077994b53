import type { Fixtures } from '../api/fixtures';
import { expectAnswer, expectProblem, type ApiHarness } from '../support/apiHarness';
import { startMatrixApi } from './permissionCells';
import { OTHER, OWN, TOUR } from './permissionTable';

/** Object-level permission checks (whose wing a thing belongs to) are made on the current state. */

let h: ApiHarness;
let f: Fixtures;

beforeAll(async () => {
  ({ h, f } = await startMatrixApi());
});
afterAll(() => h.close());

describe('object-level checks follow the current state', () => {
  test('a duty reassigned away from a wing can no longer be acknowledged by that wing, and can by the new one', async () => {
    await f.responsibility(TOUR, 'moved-duty', OWN);
    expectAnswer(await h.post('/responsibilities/moved-duty/reassign', h.tokens.incharge, { wing: OTHER }), 200);
    const before = await h.eventCount();
    expectProblem(await h.post('/responsibilities/moved-duty/acknowledge', h.tokens.adivasiLead, {}), 403, 'forbidden-other-wing');
    expect(await h.eventCount()).toBe(before);
    expectAnswer(await h.post('/responsibilities/moved-duty/acknowledge', h.tokens.youthLead, {}), 200);
  });

  test('an Idempotency-Key does not turn a refusal into a replayed success, nor the other way round', async () => {
    await f.task(TOUR, 'keyed-task', OTHER);
    const key = { 'Idempotency-Key': 'perm-key-1' };
    const body = { text: 'try' };
    expectProblem(await h.post('/tasks/keyed-task/notes', h.tokens.adivasiOrganiser, body, key), 403, 'forbidden-other-wing');
    // The same key and body by someone allowed is that person's own request (keys are per subject).
    expectAnswer(await h.post('/tasks/keyed-task/notes', h.tokens.youthLead, body, key), 200);
    const before = await h.eventCount();
    const again = await h.post('/tasks/keyed-task/notes', h.tokens.adivasiOrganiser, body, key);
    expectProblem(again, 403, 'forbidden-other-wing');
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await h.eventCount()).toBe(before);
  });
});

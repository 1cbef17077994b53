import { expectAnswer, startApi, typesAndData, type ApiHarness } from '../support/apiHarness';
import { fixtures, type Fixtures } from './fixtures';

/** A task's status over HTTP: every transition appends its own event and bumps the version by one. */

let h: ApiHarness;
let f: Fixtures;

beforeAll(async () => {
  h = await startApi();
  f = fixtures(h);
});
afterAll(() => h.close());

describe('ChangeTaskStatus, every transition', () => {
  test('each status change appends its own event and bumps the version by one', async () => {
    await f.tour('e-walk');
    const logged = await f.task('e-walk', 'walk');
    const ref = { taskId: 'walk', programmeId: 'e-walk', wing: 'adivasi' };
    const steps: [object, { type: string; data: object }][] = [
      [{ status: 'in_progress' }, { type: 'TaskStarted', data: { ...ref, from: 'todo' } }],
      [
        { status: 'blocked', reason: 'no buses' },
        { type: 'TaskBlocked', data: { ...ref, from: 'in_progress', reason: 'no buses' } },
      ],
      [
        { status: 'blocked', reason: 'depot closed' },
        { type: 'TaskBlocked', data: { ...ref, from: 'blocked', reason: 'depot closed' } },
      ],
      [{ status: 'in_progress' }, { type: 'TaskUnblocked', data: { ...ref, to: 'in_progress' } }],
      [
        { status: 'done', note: 'all 40 booked' },
        { type: 'TaskCompleted', data: { ...ref, from: 'in_progress', note: 'all 40 booked' } },
      ],
      [{ status: 'todo' }, { type: 'TaskReopened', data: { ...ref, from: 'done' } }],
      [
        { status: 'blocked', reason: 'rain' },
        { type: 'TaskBlocked', data: { ...ref, from: 'todo', reason: 'rain' } },
      ],
      [{ status: 'todo' }, { type: 'TaskUnblocked', data: { ...ref, to: 'todo' } }],
      [
        { status: 'todo', note: 'still waiting' },
        { type: 'TaskNoteAdded', data: { ...ref, text: 'still waiting' } },
      ],
      [{ status: 'done' }, { type: 'TaskCompleted', data: { ...ref, from: 'todo' } }],
    ];
    let version = logged.version;
    for (const [body, event] of steps) {
      const before = await h.eventCount();
      const answer = expectAnswer(await h.post('/tasks/walk/status', h.tokens.adivasiOrganiser, body), 200);
      version += 1;
      expect(answer).toMatchObject({ id: 'walk', version });
      expect(typesAndData(await h.eventsAfter(before))).toEqual([event]);
    }
  });
});

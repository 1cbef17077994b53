import express from 'express';
import { Subject } from 'rxjs';
import request from 'supertest';
import { projectorHealthRouter } from '@tayari/app/split/projectorHealthRouter';
import type { CompensatorStatus } from '@tayari/shared/compensation/LateEventCompensator';
import { LATE_EVENTS_CHECKPOINT } from '@tayari/shared/compensation/readStoreCheckpoint';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { SqliteReadStore } from '@tayari/shared/readstore/sqlite/SqliteReadStore';
import { ProjectionRunner } from '@tayari/projections/runner/ProjectionRunner';
import { BoardChangeJournal } from '@tayari/projections/stored/BoardChangeJournal';
import { ModelFollower, type CommitNotice } from '@tayari/projections/stored/ModelFollower';
import { readBoardChanges } from '@tayari/projections/stored/readBoardChanges';
import { appendEvents } from '@tayari/projections/testing/appendEvents';
import { ev } from '@tayari/projections/testing/domainEvents';

/**
 * The late-event compensator keeps its checkpoint beside the models' (`process:late-events`): the
 * runner must not take it for a model of another version (it would clear every model), and a
 * follower must not take it for a commit of the models (it may run ahead of them).
 */

let events: SqliteEventStore;
let readStore: SqliteReadStore;

beforeEach(async () => {
  events = await SqliteEventStore.open({ file: ':memory:' });
  readStore = new SqliteReadStore({ file: ':memory:' });
});
afterEach(async () => {
  await events.close();
  await readStore.close();
});

async function project(): Promise<ProjectionRunner> {
  const journal = await BoardChangeJournal.load(readStore);
  return ProjectionRunner.start({ events, readStore, decorateBatch: journal.decorate });
}

test('a restarted runner keeps its models when a process checkpoint sits among theirs', async () => {
  const last = await appendEvents(events, [ev.tourPlanned('t1'), ev.taskLogged('k1', 't1', 'adivasi')]);
  const first = await project();
  expect(await first.waitFor(last?.position ?? '0', 5000)).toBe(true);
  await first.stop();
  await readStore.commit({ docs: [], checkpoints: { [LATE_EVENTS_CHECKPOINT]: last?.position ?? '0' } });

  const second = await project();
  try {
    // Not cleared: the models are where they were, and so is the process checkpoint.
    expect(second.position).toBe(last?.position);
    expect(await readStore.get('tasks', 'k1')).toBeDefined();
    expect((await readStore.checkpoints())[LATE_EVENTS_CHECKPOINT]).toBe(last?.position);
  } finally {
    await second.stop();
  }
});

test("a follower ignores a process checkpoint's notices, even one ahead of the models", async () => {
  const last = await appendEvents(events, [ev.tourPlanned('t1')]);
  const runner = await project();
  expect(await runner.waitFor(last?.position ?? '0', 5000)).toBe(true);
  await runner.stop();
  const notices = new Subject<CommitNotice>();
  const follower = await ModelFollower.start({
    readStore,
    journal: readBoardChanges(readStore),
    commits$: notices,
    comparePositions: (a, b) => events.comparePositions(a, b),
  });
  try {
    const before = follower.reloads;
    notices.next({ name: LATE_EVENTS_CHECKPOINT, position: '999' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Had it been taken for a commit, the follower would have found no journal for it and read every model again.
    expect(follower.reloads).toBe(before);
    expect(follower.position).toBe(last?.position);
  } finally {
    follower.stop();
  }
});

test("the projector's health says when the compensator has stopped (late events would stay)", async () => {
  const supervisor = { state: 'running' as const, position: () => '0', failure: undefined, restarts: 0 };
  const health = async (status: CompensatorStatus) => {
    const app = express().use('/api', projectorHealthRouter({ events, readStore, supervisor, compensator: { status }, timeoutMs: 1000 }));
    return request(app).get('/api/health');
  };
  expect(await health('running')).toMatchObject({ status: 200, body: { status: 'ok', compensator: 'running' } });
  expect(await health('failed')).toMatchObject({ status: 503, body: { status: 'degraded', compensator: 'failed' } });
});

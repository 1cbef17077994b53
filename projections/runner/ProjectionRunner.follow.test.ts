import { firstValueFrom, take, toArray } from 'rxjs';
import type { ReadBatch } from '@tayari/shared/readstore/ReadStore';
import type { BoardChange } from '../BoardSource';
import { PROJECTIONS } from '../registry/readModels';
import { appendEvents } from '../testing/appendEvents';
import { ev } from '../testing/domainEvents';
import { dumpReadStore } from '../testing/dumpReadStore';
import { scenario, useRunnerFixture, withCommit } from './runnerFixture';

/** The runner catching up and following live events: checkpoints with the models, batches, board changes, waitFor. */

describe('ProjectionRunner', () => {
  const fx = useRunnerFixture();
  const { readStore, startRunner, head, rebuilt } = fx;

  it('catches up from nothing, then follows live events, writing every checkpoint with the models', async () => {
    await appendEvents(fx.events, scenario(5));
    const store = readStore();
    const runner = await startRunner(store);
    expect(await runner.waitFor(await head(), 5000)).toBe(true);
    await appendEvents(fx.events, [ev.taskCompleted('t1-k0', 't1', 'adivasi', 'done'), ev.wingRegistered('legal-cell')]);
    const last = await head();
    expect(await runner.waitFor(last, 5000)).toBe(true);

    const dump = await dumpReadStore(store);
    expect(dump.checkpoints).toEqual(Object.fromEntries(PROJECTIONS.map((name) => [name, last])));
    expect(runner.checkpoints()).toEqual(dump.checkpoints);
    expect(dump).toEqual(await rebuilt('rebuilt.db'));
    const doc = runner.cache.programme('t1');
    expect(doc?.tasks['t1-k0']).toMatchObject({ status: 'done', notes: 3 });
    expect(runner.cache.catalogue.wings.at(-1)?.code).toBe('legal-cell');
    expect(dump.logs.history?.t1).toHaveLength(2 + 5 * 3 + 1);
  });

  it('applies what arrived together as one batch, at most maxBatch events per commit', async () => {
    await appendEvents(fx.events, scenario(40)); // 122 events
    const store = readStore();
    const commits: ReadBatch[] = [];
    const spy = withCommit(store, async (batch) => {
      commits.push(batch);
      await store.commit(batch);
    });
    const runner = await startRunner(spy, { maxBatch: 50 });
    expect(await runner.waitFor(await head(), 5000)).toBe(true);
    expect(commits.map((c) => c.checkpoints.programmes)).toEqual(['50', '100', '122']);
    // One row per task, responsibility or programme header a batch changed, however many events touched it.
    for (const commit of commits) {
      const keys = commit.docs.map((d) => `${d.collection}/${d.id}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(commit.docs.every((d) => ['programmes', 'tasks', 'responsibilities', 'catalogue'].includes(d.collection))).toBe(true);
    }
  });

  it('announces the boards a commit changed, at the committed position, after the commit', async () => {
    await appendEvents(fx.events, [ev.tourPlanned('t1'), ev.taskLogged('k1', 't1', 'youth'), ev.responsibilityAssigned('r1', 't1', 'adivasi')]);
    const store = readStore();
    const runner = await startRunner(store);
    expect(await runner.waitFor(await head(), 5000)).toBe(true);
    const seen: BoardChange[] = [];
    runner.changes$.subscribe((change) => seen.push(change));

    const note = await appendEvents(fx.events, [ev.taskNoteAdded('k1', 't1', 'youth', 'x')]);
    expect(await runner.waitFor(note?.position ?? '', 5000)).toBe(true);
    expect(seen).toEqual([
      { board: 'programme:t1', position: note?.position },
      { board: 'wing:youth', position: note?.position },
    ]);
    expect((await store.checkpoints()).programmes).toBe(note?.position);

    seen.length = 0;
    const moved = await appendEvents(fx.events, [ev.responsibilityReassigned('r1', 't1', 'adivasi', 'mahila')]);
    await runner.waitFor(moved?.position ?? '', 5000);
    expect(seen.map((c) => c.board).sort()).toEqual(['attention', 'programme:t1', 'readiness', 'wing:adivasi', 'wing:mahila']);
    // adivasi has no live work on t1 any more; mahila has: the wing boards and the programme's wings follow.
    expect([...runner.cache.programmesOfWing('adivasi')]).toEqual([]);
    expect([...runner.cache.programmesOfWing('mahila')]).toEqual(['t1']);
    expect(runner.cache.wingsOf('t1')).toEqual(['mahila', 'youth']);
    expect(await store.get('responsibilities', 'r1')).toMatchObject({ wing: 'mahila', programmeId: 't1' });

    seen.length = 0;
    const stop = await appendEvents(fx.events, [ev.stopAdded('t1', 's1', '2018-06-26T05:30:00.000Z', '2018-06-26T08:30:00.000Z')]);
    await runner.waitFor(stop?.position ?? '', 5000);
    // A programme-level change shows on every wing board that lists the programme.
    expect(seen.map((c) => c.board).sort()).toEqual(['attention', 'programme:t1', 'readiness', 'wing:mahila', 'wing:youth']);
    expect(runner.position$.value).toBe(stop?.position);
  });

  it('waitFor answers at once when reached, and false after its timeout', async () => {
    const runner = await startRunner(readStore());
    expect(runner.position).toBe('0');
    expect(await runner.waitFor('0', 10)).toBe(true);
    const started = Date.now();
    expect(await runner.waitFor('5', 50)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    const later = runner.waitFor('1', 5000);
    await appendEvents(fx.events, [ev.tourPlanned('t1')]);
    expect(await later).toBe(true);
  });

  it('completes its streams when stopped', async () => {
    const runner = await startRunner(readStore());
    const all = firstValueFrom(runner.changes$.pipe(take(1), toArray()));
    await runner.stop();
    expect(await all).toEqual([]);
  });
});

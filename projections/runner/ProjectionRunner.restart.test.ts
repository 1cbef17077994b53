import { PROJECTIONS } from '../registry/readModels';
import { taskModel } from '../models/tasks/taskModel';
import { appendEvents } from '../testing/appendEvents';
import { ev } from '../testing/domainEvents';
import { dumpReadStore } from '../testing/dumpReadStore';
import { scenario, useRunnerFixture, withCommit } from './runnerFixture';

/** The runner starting on what an earlier run left: older models, programmes that are over, a crash, a model added later. */

describe('ProjectionRunner', () => {
  const fx = useRunnerFixture();
  const { readStore, startRunner, head, rebuilt } = fx;

  it('drops models of an older shape (checkpoints of other names) and replays every event', async () => {
    await appendEvents(fx.events, scenario(2));
    const store = readStore();
    // What round 1 left: one document per programme with its tasks inside, and a wings model.
    await store.commit({
      docs: [
        { collection: 'programmes', id: 't1', doc: { id: 't1', tasks: { 't1-k0': {} } } },
        { collection: 'wings', id: 'youth:t1', doc: { code: 'youth' } },
      ],
      checkpoints: { programmes: '8', wings: '8', catalogue: '8', history: '8' },
    });
    const runner = await startRunner(store);
    expect(await runner.waitFor(await head(), 5000)).toBe(true);
    const dump = await dumpReadStore(store);
    expect(dump).toEqual(await rebuilt('rebuilt.db'));
    expect(await store.all('wings')).toEqual([]);
    expect(runner.cache.programme('t1')?.tasks['t1-k1']).toMatchObject({ status: 'in_progress', wing: 'youth' });
  });

  it('reads the rows of a programme that was over at start only when an event or a read needs them', async () => {
    await appendEvents(fx.events, [...scenario(3), ...scenario(2, 't2')]);
    const store = readStore();
    const first = await startRunner(store);
    expect(await first.waitFor(await head(), 5000)).toBe(true);
    await first.stop();
    // Both tours ran on 26 June 2018: on 1 January 2019 they are over.
    const runner = await startRunner(store, { now: () => new Date('2019-01-01T00:00:00.000Z') });
    expect(runner.cache.holds('t1')).toBe(false);
    expect(runner.cache.programme('t1')).toBeUndefined();
    expect(runner.cache.header('t1')).toMatchObject({ id: 't1', kind: 'tour' });
    expect(runner.cache.table(taskModel).size).toBe(0);
    const note = await appendEvents(fx.events, [ev.taskNoteAdded('t1-k0', 't1', 'adivasi', 'after the tour')]);
    expect(await runner.waitFor(note?.position ?? '', 5000)).toBe(true);
    expect(runner.cache.holds('t1')).toBe(true);
    expect(runner.cache.holds('t2')).toBe(false);
    expect(runner.cache.programme('t1')?.tasks['t1-k0']).toMatchObject({ notes: 3, lastNote: { text: 'after the tour' } });
    await runner.cache.ensure(['t2']);
    expect(Object.keys(runner.cache.programme('t2')?.tasks ?? {})).toEqual(['t2-k0', 't2-k1']);
    expect(await dumpReadStore(store)).toEqual(await rebuilt('rebuilt.db'));
    // The list of every programme reads all the rest in one go.
    await runner.stop();
    const again = await startRunner(store, { now: () => new Date('2019-01-01T00:00:00.000Z') });
    expect([...again.cache.programmeIds()]).toEqual([]);
    await again.cache.ensureAll();
    expect([...again.cache.programmeIds()].sort()).toEqual(['t1', 't2']);
    expect(again.cache.programme('t1')?.tasks['t1-k0']).toMatchObject({ notes: 3 });
    expect(Object.keys(again.cache.programme('t2')?.tasks ?? {})).toEqual(['t2-k0', 't2-k1']);
  });

  it('survives a crash before a commit: nothing of the batch is stored, and a restart applies each event exactly once', async () => {
    await appendEvents(fx.events, scenario(10));
    const file = 'crashy.db';
    const first = readStore(file);
    let commitsLeft = 2;
    const crashing = withCommit(first, async (batch) => {
      if (commitsLeft-- <= 0) throw new Error('power cut');
      await first.commit(batch);
    });
    const errors: Error[] = [];
    const runner = await startRunner(crashing, { maxBatch: 7, onError: (e) => errors.push(e) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runner.status).toBe('failed');
    expect(errors.map((e) => e.message)).toEqual(['power cut']);
    expect(await first.checkpoints()).toEqual(Object.fromEntries(PROJECTIONS.map((name) => [name, '14'])));
    expect(await runner.waitFor(await head(), 10)).toBe(false);
    await runner.stop();
    await first.close();

    // "Reopen": a new runner on the same file resumes from its checkpoint.
    await appendEvents(fx.events, scenario(3, 't2'));
    const reopened = readStore(file);
    const second = await startRunner(reopened, { maxBatch: 7 });
    expect(await second.waitFor(await head(), 5000)).toBe(true);
    const dump = await dumpReadStore(reopened);
    expect(dump).toEqual(await rebuilt('rebuilt.db'));
    const notes = Object.values(second.cache.programme('t1')?.tasks ?? {}).map((t) => t.notes);
    expect(notes).toEqual(Array(10).fill(2));
  });

  it('resumes each model from its own checkpoint (a model behind is filled in, the others are not applied twice)', async () => {
    await appendEvents(fx.events, scenario(4));
    const store = readStore();
    const first = await startRunner(store);
    const mid = await head();
    await first.waitFor(mid, 5000);
    await first.stop();
    // Pretend the history model was added later: no rows, no checkpoint.
    await appendEvents(fx.events, [ev.taskNoteAdded('t1-k0', 't1', 'adivasi', 'later')]);
    const withoutHistory = await dumpReadStore(store);
    await store.clear();
    await store.commit({
      docs: Object.entries(withoutHistory.docs).flatMap(([collection, docs]) => docs.map((doc) => ({ collection, id: idOf(doc), doc, ...groupOf(doc) }))),
      checkpoints: { programmes: mid, tasks: mid, responsibilities: mid, catalogue: mid },
    });
    const second = await startRunner(store);
    expect(await second.waitFor(await head(), 5000)).toBe(true);
    expect(await dumpReadStore(store)).toEqual(await rebuilt('rebuilt.db'));
    expect(second.cache.programme('t1')?.tasks['t1-k0']?.notes).toBe(3);
  });
});

/** Task and responsibility rows are grouped by their programme. */
function groupOf(doc: unknown): { group?: string } {
  return typeof doc === 'object' && doc !== null && 'programmeId' in doc && typeof doc.programmeId === 'string' ? { group: doc.programmeId } : {};
}

function idOf(doc: unknown): string {
  if (typeof doc === 'object' && doc !== null) {
    if ('id' in doc && typeof doc.id === 'string') return doc.id;
    if ('wings' in doc) return 'catalogue';
  }
  throw new Error('a doc without an id');
}

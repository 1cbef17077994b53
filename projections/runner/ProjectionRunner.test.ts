import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { firstValueFrom, mergeMap, Observable, take, toArray } from 'rxjs';
import type { DomainEvent } from '@tayari/shared/events/DomainEventSchema';
import type { EventStore, RecordedEvent } from '@tayari/shared/eventstore/EventStore';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import type { ReadBatch, ReadStore } from '@tayari/shared/readstore/ReadStore';
import { SqliteReadStore } from '@tayari/shared/readstore/sqlite/SqliteReadStore';
import type { BoardChange } from '../BoardSource';
import { rebuildReadModels } from '../rebuild/rebuildReadModels';
import { appendEvents } from '../testing/appendEvents';
import { ev } from '../testing/domainEvents';
import { dumpReadStore } from '../testing/dumpReadStore';
import { ProjectionFailed } from './ProjectionFailed';
import { ProjectionRunner } from './ProjectionRunner';
import { taskModel } from '../models/tasks/taskModel';
import { PROJECTIONS } from '../registry/readModels';

let folder: string;
let events: SqliteEventStore;
const opened: { close(): Promise<void> }[] = [];

beforeEach(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-runner-'));
  events = await SqliteEventStore.open({ file: path.join(folder, 'events.db'), writer: 'inline', lock: false });
});

afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close().catch(() => undefined);
  await events.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

function readStore(name = 'read.db'): SqliteReadStore {
  const store = new SqliteReadStore({ file: path.join(folder, name) });
  opened.push(store);
  return store;
}

async function startRunner(store: ReadStore, options: { maxBatch?: number; onError?: (error: Error) => void; now?: () => Date } = {}) {
  const runner = await ProjectionRunner.start({
    events,
    readStore: store,
    onError:
      options.onError ??
      ((e) => {
        throw e;
      }),
    ...options,
  });
  opened.push({ close: () => runner.stop() });
  return runner;
}

async function head(): Promise<string> {
  const position = await events.headPosition();
  if (position === undefined) throw new Error('empty store');
  return position;
}

/** A tour with tasks and notes: notes counts show an event applied twice or skipped. */
function scenario(tasks: number, tour = 't1'): DomainEvent[] {
  const out: DomainEvent[] = [ev.tourPlanned(tour), ev.stopAdded(tour, 's1', '2018-06-26T05:30:00.000Z', '2018-06-26T08:30:00.000Z')];
  for (let i = 0; i < tasks; i++) {
    const wing = i % 2 ? 'youth' : 'adivasi';
    out.push(
      ev.taskLogged(`${tour}-k${i}`, tour, wing),
      ev.taskNoteAdded(`${tour}-k${i}`, tour, wing, `note ${i}`),
      ev.taskStarted(`${tour}-k${i}`, tour, wing, 'started'),
    );
  }
  return out;
}

async function rebuilt(name: string) {
  const store = readStore(name);
  await rebuildReadModels({ events, readStore: store });
  return dumpReadStore(store);
}

describe('ProjectionRunner', () => {
  it('catches up from nothing, then follows live events, writing every checkpoint with the models', async () => {
    await appendEvents(events, scenario(5));
    const store = readStore();
    const runner = await startRunner(store);
    expect(await runner.waitFor(await head(), 5000)).toBe(true);
    await appendEvents(events, [ev.taskCompleted('t1-k0', 't1', 'adivasi', 'done'), ev.wingRegistered('legal-cell')]);
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
    await appendEvents(events, scenario(40)); // 122 events
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
    await appendEvents(events, [ev.tourPlanned('t1'), ev.taskLogged('k1', 't1', 'youth'), ev.responsibilityAssigned('r1', 't1', 'adivasi')]);
    const store = readStore();
    const runner = await startRunner(store);
    expect(await runner.waitFor(await head(), 5000)).toBe(true);
    const seen: BoardChange[] = [];
    runner.changes$.subscribe((change) => seen.push(change));

    const note = await appendEvents(events, [ev.taskNoteAdded('k1', 't1', 'youth', 'x')]);
    expect(await runner.waitFor(note?.position ?? '', 5000)).toBe(true);
    expect(seen).toEqual([
      { board: 'programme:t1', position: note?.position },
      { board: 'wing:youth', position: note?.position },
    ]);
    expect((await store.checkpoints()).programmes).toBe(note?.position);

    seen.length = 0;
    const moved = await appendEvents(events, [ev.responsibilityReassigned('r1', 't1', 'adivasi', 'mahila')]);
    await runner.waitFor(moved?.position ?? '', 5000);
    expect(seen.map((c) => c.board).sort()).toEqual(['attention', 'programme:t1', 'readiness', 'wing:adivasi', 'wing:mahila']);
    // adivasi has no live work on t1 any more; mahila has: the wing boards and the programme's wings follow.
    expect([...runner.cache.programmesOfWing('adivasi')]).toEqual([]);
    expect([...runner.cache.programmesOfWing('mahila')]).toEqual(['t1']);
    expect(runner.cache.wingsOf('t1')).toEqual(['mahila', 'youth']);
    expect(await store.get('responsibilities', 'r1')).toMatchObject({ wing: 'mahila', programmeId: 't1' });

    seen.length = 0;
    const stop = await appendEvents(events, [ev.stopAdded('t1', 's1', '2018-06-26T05:30:00.000Z', '2018-06-26T08:30:00.000Z')]);
    await runner.waitFor(stop?.position ?? '', 5000);
    // A programme-level change shows on every wing board that lists the programme.
    expect(seen.map((c) => c.board).sort()).toEqual(['attention', 'programme:t1', 'readiness', 'wing:mahila', 'wing:youth']);
    expect(runner.position$.value).toBe(stop?.position);
  });

  it('drops models of an older shape (checkpoints of other names) and replays every event', async () => {
    await appendEvents(events, scenario(2));
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
    await appendEvents(events, [...scenario(3), ...scenario(2, 't2')]);
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
    const note = await appendEvents(events, [ev.taskNoteAdded('t1-k0', 't1', 'adivasi', 'after the tour')]);
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

  it('stops reading while its queue is deep and reads on after the last event it took (backpressure)', async () => {
    await appendEvents(events, [...scenario(40), ...scenario(40, 't2')]); // 244 events
    // A store that hands over everything at once, as a fast EventStoreDB does on a cold start.
    let subscriptions = 0;
    const eager: EventStore = Object.create(events) as EventStore;
    eager.subscribeAll = (after) => {
      subscriptions++;
      return new Observable<RecordedEvent>((subscriber) => {
        void events.readAll(after, 10_000).then((page) => {
          for (const event of page) if (!subscriber.closed) subscriber.next(event);
        });
      });
    };
    const store = readStore();
    const slow = withCommit(store, async (batch) => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      await store.commit(batch);
    });
    const runner = await ProjectionRunner.start({
      events: eager,
      readStore: slow,
      maxBatch: 10,
      maxQueued: 40,
      onError: (e) => {
        throw e;
      },
    });
    opened.push({ close: () => runner.stop() });
    expect(await runner.waitFor(await head(), 10_000)).toBe(true);
    expect(runner.queueStats.highWater).toBe(40);
    expect(runner.queueStats.pauses).toBeGreaterThan(3);
    expect(subscriptions).toBe(runner.queueStats.pauses + 1);
    expect(await dumpReadStore(store)).toEqual(await rebuilt('rebuilt.db'));
  });

  it('survives a crash before a commit: nothing of the batch is stored, and a restart applies each event exactly once', async () => {
    await appendEvents(events, scenario(10));
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
    await appendEvents(events, scenario(3, 't2'));
    const reopened = readStore(file);
    const second = await startRunner(reopened, { maxBatch: 7 });
    expect(await second.waitFor(await head(), 5000)).toBe(true);
    const dump = await dumpReadStore(reopened);
    expect(dump).toEqual(await rebuilt('rebuilt.db'));
    const notes = Object.values(second.cache.programme('t1')?.tasks ?? {}).map((t) => t.notes);
    expect(notes).toEqual(Array(10).fill(2));
  });

  it('resumes each model from its own checkpoint (a model behind is filled in, the others are not applied twice)', async () => {
    await appendEvents(events, scenario(4));
    const store = readStore();
    const first = await startRunner(store);
    const mid = await head();
    await first.waitFor(mid, 5000);
    await first.stop();
    // Pretend the history model was added later: no rows, no checkpoint.
    await appendEvents(events, [ev.taskNoteAdded('t1-k0', 't1', 'adivasi', 'later')]);
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

  it('shrugs off events delivered twice (at-least-once): each applies once, the position never goes back', async () => {
    await appendEvents(events, scenario(3));
    // The same store, but its subscription delivers every event twice, and replays the last few again.
    const delivered: RecordedEvent[] = [];
    const twice: EventStore = {
      kind: events.kind,
      idempotency: events.idempotency,
      append: (...args) => events.append(...args),
      readStream: (stream) => events.readStream(stream),
      readAll: (after, limit) => events.readAll(after, limit),
      headPosition: () => events.headPosition(),
      comparePositions: (a, b) => events.comparePositions(a, b),
      close: () => events.close(),
      subscribeAll: (after) =>
        events.subscribeAll(after).pipe(
          mergeMap((event, i) => {
            delivered.push(event);
            return i % 4 === 3 ? [event, event, ...delivered.slice(-3)] : [event, event];
          }),
        ),
    };
    const store = readStore();
    const runner = await ProjectionRunner.start({ events: twice, readStore: store, maxBatch: 3 });
    opened.push({ close: () => runner.stop() });
    const positions: string[] = [];
    runner.position$.subscribe((p) => positions.push(p));
    await appendEvents(events, scenario(2, 't2'));
    expect(await runner.waitFor(await head(), 5000)).toBe(true);
    expect(positions.map(Number)).toEqual([...positions.map(Number)].sort((a, b) => a - b));
    expect(await dumpReadStore(store)).toEqual(await rebuilt('rebuilt.db'));
    expect(Object.values(runner.cache.programme('t2')?.tasks ?? {}).map((t) => t.notes)).toEqual([2, 2]);
  });

  it('stops loudly at an event that does not parse, after committing the events before it', async () => {
    await appendEvents(events, [ev.tourPlanned('t1'), ev.taskLogged('k1', 't1', 'youth')]);
    const good = await head();
    await events.append('task-k1', [{ id: 'ab8a1a56-3c55-4f7c-9d49-3f1b8f5b1c11', type: 'TaskTeleported', data: {}, metadata: {} }], 'any');
    await appendEvents(events, [ev.taskStarted('k1', 't1', 'youth')]);
    const store = readStore();
    const errors: Error[] = [];
    const runner = await startRunner(store, { onError: (e) => errors.push(e) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runner.status).toBe('failed');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ProjectionFailed);
    expect(errors[0]?.message).toMatch(/position 3 \(TaskTeleported in task-k1\)/);
    expect(await store.checkpoints()).toMatchObject({ programmes: good });
    expect(runner.position).toBe(good);
    expect(runner.cache.programme('t1')?.tasks.k1?.status).toBe('todo');
  });

  it('waitFor answers at once when reached, and false after its timeout', async () => {
    const runner = await startRunner(readStore());
    expect(runner.position).toBe('0');
    expect(await runner.waitFor('0', 10)).toBe(true);
    const started = Date.now();
    expect(await runner.waitFor('5', 50)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    const later = runner.waitFor('1', 5000);
    await appendEvents(events, [ev.tourPlanned('t1')]);
    expect(await later).toBe(true);
  });

  it('completes its streams when stopped', async () => {
    const runner = await startRunner(readStore());
    const all = firstValueFrom(runner.changes$.pipe(take(1), toArray()));
    await runner.stop();
    expect(await all).toEqual([]);
  });
});

/** The real store, with its commit wrapped (to watch batches, or to fail one as a crash would). */
function withCommit(store: ReadStore, commit: (batch: ReadBatch) => Promise<void>): ReadStore {
  return {
    kind: store.kind,
    checkpoints: () => store.checkpoints(),
    get: (collection, id) => store.get(collection, id),
    all: (collection) => store.all(collection),
    group: (collection, group) => store.group(collection, group),
    log: (log, group, after, limit) => store.log(log, group, after, limit),
    commit,
    clear: () => store.clear(),
    close: () => store.close(),
  };
}

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

import { mkdtempSync, rmSync } from 'node:fs';
import { nth } from '@tayari/shared/testing/nth';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filter, firstValueFrom, Subject, timeout } from 'rxjs';
import { StoreUnavailable } from '@tayari/shared/common/errors';
import type { Position } from '@tayari/shared/eventstore/EventStore';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import { SqliteReadStore } from '@tayari/shared/readstore/sqlite/SqliteReadStore';
import type { DomainEvent } from '@tayari/shared/events/DomainEventSchema';
import type { BoardChange } from '@tayari/projections/BoardSource';
import { rebuildReadModels } from '@tayari/projections/rebuild/rebuildReadModels';
import { ProjectionRunner } from '@tayari/projections/runner/ProjectionRunner';
import { BoardChangeJournal } from '@tayari/projections/stored/BoardChangeJournal';
import { ModelFollower, type CommitNotice, type FollowedChange } from '@tayari/projections/stored/ModelFollower';
import { readBoardChanges } from '@tayari/projections/stored/readBoardChanges';
import { appendEvents } from '@tayari/projections/testing/appendEvents';
import { ev } from '@tayari/projections/testing/domainEvents';

/** A read store that counts what is asked of it and can be made to fail like an unreachable server. */
class WatchedStore implements ReadStore {
  readonly kind: string;
  calls: string[] = [];
  failing = false;
  constructor(private readonly inner: ReadStore) {
    this.kind = inner.kind;
  }
  private ask(call: string): void {
    if (this.failing) throw new StoreUnavailable('read store unavailable (test)');
    this.calls.push(call);
  }
  async checkpoints() {
    this.ask('checkpoints');
    return this.inner.checkpoints();
  }
  async get(collection: string, id: string) {
    this.ask(`get ${collection}/${id}`);
    return this.inner.get(collection, id);
  }
  async all(collection: string) {
    this.ask(`all ${collection}`);
    return this.inner.all(collection);
  }
  async group(collection: string, group: string) {
    this.ask(`group ${collection}/${group}`);
    return this.inner.group(collection, group);
  }
  log(...args: Parameters<ReadStore['log']>) {
    return this.inner.log(...args);
  }
  logBefore(...args: Parameters<ReadStore['logBefore']>) {
    return this.inner.logBefore(...args);
  }
  commit(...args: Parameters<ReadStore['commit']>) {
    return this.inner.commit(...args);
  }
  clear() {
    return this.inner.clear();
  }
  close() {
    return this.inner.close();
  }
}

let dir: string;
let events: SqliteEventStore;
let readStore: SqliteReadStore;
let store: WatchedStore;
let runner: ProjectionRunner;
let notices: Subject<CommitNotice>;
let follower: ModelFollower | undefined;
const compare = (a: Position, b: Position) => events.comparePositions(a, b);

async function startRunner(options: { retention?: number; journal?: boolean } = {}): Promise<ProjectionRunner> {
  const journal = options.journal === false ? undefined : await BoardChangeJournal.load(readStore, options.retention);
  return ProjectionRunner.start({
    events,
    readStore,
    decorateBatch: journal?.decorate,
    onError: (error) => {
      throw error;
    },
  });
}

/** Appends, waits for the runner's commit, and answers its position (each call: one batch). */
async function commit(domainEvents: DomainEvent[]): Promise<Position> {
  const appended = await appendEvents(events, domainEvents);
  if (!appended) throw new Error('nothing appended');
  if (!(await runner.waitFor(appended.position, 5000))) throw new Error('the runner did not commit');
  return appended.position;
}

async function startFollower(): Promise<ModelFollower> {
  follower = await ModelFollower.start({
    readStore: store,
    journal: readBoardChanges(store),
    commits$: notices,
    comparePositions: compare,
    retry: { initialDelayMs: 10, maxDelayMs: 40 },
  });
  return follower;
}

const reached = (target: ModelFollower, position: Position) =>
  firstValueFrom(
    target.position$.pipe(
      filter((p) => p !== undefined && compare(p, position) >= 0),
      timeout(5000),
    ),
  );

const sameModels = (target: ModelFollower) => {
  const byId = (docs: Iterable<{ id: string }>) => Object.fromEntries([...docs].map((doc) => [doc.id, doc]));
  expect(byId(target.cache.programmes())).toEqual(byId(runner.cache.programmes()));
  expect(target.cache.catalogue).toEqual(runner.cache.catalogue);
  for (const wing of ['adivasi', 'youth', 'mahila']) expect(new Set(target.cache.programmesOfWing(wing))).toEqual(new Set(runner.cache.programmesOfWing(wing)));
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tayari-follower-'));
  events = await SqliteEventStore.open({ file: join(dir, 'events.db'), writer: 'inline', lock: false });
  readStore = new SqliteReadStore({ file: join(dir, 'read.db') });
  store = new WatchedStore(readStore);
  notices = new Subject();
});

afterEach(async () => {
  follower?.stop();
  follower = undefined;
  await runner?.stop();
  await readStore.close();
  await events.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ModelFollower over the board-change journal (embedded read store)', () => {
  it('follows commit by commit: reads only the documents the journal names, announces the runner’s boards', async () => {
    runner = await startRunner();
    await commit([ev.tourPlanned('t1'), ev.tourPlanned('t2')]);
    await commit([ev.taskLogged('k1', 't1', 'youth'), ev.responsibilityAssigned('r1', 't1', 'adivasi')]);
    const target = await startFollower();
    sameModels(target);
    const followed: FollowedChange[] = [];
    target.changes$.subscribe((change) => followed.push(change));
    const announced: BoardChange[] = [];
    runner.changes$.subscribe((change) => announced.push(change));
    store.calls = [];

    const note = await commit([ev.taskNoteAdded('k1', 't1', 'youth', 'x')]);
    notices.next({ position: note });
    await reached(target, note);
    expect(followed).toEqual([{ position: note, boards: new Set(announced.map((c) => c.board)), programmeIds: new Set(['t1']) }]);
    // The journal (one query), then the one row it names (the noted task's); nothing else.
    expect(store.calls).toEqual(['all boardChanges', 'get tasks/k1']);
    sameModels(target);
    expect(target.reloads).toBe(0);

    // A reassigned responsibility leaves adivasi without live work on t1: the follower's wing index follows.
    const moved = await commit([ev.responsibilityReassigned('r1', 't1', 'adivasi', 'mahila')]);
    notices.next({ position: moved });
    await reached(target, moved);
    expect([...target.cache.programmesOfWing('adivasi')]).toEqual([]);
    sameModels(target);
  });

  it('ignores repeats and old notices; a burst of notices is one catch-up', async () => {
    runner = await startRunner();
    const first = await commit([ev.tourPlanned('t1')]);
    const target = await startFollower();
    store.calls = [];
    notices.next({ position: first });
    notices.next({ position: '0' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.calls).toEqual([]);

    const positions = [await commit([ev.taskLogged('k1', 't1', 'youth')]), await commit([ev.taskLogged('k2', 't1', 'youth')])];
    // Four checkpoints per commit: the change stream reports each.
    for (const position of positions) for (let i = 0; i < 4; i++) notices.next({ position });
    await reached(target, nth(positions, 1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.calls.filter((call) => call === 'all boardChanges')).toHaveLength(1);
    sameModels(target);
  });

  it('reads everything again, once, when it missed more entries than the journal keeps', async () => {
    runner = await startRunner({ retention: 2 });
    await commit([ev.tourPlanned('t1')]);
    const target = await startFollower();
    const followed: FollowedChange[] = [];
    target.changes$.subscribe((change) => followed.push(change));
    let last = '';
    for (let i = 0; i < 5; i++) last = await commit([ev.taskLogged(`k${i}`, 't1', i % 2 ? 'youth' : 'adivasi')]);
    expect(await readStore.all('boardChanges')).toHaveLength(2);
    notices.next({ position: last });
    await reached(target, last);
    expect(target.reloads).toBe(1);
    expect(followed).toEqual([{ position: last, boards: 'all', programmeIds: 'all' }]);
    sameModels(target);
  });

  it('keeps serving its models while a rebuild is below them, then reads the rebuilt ones once', async () => {
    runner = await startRunner();
    await commit([ev.tourPlanned('t1'), ev.taskLogged('k1', 't1', 'youth')]);
    const before = await commit([ev.taskStarted('k1', 't1', 'youth')]);
    const target = await startFollower();
    await runner.stop();
    const later = await appendEvents(events, [ev.taskCompleted('k1', 't1', 'youth'), ev.tourPlanned('t2')]);
    // A rebuild (one that writes no journal) passes through positions below the follower's first.
    await rebuildReadModels({ events, readStore, until: '1' });
    notices.next({ position: '1' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(target.position).toBe(before);
    expect(target.cache.programme('t1')?.tasks.k1?.status).toBe('in_progress');

    await rebuildReadModels({ events, readStore });
    notices.next({ position: later?.position ?? '' });
    await reached(target, later?.position ?? '');
    // No journal entry chains from where the follower was: it read every document again.
    expect(target.reloads).toBe(1);
    expect(target.cache.programme('t1')?.tasks.k1?.status).toBe('done');

    // A projector writing the journal again: followed entry by entry from there.
    runner = await startRunner();
    const after = await commit([ev.taskReopened('k1', 't1', 'youth')]);
    notices.next({ position: after });
    await reached(target, after);
    expect(target.reloads).toBe(1);
    sameModels(target);
  });

  it('retries with backoff while the read store cannot be reached, unhealthy meanwhile, then catches up', async () => {
    runner = await startRunner();
    await commit([ev.tourPlanned('t1')]);
    const errors: [string, number][] = [];
    follower = await ModelFollower.start({
      readStore: store,
      journal: readBoardChanges(store),
      commits$: notices,
      comparePositions: compare,
      retry: { initialDelayMs: 10, maxDelayMs: 20 },
      onError: (error, attempt) => errors.push([error.name, attempt]),
    });
    const target = follower;
    store.failing = true;
    const position = await commit([ev.taskLogged('k1', 't1', 'youth')]);
    notices.next({ position });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(target.healthy).toBe(false);
    expect(errors.slice(0, 3)).toEqual([
      ['StoreUnavailable', 1],
      ['StoreUnavailable', 2],
      ['StoreUnavailable', 3],
    ]);
    store.failing = false;
    // No new notice needed: the pending retry catches up.
    await reached(target, position);
    expect(target.healthy).toBe(true);
    sameModels(target);
  });
});

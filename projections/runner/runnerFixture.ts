import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DomainEvent } from '@tayari/shared/events/DomainEventSchema';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import type { ReadBatch, ReadStore } from '@tayari/shared/readstore/ReadStore';
import { SqliteReadStore } from '@tayari/shared/readstore/sqlite/SqliteReadStore';
import { rebuildReadModels } from '../rebuild/rebuildReadModels';
import { ev } from '../testing/domainEvents';
import { dumpReadStore } from '../testing/dumpReadStore';
import { ProjectionRunner } from './ProjectionRunner';

/** What the ProjectionRunner.*.test.ts files run a runner on; the event store is a new one for each test. */
export interface RunnerFixture {
  readonly events: SqliteEventStore;
  /** Closed, last first, after each test. */
  readonly opened: { close(): Promise<void> }[];
  /** A SQLite read store in the test's folder. */
  readStore(name?: string): SqliteReadStore;
  /** A runner on the test's events that throws what goes wrong unless `onError` is given. */
  startRunner(store: ReadStore, options?: { maxBatch?: number; onError?: (error: Error) => void; now?: () => Date }): Promise<ProjectionRunner>;
  /** The event store's head position. */
  head(): Promise<string>;
  /** The read models rebuilt from every event into a new store: what a runner must have made. */
  rebuilt(name: string): ReturnType<typeof dumpReadStore>;
}

/** Registers, in the calling describe, hooks that give each test a fresh folder and event store, and close what it opened. */
export function useRunnerFixture(): RunnerFixture {
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

  async function rebuilt(name: string) {
    const store = readStore(name);
    await rebuildReadModels({ events, readStore: store });
    return dumpReadStore(store);
  }

  return {
    get events() {
      return events;
    },
    opened,
    readStore,
    startRunner,
    head,
    rebuilt,
  };
}

/** A tour with tasks and notes: notes counts show an event applied twice or skipped. */
export function scenario(tasks: number, tour = 't1'): DomainEvent[] {
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

/** The real store, with its commit wrapped (to watch batches, or to fail one as a crash would). */
export function withCommit(store: ReadStore, commit: (batch: ReadBatch) => Promise<void>): ReadStore {
  return {
    kind: store.kind,
    checkpoints: () => store.checkpoints(),
    get: (collection, id) => store.get(collection, id),
    all: (collection) => store.all(collection),
    group: (collection, group) => store.group(collection, group),
    log: (log, group, after, limit) => store.log(log, group, after, limit),
    logBefore: (log, group, before, limit) => store.logBefore(log, group, before, limit),
    commit,
    clear: () => store.clear(),
    close: () => store.close(),
  };
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppendResult } from '@tayari/shared/eventstore/EventStore';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { bigProgramme } from '../generate/bigProgramme';
import { generateEvents, type GeneratedEvent } from '../generate/generateEvents';
import { historyPlan, livePlan } from '../generate/seedPlans';
import { TaskTracker, type TrackedTask } from '../generate/TaskTracker';
import { serveParent } from '../support/serveParent';

export type SeedRequest =
  /** Upcoming programmes holding at least `tasks` live tasks. */
  | { type: 'live'; dataDir: string; tasks: number }
  /** Exactly `events` events of a long history. */
  | { type: 'history'; dataDir: string; events: number }
  /** One upcoming programme with `tasks` tasks. */
  | { type: 'big'; dataDir: string; tasks: number };

export type SeedReply = {
  type: 'seeded';
  events: number;
  /** The store's head position after seeding. */
  head: string;
  ms: number;
  /** Live and big plans: the tasks commands can move, and the programmes they belong to. */
  tasks: TrackedTask[];
  programmes: string[];
};

/** How many appends are in flight at once; the store commits them in batches of `maxBatch`. */
const WINDOW = 4_000;

/** Writes generated events straight into the embedded store of a data folder (the service is not running). */
serveParent<SeedRequest, SeedReply>(async (request, reply) => {
  const started = performance.now();
  const nowMs = Date.now();
  mkdirSync(request.dataDir, { recursive: true });
  let events: GeneratedEvent[] | Generator<GeneratedEvent>;
  let limit = Infinity;
  const tracker = new TaskTracker();
  if (request.type === 'live') {
    // As few programmes as give the tasks asked for (each has 40–90).
    let programmes = Math.max(1, Math.round(request.tasks / 65));
    for (;;) {
      events = [...generateEvents(livePlan(nowMs, programmes))];
      const logged = events.filter((e) => e.domain.type === 'TaskLogged').length;
      if (logged >= request.tasks) break;
      programmes++;
    }
  } else if (request.type === 'big') {
    events = bigProgramme(nowMs, request.tasks);
  } else {
    events = generateEvents(historyPlan(nowMs, request.events));
    limit = request.events;
  }

  const store = await SqliteEventStore.open({
    file: join(request.dataDir, 'events.db'),
    lock: join(request.dataDir, 'tayari.lock'),
    writer: 'inline',
    maxBatch: 2_000,
  });
  let count = 0;
  let pending: Promise<AppendResult>[] = [];
  const programmes = new Set<string>();
  for (const generated of events) {
    if (count >= limit) break;
    if (request.type !== 'history') {
      tracker.apply(generated.domain);
      const data = generated.domain.data;
      if ('tourId' in data) programmes.add(data.tourId);
      if ('meetingId' in data) programmes.add(data.meetingId);
    }
    pending.push(store.append(generated.streamId, [generated.event], 'any'));
    count++;
    if (pending.length >= WINDOW) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  const head = (await store.headPosition()) ?? '0';
  await store.close();
  reply({ type: 'seeded', events: count, head, ms: performance.now() - started, tasks: tracker.list(), programmes: [...programmes] });
});

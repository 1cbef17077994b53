import { mergeMap, Observable } from 'rxjs';
import type { EventStore, RecordedEvent } from '@tayari/shared/eventstore/EventStore';
import { appendEvents } from '../testing/appendEvents';
import { ev } from '../testing/domainEvents';
import { dumpReadStore } from '../testing/dumpReadStore';
import { ProjectionFailed } from './ProjectionFailed';
import { ProjectionRunner } from './ProjectionRunner';
import { scenario, useRunnerFixture, withCommit } from './runnerFixture';

/** The runner against how events arrive: all at once (backpressure), twice (at-least-once), or one that does not parse. */

describe('ProjectionRunner', () => {
  const fx = useRunnerFixture();
  const { readStore, startRunner, head, rebuilt, opened } = fx;

  it('stops reading while its queue is deep and reads on after the last event it took (backpressure)', async () => {
    await appendEvents(fx.events, [...scenario(40), ...scenario(40, 't2')]); // 244 events
    // A store that hands over everything at once, as a fast EventStoreDB does on a cold start.
    let subscriptions = 0;
    const eager: EventStore = Object.create(fx.events) as EventStore;
    eager.subscribeAll = (after) => {
      subscriptions++;
      return new Observable<RecordedEvent>((subscriber) => {
        void fx.events.readAll(after, 10_000).then((page) => {
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

  it('shrugs off events delivered twice (at-least-once): each applies once, the position never goes back', async () => {
    await appendEvents(fx.events, scenario(3));
    // The same store, but its subscription delivers every event twice, and replays the last few again.
    const delivered: RecordedEvent[] = [];
    const twice: EventStore = {
      kind: fx.events.kind,
      idempotency: fx.events.idempotency,
      append: (...args) => fx.events.append(...args),
      readStream: (stream) => fx.events.readStream(stream),
      readAll: (after, limit) => fx.events.readAll(after, limit),
      headPosition: () => fx.events.headPosition(),
      comparePositions: (a, b) => fx.events.comparePositions(a, b),
      close: () => fx.events.close(),
      subscribeAll: (after) =>
        fx.events.subscribeAll(after).pipe(
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
    await appendEvents(fx.events, scenario(2, 't2'));
    expect(await runner.waitFor(await head(), 5000)).toBe(true);
    expect(positions.map(Number)).toEqual([...positions.map(Number)].sort((a, b) => a - b));
    expect(await dumpReadStore(store)).toEqual(await rebuilt('rebuilt.db'));
    expect(Object.values(runner.cache.programme('t2')?.tasks ?? {}).map((t) => t.notes)).toEqual([2, 2]);
  });

  it('stops loudly at an event that does not parse, after committing the events before it', async () => {
    await appendEvents(fx.events, [ev.tourPlanned('t1'), ev.taskLogged('k1', 't1', 'youth')]);
    const good = await head();
    await fx.events.append('task-k1', [{ id: 'ab8a1a56-3c55-4f7c-9d49-3f1b8f5b1c11', type: 'TaskTeleported', data: {}, metadata: {} }], 'any');
    await appendEvents(fx.events, [ev.taskStarted('k1', 't1', 'youth')]);
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
});

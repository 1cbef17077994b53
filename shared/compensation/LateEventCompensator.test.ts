import { randomUUID } from 'node:crypto';
import { ManualClock } from '../common/clock';
import type { DomainEvent } from '../events/DomainEventSchema';
import type { EventStore, ExpectedVersion, Position, RecordedEvent } from '../eventstore/EventStore';
import { eventId } from '../eventstore/eventId';
import { SqliteEventStore } from '../eventstore/sqlite/SqliteEventStore';
import { SqliteReadStore } from '../readstore/sqlite/SqliteReadStore';
import { lateReason } from './compensationFor';
import { LateEventCompensator, type CheckpointStore, type LateEventCompensatorOptions } from './LateEventCompensator';
import { LATE_EVENTS_CHECKPOINT, readStoreCheckpoint } from './readStoreCheckpoint';
import { SYSTEM_ACTOR } from './systemActor';

/**
 * The compensator on the embedded stores. A late event is made as EventStoreDB's race window would
 * let one land: appended after the cancel with no append conditions (the port allows it).
 */

const clock = new ManualClock('2018-06-20T04:30:00.000Z');
let events: SqliteEventStore;
let reads: SqliteReadStore;
const running: LateEventCompensator[] = [];

beforeEach(async () => {
  events = await SqliteEventStore.open({ file: ':memory:' });
  reads = new SqliteReadStore({ file: ':memory:' });
});
afterEach(async () => {
  for (const compensator of running.splice(0)) await compensator.stop();
  await events.close();
  await reads.close();
});

async function append(streamId: string, event: DomainEvent, expected: ExpectedVersion = 'any'): Promise<Position> {
  const commandId = randomUUID();
  const metadata = {
    actor: { sub: 'u1', name: 'प्रभारी', role: 'incharge' },
    at: clock.now().toISOString(),
    commandId,
    correlationId: `corr-${commandId}`,
    schema: 1,
  };
  return (await events.append(streamId, [{ id: eventId(commandId, 0), type: event.type, data: event.data, metadata }], expected)).position;
}

async function start(options: Partial<LateEventCompensatorOptions> = {}): Promise<LateEventCompensator> {
  const compensator = await LateEventCompensator.start({
    events,
    checkpoint: readStoreCheckpoint(reads),
    clock,
    retry: { initialDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
  running.push(compensator);
  return compensator;
}

const planTour = () => append('tour-t1', { type: 'TourPlanned', data: { tourId: 't1', title: 'Bastar tour', leader: 'नेता जी' } });
const cancelTour = () => append('tour-t1', { type: 'TourCancelled', data: { tourId: 't1', reason: 'postponed' } });
const logTask = (taskId = 'k1') =>
  append(`task-${taskId}`, { type: 'TaskLogged', data: { taskId, programmeId: 't1', programmeKind: 'tour', wing: 'adivasi', title: 'Tent' } });
const startTask = (taskId = 'k1') => append(`task-${taskId}`, { type: 'TaskStarted', data: { taskId, programmeId: 't1', wing: 'adivasi', from: 'todo' } });
const cancels = (stream: RecordedEvent[]) => stream.filter((e) => e.type === 'TaskCancelled');
const head = async () => (await events.headPosition()) ?? '0';

test('a task logged after its tour was cancelled is cancelled at once, right after it, as Tayari', async () => {
  const compensator = await start();
  await planTour();
  await cancelTour();
  const late = await logTask();
  expect(await compensator.waitFor(late, 5000)).toBe(true);

  const [logged, cancel, ...rest] = await events.readStream('task-k1');
  expect(rest).toEqual([]);
  const { correlationId } = (logged?.metadata ?? {}) as { correlationId?: string };
  expect(cancel).toMatchObject({
    type: 'TaskCancelled',
    version: 2,
    data: { taskId: 'k1', programmeId: 't1', wing: 'adivasi', reason: lateReason('tour') },
    metadata: { actor: SYSTEM_ACTOR, commandId: `compensate-${logged?.id}`, correlationId },
  });
  // Appended before the compensator reported the late event judged: nothing came in between.
  expect(Number(cancel?.position)).toBe(Number(late) + 1);
  expect(compensator.compensations).toBe(1);
  // The checkpoint passes the late event at once; the rest at the next write (here: the stop).
  expect((await reads.checkpoints())[LATE_EVENTS_CHECKPOINT]).toBe(late);
  expect(await compensator.waitFor(cancel?.position ?? '0', 5000)).toBe(true);
  await compensator.stop();
  expect((await reads.checkpoints())[LATE_EVENTS_CHECKPOINT]).toBe(cancel?.position);
});

test('work on live programmes, and legal work before a cancel, is left alone', async () => {
  const compensator = await start();
  await planTour();
  await logTask('k1');
  await startTask('k1');
  await cancelTour();
  // Cancelling a task of a cancelled tour (a race with the cancel) leaves it cancelled: nothing to undo.
  await append('task-k1', { type: 'TaskCancelled', data: { taskId: 'k1', programmeId: 't1', wing: 'adivasi', reason: 'duplicate' } });
  expect(await compensator.waitFor(await head(), 5000)).toBe(true);
  expect(compensator.compensations).toBe(0);
  expect(await events.readStream('task-k1')).toHaveLength(3);
});

test('two late events on one task: one compensation, after the last of them', async () => {
  await planTour();
  await cancelTour();
  await logTask();
  await startTask();
  const compensator = await start();
  expect(await compensator.waitFor(await head(), 5000)).toBe(true);
  const stream = await events.readStream('task-k1');
  expect(stream.map((e) => e.type)).toEqual(['TaskLogged', 'TaskStarted', 'TaskCancelled']);
});

describe('a restart judges again what its checkpoint does not cover, and appends nothing twice', () => {
  test('a checkpoint older than the compensation (a crash before it was written)', async () => {
    await planTour();
    const cancelledAt = await cancelTour();
    const late = await logTask();
    const first = await start();
    expect(await first.waitFor(late, 5000)).toBe(true);
    await first.stop();
    // As if the process had died before writing its checkpoint past the cancel.
    await reads.commit({ docs: [], checkpoints: { [LATE_EVENTS_CHECKPOINT]: cancelledAt } });

    const second = await start();
    expect(await second.waitFor(await head(), 5000)).toBe(true);
    expect(cancels(await events.readStream('task-k1'))).toHaveLength(1);
    // The same append was recognised as already made (same event id at the same place).
    expect(second.compensations).toBe(1);
  });

  test('no checkpoint at all: every late event judged again, none compensated twice', async () => {
    const forgetful: CheckpointStore = { load: async () => undefined, save: async () => undefined };
    await planTour();
    await cancelTour();
    await logTask('k1');
    await logTask('k2');
    for (let run = 0; run < 3; run++) {
      const compensator = await start({ checkpoint: forgetful });
      expect(await compensator.waitFor(await head(), 5000)).toBe(true);
      await compensator.stop();
    }
    expect(cancels(await events.readStream('task-k1'))).toHaveLength(1);
    expect(cancels(await events.readStream('task-k2'))).toHaveLength(1);
    expect(await events.readAll(undefined, 100)).toHaveLength(6);
  });

  test('a checkpoint past the compensation: nothing judged, the memory rebuilt', async () => {
    const first = await start();
    await planTour();
    await cancelTour();
    await logTask('k1');
    expect(await first.waitFor(await head(), 5000)).toBe(true);
    await first.stop();
    const second = await start();
    // Known as cancelled from before the checkpoint: a new late event is compensated.
    const late = await logTask('k2');
    expect(await second.waitFor(late, 5000)).toBe(true);
    expect(second.compensations).toBe(1);
    expect(cancels(await events.readStream('task-k2'))).toHaveLength(1);
  });
});

test('an append that fails is retried until it lands; nothing after it is judged first', async () => {
  let failuresLeft = 2;
  const flaky: EventStore = Object.create(events) as EventStore;
  flaky.append = (...args) => (failuresLeft-- > 0 ? Promise.reject(new Error('store unavailable')) : events.append(...args));
  const errors: string[] = [];
  await planTour();
  await cancelTour();
  const late = await logTask();
  const compensator = await start({ events: flaky, onError: (error, retrying) => errors.push(`${error.message}:${retrying}`) });
  expect(await compensator.waitFor(late, 5000)).toBe(true);
  expect(errors).toEqual(['store unavailable:true', 'store unavailable:true']);
  expect(cancels(await events.readStream('task-k1'))).toHaveLength(1);
});

test('an event it cannot read stops it, loudly', async () => {
  await planTour();
  await events.append('tour-t1', [{ id: randomUUID(), type: 'TourCancelled', data: { tourId: 't1' }, metadata: {} }], 'any');
  const stopped = new Promise<boolean>((resolve) => {
    void start({ onError: (_error, retrying) => retrying || resolve(true) });
  });
  expect(await stopped).toBe(true);
  expect(running[0]?.status).toBe('failed');
});

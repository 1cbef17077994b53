import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ManualClock } from '../common/clock';
import { SqliteEventStore } from '../eventstore/sqlite/SqliteEventStore';
import { CommandBus } from './CommandBus';
import { tourAggregate } from '../tour/tourAggregate';

describe('CommandBus: folded states kept in memory', () => {
  let folder: string;
  let store: SqliteEventStore;
  let reads: string[];

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-bus-'));
    store = await SqliteEventStore.open({ file: path.join(folder, 'events.db'), writer: 'inline', lock: false });
    const readStream = store.readStream.bind(store);
    reads = [];
    store.readStream = (streamId) => {
      reads.push(streamId);
      return readStream(streamId);
    };
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const meta = (n: number) => ({ actor: { sub: 'u', name: 'U', role: 'incharge' as const }, commandId: `c${n}`, correlationId: 'c' });
  const plan = (bus: CommandBus) =>
    bus.execute({
      aggregate: tourAggregate,
      streamId: tourAggregate.stream('t1'),
      command: { type: 'PlanTour', tourId: 't1', title: 'Bastar', leader: 'Leader' },
      id: 't1',
      creates: true,
      context: async () => ({ wings: new Map(), programmeIdTaken: false }),
      meta: meta(1),
    });
  const cancel = (bus: CommandBus, n: number, ifMatch?: number) =>
    bus.execute({
      aggregate: tourAggregate,
      streamId: tourAggregate.stream('t1'),
      command: { type: 'CancelTour', tourId: 't1', reason: 'monsoon' },
      id: 't1',
      creates: false,
      context: async () => ({ wings: new Map(), programmeIdTaken: false }),
      ...(ifMatch === undefined ? {} : { ifMatch }),
      meta: meta(n),
    });

  it('as the only writer, decides on the state it wrote without reading the stream again', async () => {
    const bus = new CommandBus({ store, clock: new ManualClock('2018-06-20T00:00:00Z'), exclusive: true });
    await plan(bus);
    expect(reads).toEqual([tourAggregate.stream('t1')]);
    await expect(cancel(bus, 2, 1)).resolves.toMatchObject({ status: 200, body: { version: 2 } });
    // The cached state knows the tour is cancelled: a second cancel is refused without a read.
    await expect(cancel(bus, 3)).rejects.toMatchObject({ rule: 'tour-cancelled' });
    expect(reads).toEqual([tourAggregate.stream('t1')]);
  });

  it('without the data lock, reads the stream for every decision', async () => {
    const bus = new CommandBus({ store, clock: new ManualClock('2018-06-20T00:00:00Z') });
    await plan(bus);
    await cancel(bus, 2);
    expect(reads).toEqual([tourAggregate.stream('t1'), tourAggregate.stream('t1')]);
  });

  it('reads the stream again after an append that failed', async () => {
    const bus = new CommandBus({ store, clock: new ManualClock('2018-06-20T00:00:00Z'), exclusive: true });
    await plan(bus);
    await expect(cancel(bus, 2, 7)).rejects.toMatchObject({ rule: 'version-mismatch' });
    await cancel(bus, 3);
    expect(reads).toEqual([tourAggregate.stream('t1'), tourAggregate.stream('t1')]);
  });
});

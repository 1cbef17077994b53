import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ManualClock } from '../common/clock';
import { sequentialIdGenerator } from '../common/ids';
import type { AppendOptions, EventStore } from '../eventstore/EventStore';
import { SqliteEventStore } from '../eventstore/sqlite/SqliteEventStore';
import { Application } from './Application';

/**
 * A keyed retry whose first attempt's events were committed but whose idempotency record was not
 * (EventStoreDB keeps records apart from events; a crash in between) is answered as the first attempt,
 * even when the decider, on the newer state, would refuse it or decide nothing.
 */
describe('Application: a keyed retry without its idempotency record', () => {
  let folder: string;
  let store: SqliteEventStore;
  /** The store as a process sees it after losing every idempotency record. */
  let forgetful: EventStore;

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-keyed-'));
    store = await SqliteEventStore.open({ file: path.join(folder, 'events.db'), writer: 'inline', lock: false });
    forgetful = new Proxy(store, {
      get(target, property) {
        if (property === 'idempotency') return { get: async () => undefined, put: async () => undefined };
        if (property === 'append') {
          return (
            streamId: string,
            events: Parameters<EventStore['append']>[1],
            expected: Parameters<EventStore['append']>[2],
            options: AppendOptions = {},
          ) => {
            const { idempotency: _lost, ...rest } = options;
            return target.append(streamId, events, expected, rest);
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const actor = { sub: 'u-in', name: 'In-charge', role: 'incharge' as const };
  /** A new process each time (no lock or state shared with the first attempt). */
  const app = () => new Application({ store: forgetful, clock: new ManualClock('2018-06-01T00:00:00Z'), ids: sequentialIdGenerator('k') });
  const handle = (name: string, params: Record<string, string>, body: unknown, key: string) =>
    app().handle({ name, params, body }, { actor, idempotencyKey: key, correlationId: 'c' });

  it('a creation retried is answered 201 with the first answer, not 409 id-taken, and appends nothing', async () => {
    const first = await handle('PlanTour', {}, { id: 'bastar', title: 'Bastar', leader: 'Leader' }, 'plan-1');
    const before = (await store.readAll(undefined, 100)).length;
    const again = await handle('PlanTour', {}, { id: 'bastar', title: 'Bastar', leader: 'Leader' }, 'plan-1');
    expect(again).toEqual({ ...first, replayed: false });
    expect((await store.readAll(undefined, 100)).length).toBe(before);
    // Another key for the same id is still refused: the rule holds.
    await expect(handle('PlanTour', {}, { id: 'bastar', title: 'Bastar', leader: 'Leader' }, 'plan-2')).rejects.toMatchObject({ rule: 'id-taken' });
  });

  it('a change retried after later changes is answered with the first attempt’s version, not refused', async () => {
    await handle('PlanTour', {}, { id: 'bastar', title: 'Bastar', leader: 'Leader' }, 'plan');
    const cancelled = await handle('CancelTour', { tourId: 'bastar' }, { reason: 'rain' }, 'cancel-1');
    const again = await handle('CancelTour', { tourId: 'bastar' }, { reason: 'rain' }, 'cancel-1');
    expect(again.answer).toEqual(cancelled.answer);
    await expect(handle('CancelTour', { tourId: 'bastar' }, { reason: 'rain' }, 'cancel-2')).rejects.toMatchObject({ rule: 'tour-cancelled' });
  });
});

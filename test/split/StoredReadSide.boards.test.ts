import { PROJECTIONS } from '@tayari/projections/registry/readModels';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Subject } from 'rxjs';
import { ManualClock } from '@tayari/shared/common/clock';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { SqliteReadStore } from '@tayari/shared/readstore/sqlite/SqliteReadStore';
import type { BoardChange } from '@tayari/projections/BoardSource';
import { ReadModels } from '@tayari/projections/ReadModels';
import { BoardChangeJournal } from '@tayari/projections/stored/BoardChangeJournal';
import type { CommitNotice } from '@tayari/projections/stored/ModelFollower';
import { readBoardChanges } from '@tayari/projections/stored/readBoardChanges';
import { StoredReadSide } from '@tayari/projections/stored/StoredReadSide';
import { appendEvents } from '@tayari/projections/testing/appendEvents';
import { ev } from '@tayari/projections/testing/domainEvents';

/**
 * The read side of the split API and live gateway against the in-process one (ReadModels), on the
 * same EMBEDDED stores: same payloads from the same documents, and the clock's changes too.
 */
describe('StoredReadSide', () => {
  let dir: string;
  let events: SqliteEventStore;
  let readStore: SqliteReadStore;
  let models: ReadModels;
  let stored: StoredReadSide;
  const notices = new Subject<CommitNotice>();
  const clock = new ManualClock('2018-06-20T00:00:00.000Z');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tayari-stored-'));
    events = await SqliteEventStore.open({ file: join(dir, 'events.db'), writer: 'inline', lock: false });
    readStore = new SqliteReadStore({ file: join(dir, 'read.db') });
    models = await ReadModels.start({ events, readStore, clock, decorateBatch: BoardChangeJournal.empty().decorate });
    models.runner.position$.subscribe((position) => notices.next({ position }));
    stored = await StoredReadSide.start({
      readStore,
      journal: readBoardChanges(readStore),
      commits$: notices,
      comparePositions: (a, b) => events.comparePositions(a, b),
      clock,
    });
  });

  afterAll(async () => {
    stored.stop();
    await models.stop();
    await readStore.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('before any event: position "0", nothing to wait for, no programme', async () => {
    expect(stored.position()).toBe('0');
    expect(await stored.waitFor('0', 10)).toBe(true);
    expect(await stored.waitFor('1', 10)).toBe(false);
    expect(await stored.programmeBoard('t1')).toBeUndefined();
    expect(stored.isPosition('12')).toBe(true);
    expect(stored.isPosition('1/2')).toBe(false);
    expect(await stored.projections()).toEqual(Object.fromEntries(PROJECTIONS.map((name) => [name, { position: null }])));
  });

  it('answers every read exactly as the in-process read side does, once it reached the position', async () => {
    const last = await appendEvents(events, [
      ev.tourPlanned('t1'),
      ev.stopAdded('t1', 's1', '2018-06-26T05:30:00.000Z', '2018-06-26T08:30:00.000Z'),
      ev.meetingScheduled('m1', '2018-06-25T05:30:00.000Z'),
      ev.responsibilityAssigned('r1', 't1', 'adivasi'),
      ev.taskLogged('k1', 't1', 'adivasi', { dueAt: '2018-06-21T00:00:00.000Z' }),
      ev.taskLogged('k2', 'm1', 'youth', { programmeKind: 'meeting' }),
      ev.taskBlocked('k2', 'm1', 'youth'),
      ev.wingRegistered('legal-cell'),
    ]);
    const position = last?.position ?? '';
    expect(await stored.waitFor(position, 5000)).toBe(true);
    expect(await models.waitFor(position, 5000)).toBe(true);
    expect(stored.position()).toBe(position);
    expect(await stored.wings()).toEqual(await models.wings());
    expect(await stored.programmes({})).toEqual(await models.programmes({}));
    expect(await stored.programme('t1')).toEqual(await models.programme('t1'));
    expect(await stored.programmeBoard('m1')).toEqual(await models.programmeBoard('m1'));
    expect(await stored.readinessBoard()).toEqual(await models.readinessBoard());
    expect(await stored.wingBoard('adivasi')).toEqual(await models.wingBoard('adivasi'));
    expect(await stored.wingBoard('legal-cell')).toEqual(await models.wingBoard('legal-cell'));
    expect(await stored.wingBoard('nobody')).toBeUndefined();
    expect(await stored.history('t1', {}, 2)).toEqual(await models.history('t1', {}, 2));
    // Newest first is the same events the other way round (both sides share the store, so compare with oldest first).
    const oldest = (await stored.history('t1', {}, 1000))?.events ?? [];
    expect(oldest.length).toBeGreaterThan(2);
    expect((await stored.history('t1', { newestFirst: true }, 2))?.events).toEqual(oldest.slice(-2).reverse());
    expect(await stored.read('programme:t1')).toEqual(await models.read('programme:t1'));
    // SPEC v2 filters read the same on both sides.
    expect(await stored.programmeBoard('m1', { blocked: true })).toEqual(await models.programmeBoard('m1', { blocked: true }));
    expect(Object.keys((await stored.programmeBoard('m1', { status: ['blocked'] }))?.cards ?? {})).toEqual(['k2']);
    expect(await stored.wingBoard('youth', { q: 'K2' })).toEqual(await models.wingBoard('youth', { q: 'K2' }));
    expect(await stored.read('wing:adivasi', { overdue: true })).toEqual(await models.read('wing:adivasi', { overdue: true }));
    expect(await stored.projections()).toEqual(await models.projections());
  });

  it('announces what time alone changes (a task falling overdue) at an unchanged position', async () => {
    const seen: BoardChange[] = [];
    const subscription = stored.changes$.subscribe((change) => seen.push(change));
    const position = stored.position();
    clock.set('2018-06-21T00:00:00.001Z');
    subscription.unsubscribe();
    expect(seen).toContainEqual({ board: 'programme:t1', position, clock: true });
    const board = await stored.programmeBoard('t1');
    expect(Object.values(board?.cards ?? {}).map((card) => [card.id, card.status, card.overdue])).toEqual([['k1', 'todo', true]]);
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ManualClock } from '@tayari/shared/common/clock';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { SqliteReadStore } from '@tayari/shared/readstore/sqlite/SqliteReadStore';
import type { BoardChange } from './BoardSource';
import { ReadModels } from './ReadModels';
import { appendEvents } from './testing/appendEvents';
import { ev } from './testing/domainEvents';

describe('ReadModels: the BoardSource', () => {
  let folder: string;
  let events: SqliteEventStore;
  let readStore: SqliteReadStore;
  let models: ReadModels;
  const clock = new ManualClock('2018-06-20T00:00:00.000Z');

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-readmodels-'));
    events = await SqliteEventStore.open({ file: path.join(folder, 'events.db'), writer: 'inline', lock: false });
    readStore = new SqliteReadStore({ file: path.join(folder, 'read.db') });
    clock.set('2018-06-20T00:00:00.000Z');
    models = await ReadModels.start({ events, readStore, clock });
  });

  afterEach(async () => {
    await models.stop();
    await events.close();
    await readStore.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reads boards from the models at the clock, and announces event and clock changes', async () => {
    const seen: BoardChange[] = [];
    models.changes$.subscribe((change) => seen.push(change));
    const last = await appendEvents(events, [
      ev.meetingScheduled('m1', '2018-06-25T05:30:00.000Z'),
      ev.taskLogged('k1', 'm1', 'youth', { programmeKind: 'meeting', dueAt: '2018-06-21T00:00:00.000Z' }),
    ]);
    const position = last?.position ?? '';
    expect(await models.waitFor(position, 5000)).toBe(true);
    // Two appends, two commits: the last announcement of each board is at the last position.
    const lastOf = new Map(seen.map((c) => [c.board, c.position]));
    expect(Object.fromEntries(lastOf)).toEqual({ attention: position, 'programme:m1': position, readiness: position, 'wing:youth': position });

    const before = await models.read('programme:m1');
    expect(before?.position).toBe(position);
    expect(before?.data).toEqual(await models.programmeBoard('m1'));
    expect((await models.programmeBoard('m1'))?.cards.k1?.overdue).toBe(false);

    seen.length = 0;
    clock.set('2018-06-21T00:00:00.001Z');
    expect(seen.map((c) => c.board).sort()).toEqual(['attention', 'programme:m1', 'readiness', 'wing:youth']);
    expect(seen.every((c) => c.position === position)).toBe(true);
    expect((await models.programmeBoard('m1'))?.cards.k1?.overdue).toBe(true);
    expect((await models.read('wing:youth'))?.data).toMatchObject({ readiness: { overdue: 1 } });
  });

  it('reads a programme or wing board through a filter, the same payload as the filtered GET', async () => {
    const last = await appendEvents(events, [
      ev.meetingScheduled('m1', '2018-06-25T05:30:00.000Z'),
      ev.taskLogged('k1', 'm1', 'youth', { programmeKind: 'meeting', title: 'मंच' }),
      ev.taskLogged('k2', 'm1', 'youth', { programmeKind: 'meeting', title: 'Sound' }),
      ev.taskLogged('k3', 'm1', 'mahila', { programmeKind: 'meeting', title: 'Chairs' }),
    ]);
    expect(await models.waitFor(last?.position ?? '', 5000)).toBe(true);
    const programme = await models.read('programme:m1', { q: 'मंच' });
    expect(programme?.data).toEqual(await models.programmeBoard('m1', { q: 'मंच' }));
    expect(Object.keys((programme?.data as { cards: object } | undefined)?.cards ?? {})).toEqual(['k1']);
    expect(programme?.data).toMatchObject({ readiness: { total: 3 } });
    const wing = await models.read('wing:youth', { q: 'sound' });
    expect(Object.keys((wing?.data as { cards: object } | undefined)?.cards ?? {})).toEqual(['k2']);
    expect(Object.keys(((await models.read('wing:youth'))?.data as { cards: object } | undefined)?.cards ?? {}).sort()).toEqual(['k1', 'k2']);
  });

  it('answers undefined for a programme or wing that does not exist', async () => {
    expect(await models.read('programme:nope')).toBeUndefined();
    expect(await models.read('wing:nope')).toBeUndefined();
    const kisan = await models.read('wing:kisan');
    expect(kisan?.position).toBe('0');
    expect(kisan?.data).toMatchObject({ readiness: { total: 0 } });
    const { cards, programmes, responsibilities } = (kisan?.data ?? {}) as Record<string, unknown>;
    expect({ cards, programmes, responsibilities }).toEqual({ cards: {}, programmes: {}, responsibilities: {} });
    expect(await models.read('readiness')).toEqual({ position: '0', data: { position: '0', programmes: {} } });
  });

  it('tells positions apart from other text', () => {
    expect(models.isPosition('12')).toBe(true);
    expect(models.isPosition('abc')).toBe(false);
    expect(models.isPosition('')).toBe(false);
    expect(models.comparePositions('9', '10')).toBeLessThan(0);
  });
});

import { PROJECTIONS } from '@tayari/projections/registry/readModels';
import { nth } from '@tayari/shared/testing/nth';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import { SqliteReadStore } from '@tayari/shared/readstore/sqlite/SqliteReadStore';
import { rebuildStores } from '@tayari/app/split/rebuildStores';
import { BOARD_CHANGES, BoardChangeEntrySchema } from '@tayari/projections/stored/BoardChangeEntry';
import { appendEvents } from '@tayari/projections/testing/appendEvents';
import { ev } from '@tayari/projections/testing/domainEvents';
import { dumpReadStore } from '@tayari/projections/testing/dumpReadStore';

/** `npm run rebuild` on the configured stores (here the EMBEDDED ones; MongoDB itself is not run). */
describe('rebuildStores', () => {
  let dir: string;
  let events: SqliteEventStore;
  const opened: ReadStore[] = [];

  const readStore = (name: string) => {
    const store = new SqliteReadStore({ file: join(dir, name) });
    opened.push(store);
    return store;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tayari-rebuild-'));
    events = await SqliteEventStore.open({ file: join(dir, 'events.db'), writer: 'inline', lock: false });
    await appendEvents(events, [
      ev.tourPlanned('t1'),
      ev.taskLogged('k1', 't1', 'youth'),
      ev.taskStarted('k1', 't1', 'youth'),
      ev.wingRegistered('legal-cell'),
    ]);
  });

  afterAll(async () => {
    for (const store of opened) await store.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('on the embedded read store: the same models as before, and no journal (nothing in another process follows it)', async () => {
    const plain = readStore('plain.db');
    const result = await rebuildStores({ events, readStore: plain });
    expect(result).toMatchObject({ applied: 4, position: '4' });
    expect(await plain.all(BOARD_CHANGES)).toEqual([]);
    expect((await dumpReadStore(plain)).checkpoints).toEqual(Object.fromEntries(PROJECTIONS.map((name) => [name, '4'])));
  });

  it('for MongoDB (decided by the store’s kind): writes the journal with each page, chained from nothing, models unchanged', async () => {
    const inner = readStore('journal.db');
    // The kind is what decides; the writes go to the embedded store underneath.
    const asMongo: ReadStore = {
      kind: 'mongodb',
      checkpoints: () => inner.checkpoints(),
      get: (collection, id) => inner.get(collection, id),
      all: (collection) => inner.all(collection),
      group: (collection, group) => inner.group(collection, group),
      log: (...args) => inner.log(...args),
      logBefore: (...args) => inner.logBefore(...args),
      commit: (batch) => inner.commit(batch),
      clear: () => inner.clear(),
      close: () => inner.close(),
    };
    await rebuildStores({ events, readStore: asMongo });
    const entries = (await inner.all(BOARD_CHANGES)).map((raw) => BoardChangeEntrySchema.parse(raw));
    expect(entries).toEqual([
      {
        position: '4',
        previous: null,
        boards: ['attention', 'programme:t1', 'readiness', 'wing:legal-cell', 'wing:youth'],
        rows: { programmes: ['t1'], tasks: ['k1'], catalogue: ['catalogue'] },
      },
    ]);
    const plain = await dumpReadStore(nth(opened, 0));
    expect(await dumpReadStore(inner)).toEqual(plain);
  });
});

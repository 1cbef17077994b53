import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@tayari/shared/common/clock';
import { keyringFrom } from '@tayari/shared/common/Keyring';
import type { KeyVault } from '@tayari/shared/drives/vault/KeyVault';
import { SqliteKeyVault } from '@tayari/shared/drives/vault/SqliteKeyVault';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { parseRecorded } from '@tayari/shared/events/StoredEvent';
import { demoDrive } from './demoDrive';
import { loadDemo } from './loadDemo';
import { loadDemoDrive } from './loadDemoDrive';

const SIZE = 330;
const DAY = 24 * 60 * 60 * 1000;
const keys = keyringFrom('demo-drive-resume-secret-0123456789abcdef');
const planned = demoDrive(new Date('2026-03-10T09:20:00+05:30'), SIZE).days.reduce((sum, day) => sum + day.enrolments.length, 0);

/** A store and vault in a folder of their own, the demo programmes loaded; appends counted (and stoppable). */
async function setUp() {
  const folder = mkdtempSync(join(tmpdir(), 'tayari-demo-drive-load-'));
  const inner = await SqliteEventStore.open({ file: join(folder, 'events.db'), lock: false });
  const vault = new SqliteKeyVault(join(folder, 'keys.db'));
  const clock = new ManualClock('2026-03-10T09:20:00+05:30');
  await loadDemo({ store: inner, clock });
  const seen: { appends: number; enrolled: number; afterEnrolled: (count: number) => void } = { appends: 0, enrolled: 0, afterEnrolled: () => undefined };
  const store: EventStore = new Proxy(inner, {
    get(target, property) {
      if (property === 'append') {
        return async (...args: Parameters<EventStore['append']>) => {
          seen.appends += 1;
          const result = await target.append(...args);
          if (args[0].startsWith('enrolment-')) seen.afterEnrolled(++seen.enrolled);
          return result;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const events = async () => (await inner.readAll(undefined, 100_000)).map(parseRecorded);
  const close = async () => {
    await vault.close();
    await inner.close();
    rmSync(folder, { recursive: true, force: true });
  };
  return { store, vault, clock, seen, events, close };
}

/** Appends made after the load settled: none may come (the store and vault close next). */
async function appendsAfter(seen: { appends: number }): Promise<number> {
  const at = seen.appends;
  await new Promise((resolve) => setTimeout(resolve, 200));
  return seen.appends - at;
}

describe('loadDemoDrive, stopped and resumed', () => {
  it('a load stopped half-way is finished by the next start: the full count, no duplicates', async () => {
    const t = await setUp();
    try {
      const stop = new AbortController();
      t.seen.afterEnrolled = (count) => {
        if (count === 100) stop.abort();
      };
      const part = await loadDemoDrive({ store: t.store, vault: t.vault, keys, now: t.clock.now(), size: SIZE, signal: stop.signal });
      expect(await appendsAfter(t.seen)).toBe(0);
      expect(part).toBeGreaterThanOrEqual(100);
      expect(part).toBeLessThan(planned);
      // The next start, a day later, loaded no demo (the store was not empty): it resumes the drive.
      const count = async () => (await t.events()).filter((e) => e.type === 'WorkerEnrolled').length;
      const rest = await loadDemoDrive({
        store: t.store,
        vault: t.vault,
        keys,
        now: new Date(t.clock.now().getTime() + DAY),
        size: SIZE,
        resumeOnly: true,
        enrolled: count,
      });
      expect(part + rest).toBe(planned);
      const events = await t.events();
      const enrolled = events.flatMap((e) => (e.type === 'WorkerEnrolled' ? [e] : []));
      expect(enrolled).toHaveLength(planned);
      expect(new Set(enrolled.map((e) => e.data.enrolmentId)).size).toBe(planned);
      expect(new Set(enrolled.map((e) => e.streamId)).size).toBe(planned);
      expect(events.filter((e) => e.type === 'EnrolmentFiled')).toHaveLength(planned);
      expect(events.filter((e) => e.type === 'DriveLaunched')).toHaveLength(1);
      expect((await t.vault.get(enrolled.map((e) => e.data.keyId))).size).toBe(planned);
      // Complete now: a third start does nothing.
      expect(await loadDemoDrive({ store: t.store, vault: t.vault, keys, now: t.clock.now(), size: SIZE, resumeOnly: true, enrolled: count })).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('resumes without a count too (every enrolment asked again, the done ones refused as done)', async () => {
    const t = await setUp();
    try {
      const stop = new AbortController();
      t.seen.afterEnrolled = (count) => {
        if (count === 50) stop.abort();
      };
      const part = await loadDemoDrive({ store: t.store, vault: t.vault, keys, now: t.clock.now(), size: SIZE, signal: stop.signal });
      const rest = await loadDemoDrive({ store: t.store, vault: t.vault, keys, now: t.clock.now(), size: SIZE, resumeOnly: true });
      expect(part + rest).toBe(planned);
      expect((await t.events()).filter((e) => e.type === 'WorkerEnrolled')).toHaveLength(planned);
    } finally {
      await t.close();
    }
  });

  it('resumeOnly launches no drive where there is none', async () => {
    const t = await setUp();
    try {
      expect(await loadDemoDrive({ store: t.store, vault: t.vault, keys, now: t.clock.now(), size: SIZE, resumeOnly: true })).toBe(0);
      expect((await t.events()).filter((e) => e.type === 'DriveLaunched')).toHaveLength(0);
    } finally {
      await t.close();
    }
  });
});

describe('loadDemoDrive, one enrolment refused', () => {
  it('rejects with that refusal only once every worker has stopped: no write after, no unhandled rejection', async () => {
    const t = await setUp();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      let creates = 0;
      // The vault refuses the 40th key: that enrolment fails, while 199 others are in flight.
      const failing: KeyVault = {
        kind: t.vault.kind,
        create: (id) => (++creates === 40 ? Promise.reject(new Error('keys.db is full')) : t.vault.create(id)),
        get: (ids) => t.vault.get(ids),
        delete: (id) => t.vault.delete(id),
        close: () => t.vault.close(),
      };
      await expect(loadDemoDrive({ store: t.store, vault: failing, keys, now: t.clock.now(), size: SIZE })).rejects.toThrow('keys.db is full');
      expect(await appendsAfter(t.seen)).toBe(0);
      expect(t.seen.enrolled).toBeLessThan(planned);
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await t.close();
    }
  });
});

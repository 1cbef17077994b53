import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@tayari/shared/common/clock';
import { keyringFrom } from '@tayari/shared/common/Keyring';
import { sealContext, unseal } from '@tayari/shared/drives/sealing';
import { SqliteKeyVault } from '@tayari/shared/drives/vault/SqliteKeyVault';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { parseRecorded } from '@tayari/shared/events/StoredEvent';
import { DEFAULT_UNITS } from '@tayari/shared/units/catalogue';
import { DEMO_ENROLMENTS, demoDrive } from './demoDrive';
import { loadDemo } from './loadDemo';
import { loadDemoDrive } from './loadDemoDrive';

describe('the demo drive', () => {
  const now = new Date('2026-03-10T09:20:00+05:30');
  const plan = demoDrive(now);
  const enrolments = plan.days.flatMap((day) => day.enrolments);

  it('enrols about 23,000 made-up workers across every district, within its window', () => {
    expect(Math.abs(enrolments.length - DEMO_ENROLMENTS)).toBeLessThan(50);
    const districts = DEFAULT_UNITS.filter((unit) => unit.kind === 'district').map((unit) => unit.code);
    expect(new Set(enrolments.map((e) => e.body.unit))).toEqual(new Set(districts));
    expect(Object.keys(plan.launch.targets).sort()).toEqual([...districts].sort());
    for (const { at } of plan.days) {
      expect(at.getTime()).toBeGreaterThanOrEqual(Date.parse(plan.launch.startsAt));
      expect(at.getTime()).toBeLessThan(now.getTime());
    }
    expect(Date.parse(plan.launch.endsAt)).toBeGreaterThan(now.getTime());
  });

  it('never holds a real name or number: "(demo)" names, phones in +999 (unassigned), each phone once', () => {
    for (const { body } of enrolments) {
      expect(body.name).toMatch(/\(demo\)$/);
      expect(body.phone).toMatch(/^\+999\d{9}$/);
    }
    expect(new Set(enrolments.map((e) => e.body.phone)).size).toBe(enrolments.length);
    expect(new Set(enrolments.map((e) => e.body.id)).size).toBe(enrolments.length);
  });

  it('has districts past their target and a few far behind; many enrollers, each in their own wing', () => {
    const enrolled = new Map<string, number>();
    for (const { body } of enrolments) enrolled.set(body.unit, (enrolled.get(body.unit) ?? 0) + 1);
    const pace = Object.entries(plan.launch.targets).map(([unit, target]) => (enrolled.get(unit) ?? 0) / target);
    expect(pace.filter((p) => p >= 1).length).toBeGreaterThanOrEqual(10);
    expect(pace.filter((p) => p < 0.75).length).toBeGreaterThanOrEqual(3);
    expect(new Set(enrolments.map((e) => e.actor.sub)).size).toBeGreaterThan(20);
    for (const { actor, body } of enrolments) expect(body.wing).toBe(actor.wing);
  });
});

describe('the demo drive, loaded', () => {
  const folder = mkdtempSync(join(tmpdir(), 'tayari-demo-drive-'));
  let store: SqliteEventStore;
  let vault: SqliteKeyVault;
  beforeAll(async () => {
    store = await SqliteEventStore.open({ file: join(folder, 'events.db'), lock: false });
    vault = new SqliteKeyVault(join(folder, 'keys.db'));
  });
  afterAll(async () => {
    await vault.close();
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('enrols through the application: sealed names that open with their keys, counted events', async () => {
    const clock = new ManualClock('2026-03-10T09:20:00+05:30');
    const loaded = await loadDemo({ store, clock });
    const keys = keyringFrom('demo-drive-test-secret-0123456789abcdef');
    const drive = await loadDemoDrive({ store, vault, keys, now: clock.now(), size: 330 });
    const events = (await store.readAll(undefined, 100_000)).map(parseRecorded);
    // The launch, then per enrolment its id filed and the enrolment.
    expect(events.length).toBe(loaded.events + 1 + 2 * drive);
    const enrolled = events.flatMap((e) => (e.type === 'WorkerEnrolled' ? [e] : []));
    expect(enrolled).toHaveLength(drive);
    expect(Math.abs(drive - 330)).toBeLessThan(20);
    expect(events.filter((e) => e.type === 'EnrolmentFiled')).toHaveLength(enrolled.length);
    const opened = await vault.get(enrolled.map((e) => e.data.keyId));
    for (const e of enrolled) {
      const key = opened.get(e.data.keyId);
      const person = key && unseal(key, sealContext(e.data.driveId, e.data.enrolmentId), e.data.sealed);
      expect(person?.name).toMatch(/\(demo\)$/);
      expect(JSON.stringify(e)).not.toContain('(demo)');
    }
    // Enrolled over the days the drive has run, not all at one instant.
    expect(new Set(enrolled.map((e) => e.metadata.at.slice(0, 10))).size).toBeGreaterThan(10);
    // Loaded whole, it is left alone by the next start.
    const again = await loadDemoDrive({ store, vault, keys, now: clock.now(), size: 330, resumeOnly: true, enrolled: async () => drive });
    expect(again).toBe(0);
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Application } from '../application/Application';
import { ManualClock } from '../common/clock';
import { RuleViolation } from '../common/errors';
import { sequentialIdGenerator } from '../common/ids';
import { keyringFrom } from '../common/Keyring';
import { SqliteEventStore } from '../eventstore/sqlite/SqliteEventStore';
import { SqliteKeyVault } from './vault/SqliteKeyVault';

/**
 * Two writers that share nothing but the store (as two API processes would): no lock and no cache
 * between them, so only the store's "no stream yet" on the phone's stream keeps the phone once.
 */
describe('one phone enrolled twice at once by two writers', () => {
  let folder: string;
  let store: SqliteEventStore;
  let vault: SqliteKeyVault;
  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-enrol-race-'));
    store = await SqliteEventStore.open({ file: path.join(folder, 'events.db'), writer: 'inline', lock: false });
    vault = new SqliteKeyVault(path.join(folder, 'keys.db'));
  });
  afterAll(async () => {
    await vault.close();
    await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const clock = new ManualClock('2018-06-10T10:00:00.000Z');
  const keys = keyringFrom('race-test-secret-0123456789abcdefghijklmnop');
  const writer = (prefix: string) => new Application({ store, clock, ids: sequentialIdGenerator(prefix), keys, vault, exclusive: false });
  const incharge = { sub: 'u-in', name: 'In-charge', role: 'incharge' as const };
  const call = (app: Application, name: string, params: Record<string, string>, body: object) =>
    app.handle({ name, params, body }, { actor: incharge, correlationId: 'race' });

  test('exactly one is enrolled, the other is refused naming it; 20 rounds', async () => {
    const a = writer('a');
    const b = writer('b');
    await call(a, 'LaunchDrive', {}, { id: 'd', title: 'D', startsAt: '2018-06-01T00:00:00Z', endsAt: '2018-07-01T00:00:00Z', targets: { 'cg-bastar': 100 } });
    for (let round = 0; round < 20; round++) {
      const body = (id: string) => ({ id, unit: 'cg-bastar', name: 'Worker', phone: `98765${String(round).padStart(5, '0')}`, consent: true });
      const results = await Promise.allSettled([
        call(a, 'EnrolWorker', { driveId: 'd' }, body(`a${round}`)),
        call(b, 'EnrolWorker', { driveId: 'd' }, body(`b${round}`)),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]).toBeInstanceOf(RuleViolation);
      const winner = won[0]?.status === 'fulfilled' ? won[0].value.answer.id : '';
      expect(lost[0]).toMatchObject({ rule: 'duplicate-enrolment', message: expect.stringContaining(winner) });
    }
    const enrolled = (await store.readAll(undefined, 1e6)).filter((e) => e.type === 'WorkerEnrolled');
    expect(enrolled).toHaveLength(20);
  });

  test('a close racing a burst of enrolments: none lands after the close', async () => {
    const a = writer('c');
    const b = writer('d');
    await call(a, 'LaunchDrive', {}, { id: 'dc', title: 'D', startsAt: '2018-06-01T00:00:00Z', endsAt: '2018-07-01T00:00:00Z', targets: { 'cg-bastar': 100 } });
    const enrol = (n: number) =>
      call(n % 2 === 0 ? a : b, 'EnrolWorker', { driveId: 'dc' }, { unit: 'cg-bastar', name: 'W', phone: `97000${String(n).padStart(5, '0')}`, consent: true });
    const results = await Promise.allSettled([
      ...Array.from({ length: 15 }, (_, n) => enrol(n)),
      call(b, 'CloseDrive', { driveId: 'dc' }, {}),
      ...Array.from({ length: 15 }, (_, n) => enrol(15 + n)),
    ]);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ rule: 'drive-closed' });
    const all = await store.readAll(undefined, 1e6);
    const closedAt = all.findIndex((e) => e.type === 'DriveClosed' && e.streamId === 'drive-dc');
    expect(closedAt).toBeGreaterThan(-1);
    const late = all.slice(closedAt).filter((e) => e.type === 'WorkerEnrolled' && e.streamId.startsWith('enrolment-dc.'));
    expect(late).toEqual([]);
  });
});

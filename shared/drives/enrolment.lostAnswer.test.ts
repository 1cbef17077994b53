import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { Application } from '../application/Application';
import { ManualClock } from '../common/clock';
import { ConcurrencyError } from '../common/errors';
import { sequentialIdGenerator } from '../common/ids';
import { keyringFrom } from '../common/Keyring';
import type { EventStore } from '../eventstore/EventStore';
import { SqliteEventStore } from '../eventstore/sqlite/SqliteEventStore';
import { parseRecorded } from '../events/StoredEvent';
import { sealContext, unseal } from './sealing';
import { SqliteKeyVault } from './vault/SqliteKeyVault';

/**
 * An enrolment's append that committed but whose answer was lost (a timeout; on EventStoreDB a
 * reconnect that reports a wrong version): the attempt must not take it for a refusal and delete the
 * key its own committed event is sealed with (that would forget the person silently).
 */
describe('an enrolment whose append committed but answered an error', () => {
  let folder: string;
  let store: SqliteEventStore;
  let vault: SqliteKeyVault;
  /** What the next append to an enrolment stream throws after committing (then it behaves). */
  let lose: Error | undefined;
  /** What the next append to an enrolment stream throws instead of committing. */
  let refuse: Error | undefined;
  let lossy: EventStore;
  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-enrol-lost-'));
    store = await SqliteEventStore.open({ file: path.join(folder, 'events.db'), writer: 'inline', lock: false });
    vault = new SqliteKeyVault(path.join(folder, 'keys.db'));
    lose = undefined;
    refuse = undefined;
    lossy = new Proxy(store, {
      get(target, property) {
        if (property === 'append') {
          return async (...args: Parameters<EventStore['append']>) => {
            const refused = refuse;
            if (refused !== undefined && args[0].startsWith('enrolment-')) {
              refuse = undefined;
              throw refused;
            }
            const result = await target.append(...args);
            const error = lose;
            if (error !== undefined && args[0].startsWith('enrolment-')) {
              lose = undefined;
              throw error;
            }
            return result;
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  });
  afterEach(async () => {
    await vault.close();
    await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const keys = keyringFrom('lost-answer-test-secret-0123456789abcdefghij');
  const incharge = { sub: 'u-in', name: 'In-charge', role: 'incharge' as const };
  const app = () =>
    new Application({ store: lossy, clock: new ManualClock('2018-06-10T10:00:00.000Z'), ids: sequentialIdGenerator('l'), keys, vault, exclusive: false });
  const launch = (a: Application) =>
    a.handle(
      {
        name: 'LaunchDrive',
        params: {},
        body: { id: 'd', title: 'D', startsAt: '2018-06-01T00:00:00Z', endsAt: '2018-07-01T00:00:00Z', targets: { 'cg-bastar': 100 } },
      },
      { actor: incharge, correlationId: 'lost' },
    );
  const enrol = (a: Application, id: string, phone = '9876500001') =>
    a.handle(
      { name: 'EnrolWorker', params: { driveId: 'd' }, body: { id, unit: 'cg-bastar', name: 'Sunita', phone, consent: true } },
      { actor: incharge, correlationId: 'lost' },
    );
  const keysStored = () => {
    const db = new Database(path.join(folder, 'keys.db'), { readonly: true });
    try {
      const row: unknown = db.prepare('SELECT count(*) AS n FROM enrolment_keys').get();
      return typeof row === 'object' && row !== null && 'n' in row ? row.n : undefined;
    } finally {
      db.close();
    }
  };
  /** The enrolment's event, and whether its key still opens its sealed data. */
  const enrolled = async () => {
    const events = (await store.readAll(undefined, 1000)).map(parseRecorded).flatMap((e) => (e.type === 'WorkerEnrolled' ? [e] : []));
    const opened = await vault.get(events.map((e) => e.data.keyId));
    return events.map((e) => {
      const key = opened.get(e.data.keyId);
      return { id: e.data.enrolmentId, name: key && unseal(key, sealContext('d', e.data.enrolmentId), e.data.sealed)?.name };
    });
  };

  it('a version error after the commit (the bus retries, then refuses it as its own duplicate): 201, the key kept', async () => {
    const a = app();
    await launch(a);
    lose = new ConcurrencyError('enrolment-d.x', 'no_stream', '1');
    const answer = await enrol(a, 'e1');
    expect(answer.status).toBe(201);
    expect(answer.answer.id).toBe('e1');
    expect(await enrolled()).toEqual([{ id: 'e1', name: 'Sunita' }]);
    expect(keysStored()).toBe(1);
  });

  it('a timeout after the commit (no retry): 201, the key kept', async () => {
    const a = app();
    await launch(a);
    lose = new Error('append timed out');
    const answer = await enrol(a, 'e1');
    expect(answer.status).toBe(201);
    expect(await enrolled()).toEqual([{ id: 'e1', name: 'Sunita' }]);
  });

  it('a real duplicate (the phone enrolled as another enrolment) is still refused', async () => {
    const a = app();
    await launch(a);
    await enrol(a, 'e1');
    await expect(enrol(app(), 'e2')).rejects.toMatchObject({ rule: 'duplicate-enrolment', facts: { enrolmentId: 'e1' } });
    expect(await enrolled()).toEqual([{ id: 'e1', name: 'Sunita' }]);
  });

  it('an append that failed without committing: its key is deleted, and a failing delete does not hide the error', async () => {
    const a = app();
    await launch(a);
    refuse = new Error('the store is down');
    await expect(enrol(a, 'e1')).rejects.toThrow('the store is down');
    expect(await enrolled()).toEqual([]);
    expect(keysStored()).toBe(0);
    const deleting = jest.spyOn(vault, 'delete').mockRejectedValue(new Error('keys.db is read-only'));
    try {
      refuse = new Error('the store is down again');
      await expect(enrol(a, 'e2', '9876500002')).rejects.toThrow('the store is down again');
      expect(deleting).toHaveBeenCalledTimes(1);
    } finally {
      deleting.mockRestore();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEVER } from 'rxjs';
import { StoreUnavailable } from '@tayari/shared/common/errors';
import { EsdbEventStore } from '@tayari/shared/eventstore/esdb/EsdbEventStore';
import { SqliteReadStore } from '@tayari/shared/readstore/sqlite/SqliteReadStore';
import { configFromEnv } from '@tayari/app/config';
import { chooseStores } from '@tayari/app/split/chooseStores';
import { openEventStore } from '@tayari/app/split/openEventStore';
import { openReadStore } from '@tayari/app/split/openReadStore';
import { openStores } from '@tayari/app/split/openStores';
import { positionsOf } from '@tayari/app/split/positionsOf';
import { requireServers } from '@tayari/app/split/requireServers';
import { startApi } from '@tayari/app/split/startApi';
import { closedPort } from './closedPort';
import { embeddedStores, silent, type EmbeddedStores } from './splitFixture';

const DATA = '/srv/tayari-data';
const choose = (env: NodeJS.ProcessEnv) => chooseStores(configFromEnv({ TAYARI_DATA: DATA, ...env }));

describe('chooseStores: the environment chooses the adapters', () => {
  it('no variables → the embedded SQLite event store and read store in the data folder', () => {
    expect(choose({})).toEqual({
      events: { kind: 'sqlite', file: join(DATA, 'events.db'), lock: join(DATA, 'tayari.lock') },
      reads: { kind: 'sqlite', file: join(DATA, 'read.db') },
    });
  });

  it.each([
    ['esdb://kurrentdb:2113?tls=false'],
    ['kurrentdb://kurrentdb:2113?tls=false'],
    ['esdb+discover://admin:changeit@cluster.example:2113'],
    ['kurrentdb+discover://cluster.example:2113'],
  ])('EVENTSTORE_CONNECTION_STRING=%s → eventstoredb (the read store stays embedded)', (url) => {
    expect(choose({ EVENTSTORE_CONNECTION_STRING: url })).toEqual({
      events: { kind: 'eventstoredb', connectionString: url },
      reads: { kind: 'sqlite', file: join(DATA, 'read.db') },
    });
  });

  it('MONGODB_URI → mongodb (the event store stays embedded)', () => {
    const uri = 'mongodb://mongo:27017/tayari?replicaSet=rs0';
    expect(choose({ MONGODB_URI: uri })).toEqual({
      events: { kind: 'sqlite', file: join(DATA, 'events.db'), lock: join(DATA, 'tayari.lock') },
      reads: { kind: 'mongodb', uri },
    });
    expect(choose({ MONGODB_URI: 'mongodb+srv://u:p@cluster.example/tayari' }).reads.kind).toBe('mongodb');
  });

  it('both → both servers; an empty variable counts as unset', () => {
    expect(choose({ EVENTSTORE_CONNECTION_STRING: 'esdb://a:2113', MONGODB_URI: 'mongodb://b:27017' })).toMatchObject({
      events: { kind: 'eventstoredb' },
      reads: { kind: 'mongodb' },
    });
    expect(choose({ EVENTSTORE_CONNECTION_STRING: '', MONGODB_URI: '' })).toMatchObject({ events: { kind: 'sqlite' }, reads: { kind: 'sqlite' } });
  });

  it('a malformed URL is an error naming the variable (credentials hidden), never a fallback to SQLite', () => {
    expect(() => choose({ EVENTSTORE_CONNECTION_STRING: 'http://admin:changeit@kurrentdb:2113' })).toThrow(
      'EVENTSTORE_CONNECTION_STRING must be an esdb:// or kurrentdb:// URL, not "http://***@kurrentdb:2113"',
    );
    expect(() => choose({ MONGODB_URI: 'mongo:27017' })).toThrow(/^MONGODB_URI must be a mongodb:\/\/ or mongodb\+srv:\/\/ URL/);
  });

  it('each split process says which variables it needs, and points at npm start', () => {
    expect(() => requireServers(choose({}), 'api')).toThrow(/api\.js .* needs EVENTSTORE_CONNECTION_STRING .* and MONGODB_URI .*npm start/);
    expect(() => requireServers(choose({ MONGODB_URI: 'mongodb://m' }), 'projector')).toThrow(/needs EVENTSTORE_CONNECTION_STRING/);
    expect(() => requireServers(choose({ EVENTSTORE_CONNECTION_STRING: 'esdb://e' }), 'live')).toThrow(/live\.js .* needs MONGODB_URI/);
    // The live gateway opens MongoDB only, but reads EventStoreDB positions there: it refuses clearly
    // instead of failing on the first position (a RangeError, then a restart loop).
    expect(() => requireServers(choose({ MONGODB_URI: 'mongodb://m' }), 'live')).toThrow(
      /live\.js .* needs EVENTSTORE_CONNECTION_STRING \(never opened here, but it says how the positions in MongoDB are written\)\..*npm start/,
    );
    expect(requireServers(choose({ EVENTSTORE_CONNECTION_STRING: 'esdb://e', MONGODB_URI: 'mongodb://m' }), 'live')).toEqual({
      kind: 'mongodb',
      uri: 'mongodb://m',
    });
    expect(requireServers(choose({ EVENTSTORE_CONNECTION_STRING: 'esdb://e', MONGODB_URI: 'mongodb://m' }), 'api').kind).toBe('mongodb');
  });
});

/**
 * No EventStoreDB or MongoDB server runs here: these use the real clients against a local port where
 * nothing listens, which is what "cannot be reached" looks like to them.
 */
describe('a store that cannot be reached', () => {
  it('EventStoreDB: opening fails with StoreUnavailable naming the store and the variable, credentials hidden', async () => {
    const port = await closedPort();
    const started = Date.now();
    const error: unknown = await openEventStore(
      { kind: 'eventstoredb', connectionString: `kurrentdb://admin:changeit@127.0.0.1:${port}?tls=false` },
      { timeoutMs: 1500 },
    ).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StoreUnavailable);
    const message = (error as Error).message;
    expect(message).toContain(`EventStoreDB at kurrentdb://***@127.0.0.1:${port}?tls=false cannot be reached`);
    expect(message).toContain('check EVENTSTORE_CONNECTION_STRING');
    expect(message).not.toContain('changeit');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('MongoDB: opening fails within the timeout with StoreUnavailable naming the store and the variable', async () => {
    const port = await closedPort();
    const started = Date.now();
    const error: unknown = await openReadStore(
      { kind: 'mongodb', uri: `mongodb://tayari:secret@127.0.0.1:${port}/tayari?replicaSet=rs0` },
      { timeoutMs: 500 },
    ).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StoreUnavailable);
    const message = (error as Error).message;
    expect(message).toContain(`MongoDB at mongodb://***@127.0.0.1:${port}/tayari?replicaSet=rs0 cannot be reached within 500 ms`);
    expect(message).toContain('check MONGODB_URI');
    expect(message).not.toContain('secret');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('openStores does not fall back: an unreachable MongoDB fails the whole open and closes the event store it opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tayari-choose-'));
    try {
      const choice = chooseStores({ dataDir: dir, mongoUrl: `mongodb://127.0.0.1:${await closedPort()}/?directConnection=true` });
      expect(choice.events.kind).toBe('sqlite');
      await expect(openStores(choice, { timeoutMs: 300 })).rejects.toThrow(/MongoDB at .* cannot be reached/);
      // The SQLite store and its data lock were released: it opens again at once.
      const again = await openEventStore(choice.events);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the split API over an unreachable store', () => {
  let stores: EmbeddedStores;

  beforeAll(async () => {
    stores = await embeddedStores();
  });

  afterAll(async () => {
    await stores.close();
  });

  it('answers /api/health with 503, naming EventStoreDB as the store that failed', async () => {
    // The real EventStoreDB client on a closed port (built directly: the opener would refuse to start).
    const events = new EsdbEventStore(`esdb://127.0.0.1:${await closedPort()}?tls=false`);
    const api = await startApi({
      events,
      readStore: stores.readStore,
      commits$: NEVER,
      config: stores.config,
      logger: silent,
      zeroPosition: positionsOf('eventstoredb').zero,
    });
    try {
      const response = await fetch(`${api.url}/api/health`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as {
        status: string;
        eventStore: string;
        readStore: string;
        position: unknown;
        unavailable: { store: string; error: string }[];
      };
      expect(body).toMatchObject({ status: 'degraded', eventStore: 'eventstoredb', readStore: 'sqlite', position: null });
      expect(body.unavailable).toEqual([{ store: 'eventstoredb', error: expect.stringMatching(/unavailable/i) }]);
      // A command needs the event store too: 503 problem, not a crash.
      const token = await api.verifier.issue({ sub: 'u', name: 'In-charge', role: 'incharge' }, 60);
      const command = await fetch(`${api.url}/api/tours`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'Tour', leader: 'Leader' }),
      });
      expect(command.status).toBe(503);
      expect(command.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    } finally {
      await api.close();
      await events.close();
    }
  });

  it('answers 503 naming the read store when it fails after start', async () => {
    const healthy = await embeddedStores();
    const readStore = new SqliteReadStore({ file: join(healthy.dir, 'other-read.db') });
    const api = await startApi({
      events: healthy.events,
      readStore,
      commits$: NEVER,
      config: healthy.config,
      logger: silent,
      zeroPosition: '0',
    });
    try {
      expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
      await readStore.close();
      const response = await fetch(`${api.url}/api/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'degraded', eventStore: 'sqlite', readStore: 'sqlite', unavailable: [{ store: 'sqlite' }] });
    } finally {
      await api.close();
      await healthy.close();
    }
  });
});

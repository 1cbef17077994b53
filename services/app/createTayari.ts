import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '@tayari/shared/common/clock';
import { randomIdGenerator, type IdGenerator } from '@tayari/shared/common/ids';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { TokenVerifier } from '@tayari/api/auth/TokenVerifier';
import { loadSecret } from '@tayari/api/auth/loadSecret';
import { createApi } from '@tayari/api/createApi';
import type { TayariConfig } from './config';

export interface TayariOptions {
  config: TayariConfig;
  clock?: Clock;
  ids?: IdGenerator;
}

export interface Tayari {
  server: Server;
  url: string;
  store: EventStore;
  verifier: TokenVerifier;
  secretGenerated: boolean;
  close(): Promise<void>;
}

/** The whole service in one process on the embedded store: what `npm start` runs and tests drive. */
export async function createTayari(options: TayariOptions): Promise<Tayari> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  mkdirSync(config.dataDir, { recursive: true });
  const { secret, generated } = config.jwtSecret
    ? { secret: config.jwtSecret, generated: false }
    : loadSecret({}, config.dataDir);
  const verifier = new TokenVerifier(secret, () => clock.now());
  const store = await SqliteEventStore.open({ file: join(config.dataDir, 'events.db'), lock: join(config.dataDir, 'tayari.lock'), now: () => clock.now() });
  const app = createApi({ store, clock, ids: options.ids ?? randomIdGenerator, verifier });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    server,
    url: `http://${host}:${port}`,
    store,
    verifier,
    secretGenerated: generated,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

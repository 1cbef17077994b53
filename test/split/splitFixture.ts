import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@tayari/app/logger';
import type { SplitConfig } from '@tayari/app/split/splitConfig';
import { splitConfigFromEnv } from '@tayari/app/split/splitConfig';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { SqliteReadStore } from '@tayari/shared/readstore/sqlite/SqliteReadStore';

export const SPLIT_SECRET = 'tayari-split-test-secret-0123456789abcdef';
export const SPLIT_METRICS_TOKEN = 'split-metrics-token-0123456789';
export const silent = createLogger({ level: 'silent' });

/**
 * The EMBEDDED stores standing in for the servers, for the split compositions: they take opened
 * stores, so they can run here in one process. This exercises our composition, runner, journal and
 * follower code; it does not exercise EventStoreDB or MongoDB.
 */
export interface EmbeddedStores {
  dir: string;
  config: SplitConfig;
  events: SqliteEventStore;
  readStore: SqliteReadStore;
  close(): Promise<void>;
}

export async function embeddedStores(): Promise<EmbeddedStores> {
  const dir = mkdtempSync(join(tmpdir(), 'tayari-split-'));
  const config = splitConfigFromEnv({
    PORT: '0',
    LIVE_PORT: '0',
    PROJECTOR_PORT: '0',
    HOST: '127.0.0.1',
    TAYARI_DATA: dir,
    TAYARI_DEMO: '0',
    TAYARI_JWT_SECRET: SPLIT_SECRET,
    TAYARI_RATE_LIMIT: '0',
    TAYARI_STORE_TIMEOUT_MS: '2000',
    TAYARI_METRICS_TOKEN: SPLIT_METRICS_TOKEN,
  });
  const events = await SqliteEventStore.open({ file: join(dir, 'events.db'), lock: false });
  const readStore = new SqliteReadStore({ file: join(dir, 'read.db') });
  return {
    dir,
    config,
    events,
    readStore,
    async close() {
      await readStore.close();
      await events.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

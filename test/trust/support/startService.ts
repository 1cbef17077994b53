import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv } from '@tayari/app/config';
import { createTayari, type Tayari, type TayariOptions } from '@tayari/app/createTayari';
import type { Clock } from '@tayari/shared/common/clock';
import { sequentialIdGenerator } from '@tayari/shared/common/ids';
import type { Person } from '../../support/apiHarness';

/**
 * The whole service (`createTayari`) on a temporary data folder, loopback and port 0, with the
 * environment a test chooses (e.g. `TAYARI_RATE_LIMIT`) and live gateway options (short timers).
 * Unlike test/support/apiHarness (which always turns the rate limit off), nothing is preset
 * beyond what keeps a test hermetic: no demo, a fixed JWT secret.
 */
export const SERVICE_SECRET = 'tayari-trust-test-secret-0123456789abcdefg';

export interface ServiceOptions {
  env?: Record<string, string>;
  clock?: Clock;
  live?: TayariOptions['live'];
  /** Prefix of sequential ids (deterministic ids; the default is random ids, as in production). */
  idPrefix?: string;
  /** Where the service logs (default: pino on stdout at LOG_LEVEL, warn unless the env says). */
  logger?: TayariOptions['logger'];
}

export interface Service {
  tayari: Tayari;
  dataDir: string;
  /** A signed token for `person`, valid `ttlSeconds` on the service's clock. */
  token(person: Person, ttlSeconds?: number): Promise<string>;
  /** `ws://…/ws?token=…` */
  wsUrl(token: string): string;
  close(): Promise<void>;
}

export async function startService(options: ServiceOptions = {}): Promise<Service> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tayari-trust-'));
  const config = configFromEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    TAYARI_DATA: dataDir,
    TAYARI_DEMO: '0',
    TAYARI_JWT_SECRET: SERVICE_SECRET,
    LOG_LEVEL: 'warn',
    ...options.env,
  });
  let tayari: Tayari;
  try {
    tayari = await createTayari({
      config,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...(options.idPrefix === undefined ? {} : { ids: sequentialIdGenerator(options.idPrefix) }),
      ...(options.live === undefined ? {} : { live: options.live }),
      ...(options.logger === undefined ? {} : { logger: options.logger }),
      env: options.env ?? {},
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    tayari,
    dataDir,
    token: (person, ttlSeconds = 3600) => tayari.verifier.issue(person, ttlSeconds),
    wsUrl: (token) => `${tayari.url.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(token)}`,
    async close() {
      await tayari.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

import { resolve } from 'node:path';

/** Everything Tayari reads from the environment, read once, in one place. */
export interface TayariConfig {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  jwtSecret?: string;
  eventStoreUrl?: string;
  mongoUrl?: string;
  rateLimitPerMinute: number;
  /** Express `trust proxy`: off unless TAYARI_TRUST_PROXY says how many hops (or which) to trust. */
  trustProxy: boolean | number | string;
  logLevel: string;
}

function trustProxyFrom(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function configFromEnv(env: NodeJS.ProcessEnv, cwd = process.cwd()): TayariConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`);
  const rate = Number(env.TAYARI_RATE_LIMIT ?? 600);
  if (!Number.isInteger(rate) || rate < 0) throw new Error(`TAYARI_RATE_LIMIT must be a whole number, not ${env.TAYARI_RATE_LIMIT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(cwd, env.TAYARI_DATA ?? 'data'),
    demo: env.TAYARI_DEMO !== '0',
    jwtSecret: env.TAYARI_JWT_SECRET || undefined,
    eventStoreUrl: env.EVENTSTORE_CONNECTION_STRING || undefined,
    mongoUrl: env.MONGODB_URI || undefined,
    rateLimitPerMinute: rate,
    trustProxy: trustProxyFrom(env.TAYARI_TRUST_PROXY),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

import { resolve } from 'node:path';

/** Everything Tayari reads from the environment, read once, in one place. */
export interface TayariConfig {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  jwtSecret?: string | undefined;
  eventStoreUrl?: string | undefined;
  mongoUrl?: string | undefined;
  rateLimitPerMinute: number;
  /** Express `trust proxy`: off unless TAYARI_TRUST_PROXY says how many hops (or which) to trust. */
  trustProxy: boolean | number | string;
  logLevel: string;
  /** TAYARI_METRICS_TOKEN: the bearer token that may read /metrics (in-charge JWTs may too). */
  metricsToken?: string | undefined;
  /** TAYARI_MAX_TOKEN_DAYS (default 30): tokens whose `exp` is further ahead are refused. */
  maxTokenDays: number;
}

function trustProxyFrom(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** TAYARI_MAX_TOKEN_DAYS: whole days, 1 to 366 (a longer-lived token is a leaked token for longer). */
export function maxTokenDaysFrom(value: string | undefined): number {
  if (value === undefined || value === '') return 30;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new Error(`TAYARI_MAX_TOKEN_DAYS must be a whole number of days from 1 to 366, not ${value}`);
  return days;
}

/** A guessable token would open the metrics to anyone: refuse a short one at start. */
function metricsTokenFrom(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length < 16 || /\s/.test(value)) throw new Error('TAYARI_METRICS_TOKEN must be at least 16 characters, without spaces');
  return value;
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
    metricsToken: metricsTokenFrom(env.TAYARI_METRICS_TOKEN),
    maxTokenDays: maxTokenDaysFrom(env.TAYARI_MAX_TOKEN_DAYS),
  };
}

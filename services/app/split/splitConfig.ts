import { configFromEnv, type TayariConfig } from '../config';

/** What the processes of a split set-up read from the environment beyond TayariConfig. */
export interface SplitConfig extends TayariConfig {
  /** The live gateway's port: LIVE_PORT, else PORT (8080 in its container, as docker-compose.yml expects). */
  livePort: number;
  /** The projector's health and metrics port: PROJECTOR_PORT, default 8082. */
  projectorPort: number;
  /** How long a store may take to answer at start and in a health check: TAYARI_STORE_TIMEOUT_MS, default 5000. */
  storeTimeoutMs: number;
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new Error(`${name} must be a whole number up to ${max}, not ${text}`);
  return value;
}

export function splitConfigFromEnv(env: NodeJS.ProcessEnv, cwd = process.cwd()): SplitConfig {
  const base = configFromEnv(env, cwd);
  return {
    ...base,
    livePort: whole(env, 'LIVE_PORT', base.port, 65535),
    projectorPort: whole(env, 'PROJECTOR_PORT', 8082, 65535),
    storeTimeoutMs: Math.max(1, whole(env, 'TAYARI_STORE_TIMEOUT_MS', 5000)),
  };
}

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * TAYARI_JWT_SECRET when set; otherwise a secret made once in the data folder (the embedded demo),
 * so that printed tokens keep working across restarts.
 */
export function loadSecret(env: NodeJS.ProcessEnv, dataDir: string): { secret: string; generated: boolean } {
  const fromEnv = env.TAYARI_JWT_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('TAYARI_JWT_SECRET must be at least 32 characters');
    return { secret: fromEnv, generated: false };
  }
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), generated: true };
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return { secret, generated: true };
}

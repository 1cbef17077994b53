import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const WEB = join(__dirname, '..', '..', 'services', 'web');

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(): number {
  try {
    return statSync(join(WEB, 'dist', 'public', 'app.js')).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * `npm test` builds first; a test run on its own (npx jest test/web) may find the bundle missing or
 * older than the page's sources, and then builds it (type-check included) so the browser gets the
 * code under test.
 */
export function ensurePageBuilt(): void {
  if (builtAt() >= newestSource(join(WEB, 'page'))) return;
  execFileSync(process.execPath, [join(WEB, 'build.js')], { stdio: 'inherit' });
}

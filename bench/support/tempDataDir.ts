import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh folder under BENCH_TMPDIR (default: the system's temp folder), removed by `remove()` (kept
 * with BENCH_KEEP=1). It must be on a real disk: on tmpfs an fsync costs nothing and the durable
 * write path would look faster than it is.
 */
export function tempDataDir(label: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(process.env.BENCH_TMPDIR ?? tmpdir(), `tayari-bench-${label}-`));
  return {
    path,
    remove: () => {
      if (process.env.BENCH_KEEP !== '1') rmSync(path, { recursive: true, force: true });
    },
  };
}

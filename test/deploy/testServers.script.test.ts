import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run test:servers` on a machine without Docker: it says so, names what it did not run, and
 * fails only when asked to require servers. (With Docker it starts the dev databases; that path
 * cannot run here.) An empty PATH stands for "no docker command".
 */
const script = join(__dirname, '..', 'servers', 'testServers.js');

function runWithoutDocker(args: string[], env: Record<string, string> = {}) {
  const emptyBin = mkdtempSync(join(tmpdir(), 'tayari-nodocker-'));
  try {
    return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { PATH: emptyBin, ...env } });
  } finally {
    rmSync(emptyBin, { recursive: true, force: true });
  }
}

describe('npm run test:servers without Docker', () => {
  test('says so, names the suites it did not run, and exits 0', () => {
    const result = runWithoutDocker([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('test:servers: no Docker engine on this machine: no docker command (ENOENT)');
    expect(result.stdout).toContain('NOT RUN: shared/eventstore/esdb, shared/readstore/mongo, test/split');
    expect(result.stdout).toContain('--require-docker');
  });

  test('exits 1 when asked to require servers (flag or TAYARI_REQUIRE_SERVERS=1)', () => {
    expect(runWithoutDocker(['--require-docker']).status).toBe(1);
    const byEnv = runWithoutDocker([], { TAYARI_REQUIRE_SERVERS: '1' });
    expect(byEnv.status).toBe(1);
    expect(byEnv.stdout).toContain('failing');
  });
});

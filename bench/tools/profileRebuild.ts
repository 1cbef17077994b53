import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ReplayReply, ReplayRequest } from '../children/replay';
import { BenchChild } from '../support/BenchChild';
import { seedDataDir } from '../support/seedDataDir';
import { summariseProfiles } from '../support/summariseProfiles';
import { tempDataDir } from '../support/tempDataDir';

/**
 * `node bench/dist/tools/profileRebuild.js [events]`: generates a history of that many events
 * (default 100,000), rebuilds the read models under `node --cpu-prof`, and prints the top frames.
 */
async function main(): Promise<void> {
  const events = Number(process.argv[2] ?? 100_000);
  const dir = tempDataDir('profile-rebuild');
  const profiles = join(__dirname, '..', '..', 'profiles', 'rebuild-tool');
  rmSync(profiles, { recursive: true, force: true });
  mkdirSync(profiles, { recursive: true });
  try {
    const seeded = await seedDataDir({ type: 'history', dataDir: dir.path, events });
    const child = new BenchChild<ReplayRequest, ReplayReply>('replay', ['--cpu-prof', `--cpu-prof-dir=${profiles}`]);
    const result = await child.ask({ type: 'rebuild', dataDir: dir.path }, 'replayed', 3_600_000);
    await child.stop();
    console.log(
      `rebuilt ${result.events} of ${seeded.events} events in ${(result.ms / 1000).toFixed(2)} s: ${Math.round(result.events / (result.ms / 1000))} events/s`,
    );
    summariseProfiles(profiles, true);
  } finally {
    dir.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

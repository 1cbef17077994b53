import { join } from 'node:path';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { SqliteReadStore } from '@tayari/shared/readstore/sqlite/SqliteReadStore';
import { rebuildReadModels, type RebuildProgress } from '@tayari/projections/rebuild/rebuildReadModels';
import { configFromEnv } from './config';
import { progressLine } from './progressLine';

/**
 * `npm run rebuild`: drops the embedded read models and replays every event. Takes the data
 * folder's lock, so it refuses to run while the service does (stop it first). Shows a progress bar
 * on a terminal, and a plain line a second otherwise.
 */
async function main(): Promise<void> {
  const config = configFromEnv(process.env);
  if (config.eventStoreUrl || config.mongoUrl) {
    throw new Error('npm run rebuild rebuilds the embedded read store; with EVENTSTORE_CONNECTION_STRING or MONGODB_URI set, run the projections process with its rebuild option');
  }
  const events = await SqliteEventStore.open({ file: join(config.dataDir, 'events.db'), lock: join(config.dataDir, 'tayari.lock'), writer: 'inline' });
  const readStore = new SqliteReadStore({ file: join(config.dataDir, 'read.db') });
  const tty = process.stdout.isTTY === true;
  let lastDraw = 0;
  const report = (progress: RebuildProgress, final = false) => {
    const now = Date.now();
    if (!final && now - lastDraw < (tty ? 100 : 1000)) return;
    lastDraw = now;
    const line = progressLine(progress, { bar: tty });
    if (tty) process.stdout.write(`\r${line}\x1b[K${final ? '\n' : ''}`);
    else console.log(line);
  };
  try {
    console.log(`Rebuilding the read models in ${join(config.dataDir, 'read.db')} from ${join(config.dataDir, 'events.db')}`);
    let last: RebuildProgress | undefined;
    const result = await rebuildReadModels({
      events,
      readStore,
      onProgress: (progress) => {
        last = progress;
        report(progress);
      },
    });
    if (last) report(last, true);
    const seconds = result.elapsedMs / 1000;
    const rate = seconds > 0 ? Math.round(result.applied / seconds) : result.applied;
    console.log(`Rebuilt from ${result.applied} events in ${seconds.toFixed(2)} s (${rate} events/s), position ${result.position ?? 'none'}.`);
  } finally {
    await readStore.close();
    await events.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

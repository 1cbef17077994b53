import type { RebuildProgress } from '@tayari/projections/rebuild/rebuildReadModels';
import { progressLine } from '../progressLine';
import { chooseStores, describeStore } from './chooseStores';
import { openStores } from './openStores';
import { rebuildStores } from './rebuildStores';
import { splitConfigFromEnv } from './splitConfig';

/**
 * `npm run rebuild` on the configured stores: the embedded ones by default (taking the data folder's
 * lock, so it refuses to run beside `npm start`), or EVENTSTORE_CONNECTION_STRING / MONGODB_URI.
 * Against MongoDB, stop the projector first (`docker compose stop projector`): nothing locks it out.
 */
async function main(): Promise<void> {
  const config = splitConfigFromEnv(process.env);
  const choice = chooseStores(config);
  console.log(`Rebuilding the read models in ${describeStore(choice.reads)} from ${describeStore(choice.events)}`);
  if (choice.reads.kind === 'mongodb') console.log('The projector must be stopped while this runs (docker compose stop projector).');
  const stores = await openStores(choice, { sqliteWriter: 'inline', timeoutMs: config.storeTimeoutMs });
  const tty = process.stdout.isTTY === true;
  let lastDraw = 0;
  let last: RebuildProgress | undefined;
  const report = (progress: RebuildProgress, final = false) => {
    const now = Date.now();
    if (!final && now - lastDraw < (tty ? 100 : 1000)) return;
    lastDraw = now;
    const line = progressLine(progress, { bar: tty });
    if (tty) process.stdout.write(`\r${line}\x1b[K${final ? '\n' : ''}`);
    else console.log(line);
  };
  try {
    const result = await rebuildStores({
      events: stores.events,
      readStore: stores.readStore,
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
    await stores.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

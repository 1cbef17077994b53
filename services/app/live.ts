import { liveOptionsFromEnv } from '@tayari/live/LiveOptions';
import { CheckpointWatch } from './split/CheckpointWatch';
import { chooseStores, describeStore } from './split/chooseStores';
import { mongoBoardChanges } from './split/mongoBoardChanges';
import { openMongo } from './split/openMongo';
import { positionsOf } from './split/positionsOf';
import { requireSecret } from './split/requireSecret';
import { requireServers } from './split/requireServers';
import { runProcess } from './split/runProcess';
import { startLive } from './split/startLive';

/**
 * `node services/app/dist/live.js`: the websocket gateway on its own (docker-compose.yml's `live`),
 * on LIVE_PORT (else PORT), reading boards from MONGODB_URI; it never connects to the event store.
 */
runProcess('live', async ({ config, logger, closers }) => {
  const choice = chooseStores(config);
  const reads = requireServers(choice, 'live');
  requireSecret(config.jwtSecret);
  logger.info({ readStore: describeStore(reads) }, 'opening the read store');
  const mongo = await openMongo(reads, config.storeTimeoutMs);
  closers.add(() => mongo.close());
  const checkpointWatch = new CheckpointWatch();
  const live = await startLive({
    readStore: mongo,
    commits$: mongo.watchCheckpoints({
      onRetry: (retry) => {
        checkpointWatch.onRetry(retry);
        logger.warn({ err: retry.error, attempt: retry.attempt, delayMs: retry.delayMs }, 'checkpoint change stream failed; resuming');
      },
      onState: checkpointWatch.onState,
    }),
    checkpointWatch,
    journal: mongoBoardChanges(mongo),
    positions: positionsOf(choice.events.kind),
    config,
    logger,
    live: liveOptionsFromEnv(process.env),
  });
  closers.add(() => live.close());
  return { url: live.url };
});

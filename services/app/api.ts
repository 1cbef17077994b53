import { systemClock } from '@tayari/shared/common/clock';
import { loadDemo } from './demo/loadDemo';
import { CheckpointWatch } from './split/CheckpointWatch';
import { chooseStores, describeStore } from './split/chooseStores';
import { mongoBoardChanges } from './split/mongoBoardChanges';
import { openEventStore } from './split/openEventStore';
import { openKeyVault } from './split/openKeyVault';
import { openMongo } from './split/openMongo';
import { positionsOf } from './split/positionsOf';
import { requireSecret } from './split/requireSecret';
import { requireServers } from './split/requireServers';
import { runProcess } from './split/runProcess';
import { startApi } from './split/startApi';

/**
 * `node services/app/dist/api.js`: commands and reads on their own (docker-compose.yml's `api`),
 * over EVENTSTORE_CONNECTION_STRING and MONGODB_URI; the projector and the live gateway run elsewhere.
 */
runProcess('api', async ({ config, logger, closers }) => {
  const choice = chooseStores(config);
  const reads = requireServers(choice, 'api');
  requireSecret(config.jwtSecret);
  logger.info({ eventStore: describeStore(choice.events), readStore: describeStore(reads) }, 'opening the stores');
  const events = await openEventStore(choice.events, { timeoutMs: config.storeTimeoutMs });
  closers.add(() => events.close());
  const mongo = await openMongo(reads, config.storeTimeoutMs);
  closers.add(() => mongo.close());
  // Enrolment keys in the same MongoDB, collection `enrolmentKeys` (README, "Personal data").
  const vault = await openKeyVault(reads, config.dataDir, config.storeTimeoutMs);
  closers.add(() => vault.close());
  const checkpointWatch = new CheckpointWatch();
  if (config.demo) {
    const demo = await loadDemo({ store: events, clock: systemClock });
    if (demo.commands > 0) logger.info({ commands: demo.commands, events: demo.events }, 'demo loaded into the empty event store');
  }
  const api = await startApi({
    events,
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
    vault,
    config,
    logger,
    zeroPosition: positionsOf(choice.events.kind).zero,
  });
  closers.add(() => api.close());
  return { url: api.url };
});

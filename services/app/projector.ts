import { chooseStores, describeStore } from './split/chooseStores';
import { openEventStore } from './split/openEventStore';
import { openMongo } from './split/openMongo';
import { positionsOf } from './split/positionsOf';
import { requireServers } from './split/requireServers';
import { runProcess } from './split/runProcess';
import { startProjector } from './split/startProjector';

/**
 * `node services/app/dist/projector.js`: the projections on their own (docker-compose.yml's
 * `projector`), from EventStoreDB's $all into MongoDB; health and metrics on PROJECTOR_PORT (8082).
 */
runProcess('projector', async ({ config, logger, closers }) => {
  const choice = chooseStores(config);
  const reads = requireServers(choice, 'projector');
  logger.info({ eventStore: describeStore(choice.events), readStore: describeStore(reads) }, 'opening the stores');
  const events = await openEventStore(choice.events, { timeoutMs: config.storeTimeoutMs });
  closers.add(() => events.close());
  const mongo = await openMongo(reads, config.storeTimeoutMs);
  closers.add(() => mongo.close());
  const projector = await startProjector({ events, readStore: mongo, config, logger, zeroPosition: positionsOf(choice.events.kind).zero });
  closers.add(() => projector.close());
  return { url: projector.url };
});

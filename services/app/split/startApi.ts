import { createServer, type Server } from 'node:http';
import type { Observable } from 'rxjs';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '@tayari/shared/common/clock';
import { randomIdGenerator, type IdGenerator } from '@tayari/shared/common/ids';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import type { CommitNotice } from '@tayari/projections/stored/ModelFollower';
import { readBoardChanges, type BoardChangeReader } from '@tayari/projections/stored/readBoardChanges';
import { StoredReadSide } from '@tayari/projections/stored/StoredReadSide';
import { TokenVerifier } from '@tayari/api/auth/TokenVerifier';
import { createApi } from '@tayari/api/createApi';
import { createReadRouter } from '@tayari/api/reads/createReadRouter';
import { serveWeb } from '@tayari/web/serveWeb';
import { Metrics } from '../metrics';
import { apiHealthRouter } from './apiHealthRouter';
import { eventLag } from './eventLag';
import { listen } from './listen';
import { requireSecret } from './requireSecret';
import type { SplitConfig } from './splitConfig';

export interface ApiProcessDeps {
  /** Opened stores; the caller closes them after `close()`. */
  events: EventStore;
  readStore: ReadStore;
  /** The projector's commits (in production, the read store's checkpoint change stream). */
  commits$: Observable<CommitNotice>;
  /** How the board-change journal is read. Default: through the ReadStore port. */
  journal?: BoardChangeReader;
  config: Pick<SplitConfig, 'port' | 'host' | 'jwtSecret' | 'rateLimitPerMinute' | 'trustProxy' | 'storeTimeoutMs'>;
  logger: Logger;
  /** The position before any event, as the event store writes positions. */
  zeroPosition: string;
  clock?: Clock;
  ids?: IdGenerator;
}

export interface ApiProcess {
  server: Server;
  url: string;
  readSide: StoredReadSide;
  verifier: TokenVerifier;
  metrics: Metrics;
  close(): Promise<void>;
}

/**
 * The API on its own: commands to the event store, reads from the read store that a projector in
 * another process writes (StoredReadSide follows it, so `?minPosition` waits for the projector's
 * commit), health of both stores, metrics, and the page. No projection runs here.
 */
export async function startApi(deps: ApiProcessDeps): Promise<ApiProcess> {
  const { events, readStore, config, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const verifier = new TokenVerifier(requireSecret(config.jwtSecret), () => clock.now());
  const readSide = await StoredReadSide.start({
    readStore,
    journal: deps.journal ?? readBoardChanges(readStore),
    commits$: deps.commits$,
    comparePositions: (a, b) => events.comparePositions(a, b),
    zeroPosition: deps.zeroPosition,
    clock,
    onError: (error, attempt) => logger.warn({ err: error, attempt }, 'reading the read store failed; retrying'),
  });
  try {
    const metrics = new Metrics({ projectionLag: async () => eventLag(await events.headPosition(), readSide.position()) });
    const app = createApi({
      store: events,
      clock,
      ids: deps.ids ?? randomIdGenerator,
      verifier,
      reads: createReadRouter({ readSide }),
      open: apiHealthRouter({ events, readSide, zeroPosition: deps.zeroPosition, timeoutMs: config.storeTimeoutMs }),
      after: [metrics.handler(), serveWeb()],
      rateLimitPerMinute: config.rateLimitPerMinute,
      trustProxy: config.trustProxy,
      logError: (error, context) => logger.error({ err: error, ...context }, 'request failed'),
      logAccess: (entry) => logger.debug(entry, 'request'),
      observeCommand: metrics.observeCommand,
    });
    const server = createServer(app);
    const listening = await listen(server, config.port, config.host);
    return {
      server,
      url: listening.url,
      readSide,
      verifier,
      metrics,
      async close() {
        await listening.close();
        readSide.stop();
      },
    };
  } catch (error) {
    readSide.stop();
    throw error;
  }
}

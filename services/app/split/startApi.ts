import { createServer, type Server } from 'node:http';
import type { Observable } from 'rxjs';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '@tayari/shared/common/clock';
import { randomIdGenerator, type IdGenerator } from '@tayari/shared/common/ids';
import { keyringFrom } from '@tayari/shared/common/Keyring';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import { noVault, type KeyVault } from '@tayari/shared/drives/vault/KeyVault';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import type { CommitNotice } from '@tayari/projections/stored/ModelFollower';
import type { BoardChangeReader } from '@tayari/projections/stored/readBoardChanges';
import type { StoredReadSide } from '@tayari/projections/stored/StoredReadSide';
import { TokenVerifier } from '@tayari/api/auth/TokenVerifier';
import { Metrics } from '../metrics';
import { serviceApp } from '../serviceApp';
import { apiHealthRouter } from './apiHealthRouter';
import type { CheckpointWatch } from './CheckpointWatch';
import { eventLag } from './eventLag';
import { followReadStore } from './followReadStore';
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
  config: Pick<SplitConfig, 'port' | 'host' | 'jwtSecret' | 'rateLimitPerMinute' | 'trustProxy' | 'storeTimeoutMs' | 'metricsToken' | 'maxTokenDays'>;
  logger: Logger;
  /** The position before any event, as the event store writes positions. */
  zeroPosition: string;
  clock?: Clock;
  ids?: IdGenerator;
  /** How `commits$` (the change stream) stands, for health. */
  checkpointWatch?: CheckpointWatch;
  /** Enrolment keys (opened and closed by the caller); without one, enrolling is refused. */
  vault?: KeyVault;
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
  const { events, config, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const secret = requireSecret(config.jwtSecret);
  const verifier = new TokenVerifier(secret, () => clock.now(), { maxTokenDays: config.maxTokenDays });
  const readSide = await followReadStore({
    ...deps,
    comparePositions: (a, b) => events.comparePositions(a, b),
    clock,
  });
  try {
    const metrics = new Metrics({ projectionLag: async () => eventLag(await events.headPosition(), readSide.position()) });
    const app = serviceApp({
      store: events,
      clock,
      ids: deps.ids ?? randomIdGenerator,
      verifier,
      keys: keyringFrom(secret),
      vault: deps.vault ?? noVault,
      readSide,
      health: apiHealthRouter({ events, readSide, zeroPosition: deps.zeroPosition, timeoutMs: config.storeTimeoutMs, checkpointWatch: deps.checkpointWatch }),
      metrics,
      config,
      logger,
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

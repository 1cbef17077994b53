import { createServer, type Server } from 'node:http';
import type { Observable } from 'rxjs';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '@tayari/shared/common/clock';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import type { CommitNotice } from '@tayari/projections/stored/ModelFollower';
import type { BoardChangeReader } from '@tayari/projections/stored/readBoardChanges';
import type { StoredReadSide } from '@tayari/projections/stored/StoredReadSide';
import { TokenVerifier } from '@tayari/api/auth/TokenVerifier';
import { createLiveGateway, type LiveGateway } from '@tayari/live/createLiveGateway';
import type { LiveOptions } from '@tayari/live/LiveOptions';
import { Metrics } from '../metrics';
import { metricsAccess } from '../metricsAccess';
import { followReadStore } from './followReadStore';
import { listen } from './listen';
import type { CheckpointWatch } from './CheckpointWatch';
import { liveHealthRouter } from './liveHealthRouter';
import type { PositionOrder } from './positionsOf';
import { requireSecret } from './requireSecret';
import type { SplitConfig } from './splitConfig';
import { statusApp } from './statusApp';

export interface LiveProcessDeps {
  /** An opened read store; the caller closes it after `close()`. The event store is never needed. */
  readStore: ReadStore;
  /** The projector's commits (in production, the read store's checkpoint change stream). */
  commits$: Observable<CommitNotice>;
  /** How the board-change journal is read. Default: through the ReadStore port. */
  journal?: BoardChangeReader;
  /** The event store's position order, known from the configuration. */
  positions: PositionOrder;
  config: Pick<SplitConfig, 'livePort' | 'host' | 'jwtSecret' | 'storeTimeoutMs' | 'metricsToken' | 'maxTokenDays'>;
  logger: Logger;
  clock?: Clock;
  /** Gateway options (from the environment, see liveOptionsFromEnv; tests shorten timers). */
  live?: Partial<LiveOptions>;
  /** How `commits$` (the change stream) stands, for health. */
  checkpointWatch?: CheckpointWatch;
}

export interface LiveProcess {
  server: Server;
  url: string;
  readSide: StoredReadSide;
  gateway: LiveGateway;
  verifier: TokenVerifier;
  close(): Promise<void>;
}

/**
 * The live gateway on its own port: boards built from the read store's documents (StoredReadSide,
 * told of each commit, reads only the documents the board-change journal names), pushed over `/ws`
 * to the boards someone watches; `/api/health` and `/metrics` beside it.
 */
export async function startLive(deps: LiveProcessDeps): Promise<LiveProcess> {
  const { config, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const verifier = new TokenVerifier(requireSecret(config.jwtSecret), () => clock.now(), { maxTokenDays: config.maxTokenDays });
  const readSide = await followReadStore({
    ...deps,
    comparePositions: deps.positions.compare,
    zeroPosition: deps.positions.zero,
    clock,
  });
  let gateway: LiveGateway | undefined;
  try {
    const metrics = new Metrics({ live: () => gateway?.stats() ?? { connections: 0, messagesSent: 0 } });
    const health = liveHealthRouter({
      readSide,
      connections: () => gateway?.stats().connections ?? 0,
      timeoutMs: config.storeTimeoutMs,
      checkpointWatch: deps.checkpointWatch,
    });
    const server = createServer(statusApp(health, metrics, metricsAccess({ token: config.metricsToken, verifier })));
    const live = createLiveGateway({
      server,
      boards: readSide,
      verifier,
      clock,
      people: (id) => readSide.person(id),
      options: { log: (message, error) => logger.warn({ err: error }, message), ...deps.live },
    });
    gateway = live;
    const listening = await listen(server, config.livePort, config.host).catch(async (error: unknown) => {
      await live.close();
      throw error;
    });
    return {
      server,
      url: listening.url,
      readSide,
      gateway: live,
      verifier,
      async close() {
        // Upgraded sockets keep the server open: the gateway closes them first.
        await live.close();
        await listening.close();
        readSide.stop();
      },
    };
  } catch (error) {
    readSide.stop();
    throw error;
  }
}

import { createServer, type Server } from 'node:http';
import { Gauge } from 'prom-client';
import type { Logger } from 'pino';
import { systemClock } from '@tayari/shared/common/clock';
import type { LateEventCompensator } from '@tayari/shared/compensation/LateEventCompensator';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import { TokenVerifier } from '@tayari/api/auth/TokenVerifier';
import { Metrics } from '../metrics';
import { metricsAccess } from '../metricsAccess';
import { eventLag } from './eventLag';
import { listen } from './listen';
import { projectorHealthRouter } from './projectorHealthRouter';
import { RunnerSupervisor, type RunnerSupervisorOptions } from './RunnerSupervisor';
import { startCompensator } from './startCompensator';
import type { SplitConfig } from './splitConfig';
import { statusApp } from './statusApp';

export interface ProjectorProcessDeps {
  /** Opened stores; the caller closes them after `close()`. */
  events: EventStore;
  readStore: ReadStore;
  config: Pick<SplitConfig, 'projectorPort' | 'host' | 'storeTimeoutMs' | 'metricsToken' | 'jwtSecret' | 'maxTokenDays'>;
  logger: Logger;
  zeroPosition: string;
  /** Supervisor knobs (tests shorten the waits). */
  runner?: Pick<RunnerSupervisorOptions, 'retry' | 'journalRetention' | 'maxBatch'>;
}

export interface ProjectorProcess {
  supervisor: RunnerSupervisor;
  compensator: LateEventCompensator;
  server: Server;
  url: string;
  metrics: Metrics;
  close(): Promise<void>;
}

/**
 * The projections on their own: a supervised runner from the event store's `$all` into the read
 * store, writing the board-change journal with every batch for the API and the live gateway, plus
 * a small HTTP server (PROJECTOR_PORT) for `/api/health` and `/metrics`. The late-event compensator
 * runs here too: one projector follows `$all` per deployment, while API replicas may be many.
 */
export async function startProjector(deps: ProjectorProcessDeps): Promise<ProjectorProcess> {
  const { events, readStore, config, logger } = deps;
  const supervisor = await RunnerSupervisor.start({
    events,
    readStore,
    zeroPosition: deps.zeroPosition,
    ...deps.runner,
    onRestart: (error, attempt, delayMs) => logger.warn({ err: error, attempt, delayMs }, 'projections stopped; restarting from the stored checkpoints'),
    onFailed: (error) => logger.fatal({ err: error }, 'projections stopped at an event they cannot apply'),
  });
  let compensator: LateEventCompensator | undefined;
  try {
    compensator = await startCompensator({ events, readStore, clock: systemClock, logger });
    const started = compensator;
    const metrics = new Metrics({ projectionLag: async () => eventLag(await events.headPosition(), supervisor.position()) });
    new Gauge({
      name: 'tayari_projector_running',
      help: '1 while the projection runner runs, 0 while it restarts or has stopped',
      registers: [metrics.registry],
      collect() {
        this.set(supervisor.state === 'running' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'tayari_late_events_compensated',
      help: 'Task and duty events that landed after their programme or stop was cancelled, cancelled since the process started',
      registers: [metrics.registry],
      collect() {
        this.set(started.compensations);
      },
    });
    new Gauge({
      name: 'tayari_projector_restarts',
      help: 'Runner restarts since the process started',
      registers: [metrics.registry],
      collect() {
        this.set(supervisor.restarts);
      },
    });
    const health = projectorHealthRouter({ events, readStore, supervisor, compensator: started, timeoutMs: config.storeTimeoutMs });
    // The projector needs no JWT secret; given one, in-charge tokens may read its metrics too.
    const verifier = config.jwtSecret === undefined ? undefined : new TokenVerifier(config.jwtSecret, () => new Date(), { maxTokenDays: config.maxTokenDays });
    const server = createServer(statusApp(health, metrics, metricsAccess({ token: config.metricsToken, verifier })));
    const listening = await listen(server, config.projectorPort, config.host);
    return {
      supervisor,
      compensator: started,
      server,
      url: listening.url,
      metrics,
      async close() {
        await listening.close();
        await started.stop();
        await supervisor.stop();
      },
    };
  } catch (error) {
    await compensator?.stop();
    await supervisor.stop();
    throw error;
  }
}

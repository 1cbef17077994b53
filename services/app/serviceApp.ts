import type { Express, Router } from 'express';
import type { Logger } from 'pino';
import type { Clock } from '@tayari/shared/common/clock';
import type { IdGenerator } from '@tayari/shared/common/ids';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import type { ReadSide } from '@tayari/projections/ReadSide';
import type { TokenVerifier } from '@tayari/api/auth/TokenVerifier';
import { createApi } from '@tayari/api/createApi';
import { createReadRouter } from '@tayari/api/reads/createReadRouter';
import { serveWeb } from '@tayari/web/serveWeb';
import type { TayariConfig } from './config';
import type { Metrics } from './metrics';
import { metricsAccess } from './metricsAccess';

export interface ServiceAppDeps {
  store: EventStore;
  clock: Clock;
  ids: IdGenerator;
  verifier: TokenVerifier;
  readSide: ReadSide;
  /** `GET /api/health`, open to all. */
  health: Router;
  metrics: Metrics;
  config: Pick<TayariConfig, 'rateLimitPerMinute' | 'trustProxy' | 'metricsToken'>;
  logger: Logger;
}

/**
 * The HTTP app of a process that serves the API (`npm start` and the split `api.js`): commands, the
 * reads of `readSide`, health, `/metrics` (TAYARI_METRICS_TOKEN or in-charge tokens) and the page, with errors and requests logged to `logger`.
 */
export function serviceApp(deps: ServiceAppDeps): Express {
  const { metrics, config, logger } = deps;
  return createApi({
    store: deps.store,
    // The embedded store's data lock makes this process its only writer.
    exclusiveWriter: deps.store.kind === 'sqlite',
    clock: deps.clock,
    ids: deps.ids,
    verifier: deps.verifier,
    reads: createReadRouter({ readSide: deps.readSide }),
    open: deps.health,
    after: [metrics.handler(metricsAccess({ token: config.metricsToken, verifier: deps.verifier })), serveWeb()],
    rateLimitPerMinute: config.rateLimitPerMinute,
    trustProxy: config.trustProxy,
    logError: (error, context) => logger.error({ err: error, ...context }, 'request failed'),
    logAccess: (entry) => logger.debug(entry, 'request'),
    observeCommand: metrics.observeCommand,
  });
}

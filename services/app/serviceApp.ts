import { Router, type Express } from 'express';
import type { Logger } from 'pino';
import type { Clock } from '@tayari/shared/common/clock';
import type { IdGenerator } from '@tayari/shared/common/ids';
import type { Keyring } from '@tayari/shared/common/Keyring';
import type { KeyVault } from '@tayari/shared/drives/vault/KeyVault';
import type { Application } from '@tayari/shared/application/Application';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import type { ReadSide } from '@tayari/projections/ReadSide';
import type { TokenVerifier } from '@tayari/api/auth/TokenVerifier';
import { createApi } from '@tayari/api/createApi';
import { createDriveRouter } from '@tayari/api/reads/createDriveRouter';
import { createDriveListRouter } from '@tayari/api/reads/createDriveListRouter';
import { createPeopleRouter } from '@tayari/api/reads/createPeopleRouter';
import { createReadRouter } from '@tayari/api/reads/createReadRouter';
import { createTemplatesRouter } from '@tayari/api/reads/createTemplatesRouter';
import { serveWeb } from '@tayari/web/serveWeb';
import type { TayariConfig } from './config';
import type { Metrics } from './metrics';
import { metricsAccess } from './metricsAccess';

export interface ServiceAppDeps {
  store: EventStore;
  clock: Clock;
  ids: IdGenerator;
  verifier: TokenVerifier;
  /** Keys derived from the server's secret: invitations and sign-in. */
  keys: Keyring;
  /** Enrolment keys: commands seal with them, the in-charges' list opens with them. */
  vault: KeyVault;
  /** The process's application, when the caller issues commands of its own (the demo's invitations). */
  application?: Application;
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
    keys: deps.keys,
    vault: deps.vault,
    ...(deps.application ? { application: deps.application } : {}),
    people: (id) => deps.readSide.person(id),
    reads: Router().use(
      createReadRouter({ readSide: deps.readSide }),
      createPeopleRouter({ readSide: deps.readSide, clock: deps.clock }),
      createTemplatesRouter({ readSide: deps.readSide }),
      createDriveRouter({ readSide: deps.readSide, vault: deps.vault }),
      createDriveListRouter({ readSide: deps.readSide }),
    ),
    open: deps.health,
    after: [metrics.handler(metricsAccess({ token: config.metricsToken, verifier: deps.verifier })), serveWeb()],
    rateLimitPerMinute: config.rateLimitPerMinute,
    trustProxy: config.trustProxy,
    logError: (error, context) => logger.error({ err: error, ...context }, 'request failed'),
    logAccess: (entry) => logger.debug(entry, 'request'),
    observeCommand: metrics.observeCommand,
  });
}

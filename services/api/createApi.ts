import { randomUUID } from 'node:crypto';
import express, { type Router } from 'express';
import type { Clock } from '@tayari/shared/common/clock';
import type { IdGenerator } from '@tayari/shared/common/ids';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import type { TokenVerifier } from './auth/TokenVerifier';
import { CommandBus } from './commands/CommandBus';
import { commandRoutes } from './commands/commandRoutes';
import { authenticate } from './http/authenticate';
import { commandHandler } from './http/commandHandler';
import { errorHandler, notFound, type ErrorLogger } from './http/errorHandler';
import { KeyedLock } from './http/KeyedLock';
import { requireJson } from './http/requireJson';
import { openApiDocument } from './openapi/openApiDocument';

export interface ApiDeps {
  store: EventStore;
  clock: Clock;
  ids: IdGenerator;
  verifier: TokenVerifier;
  /** GET endpoints that need a token (the read side), mounted under /api. */
  reads?: Router;
  /** GET endpoints open to all (health), mounted under /api before authentication. */
  open?: Router;
  /** Mounted first, for every request (headers, rate limits, metrics). */
  before?: express.RequestHandler[];
  logError?: ErrorLogger;
}

/** The HTTP API: commands (and, when given, reads) under /api, errors as problem+json. */
export function createApi(deps: ApiDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req, res, next) => {
    const requestId = req.get('X-Request-Id')?.slice(0, 100) || randomUUID();
    res.locals.requestId = requestId;
    res.set('X-Request-Id', requestId);
    next();
  });
  for (const handler of deps.before ?? []) app.use(handler);

  const api = express.Router();
  const document = openApiDocument(commandRoutes);
  api.get('/openapi.json', (_req, res) => res.json(document));
  if (deps.open) api.use(deps.open);
  api.use(authenticate(deps.verifier));
  if (deps.reads) api.use(deps.reads);

  const bus = new CommandBus({ store: deps.store, clock: deps.clock });
  const handlerDeps = { bus, idempotency: deps.store.idempotency, clock: deps.clock, ids: deps.ids, lock: new KeyedLock() };
  for (const route of commandRoutes) api.post(route.path, ...requireJson(), commandHandler(route, handlerDeps));

  app.use('/api', api);
  app.use('/api', notFound);
  app.use(errorHandler(deps.logError ?? ((error) => console.error(error))));
  return app;
}

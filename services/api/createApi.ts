import { randomUUID } from 'node:crypto';
import express, { type RequestHandler, type Router } from 'express';
import helmet from 'helmet';
import type { Clock } from '@tayari/shared/common/clock';
import type { IdGenerator } from '@tayari/shared/common/ids';
import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import type { Keyring } from '@tayari/shared/common/Keyring';
import type { KeyVault } from '@tayari/shared/drives/vault/KeyVault';
import { SignIn } from '@tayari/shared/people/SignIn';
import type { PersonLookup } from './auth/accessRefusal';
import { AUTH_PATHS } from './auth/authOperations';
import { createAuthRouter } from './auth/createAuthRouter';
import type { TokenVerifier } from './auth/TokenVerifier';
import { Application } from '@tayari/shared/application/Application';
import { COMMANDS } from '@tayari/shared/application/aggregates';
import { accessLog, type AccessLogEntry } from './http/accessLog';
import { identify, requireActor } from './http/authenticate';
import { BATCH_PATH, batchHandler } from './http/batchHandler';
import { commandHandler, type CommandObserver } from './http/commandHandler';
import { errorHandler, notFound, type ErrorLogger } from './http/errorHandler';
import { methodNotAllowed, type Endpoint } from './http/methodNotAllowed';
import { rateLimitBySubject } from './http/rateLimitBySubject';
import { requireJson } from './http/requireJson';
import { openApiDocument } from './openapi/openApiDocument';
import { READ_OPERATIONS } from './openapi/readOperations';

export interface ApiDeps {
  store: EventStore;
  /** True when no other process appends to `store`: folded stream states are then kept in memory. */
  exclusiveWriter?: boolean;
  clock: Clock;
  ids: IdGenerator;
  verifier: TokenVerifier;
  /** Keys derived from the server's secret (invitation codes, refresh tokens); without them sign-in is off. */
  keys?: Keyring;
  /** Where enrolment keys live (SPEC v2 "the enrolment drive"); without one, enrolling is refused. */
  vault?: KeyVault;
  /** The write side's application, when the caller keeps one (to issue commands of its own on the same bus). */
  application?: Application;
  /** People as the read models hold them, from memory: revoked people and stale tokens are refused. */
  people?: PersonLookup;
  /** GET endpoints that need a token (the read side), mounted under /api. */
  reads?: Router;
  /** Endpoints open to all (health), mounted under /api before authentication. */
  open?: Router;
  /** Mounted at the root after the API (the page's files, /metrics). */
  after?: RequestHandler[];
  /** Requests a minute per token (or IP without one); 0 = off. Default 600. */
  rateLimitPerMinute?: number;
  /** Express's `trust proxy`; off unless configured, so X-Forwarded-For cannot pick a rate-limit key. */
  trustProxy?: boolean | number | string;
  logError?: ErrorLogger;
  logAccess?: (entry: AccessLogEntry) => void;
  observeCommand?: CommandObserver;
}

/** Security headers for the API and the page: everything from this origin, websockets to it. */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      connectSrc: ["'self'", 'ws:', 'wss:'],
      imgSrc: ["'self'", 'data:'],
      styleSrc: ["'self'"],
      scriptSrc: ["'self'"],
    },
  },
});

const OPENAPI_PATH = '/openapi.json';

/** Every endpoint this API serves, from the route tables that mount them (paths under /api). */
function endpointsOf(deps: Pick<ApiDeps, 'reads' | 'open'>): Endpoint[] {
  const reads = READ_OPERATIONS.filter((op) => (op.open ? deps.open : deps.reads) !== undefined);
  return [
    { method: 'GET', path: OPENAPI_PATH },
    ...reads.map((op): Endpoint => ({ method: 'GET', path: op.path.replace(/^\/api/, '') })),
    ...COMMANDS.map((command): Endpoint => ({ method: 'POST', path: command.path })),
    ...AUTH_PATHS.map((path): Endpoint => ({ method: 'POST', path })),
    { method: 'POST', path: BATCH_PATH },
  ];
}

/** The HTTP API: commands and reads under /api, errors as problem+json. */
export function createApi(deps: ApiDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use((req, res, next) => {
    const requestId = /^[\w.-]{1,100}$/.test(req.get('X-Request-Id') ?? '') ? String(req.get('X-Request-Id')) : randomUUID();
    res.locals.requestId = requestId;
    res.set('X-Request-Id', requestId);
    next();
  });
  if (deps.logAccess) app.use(accessLog(deps.logAccess));
  app.use(securityHeaders);

  const api = express.Router();
  api.use(identify(deps.verifier, deps.people));
  api.use(rateLimitBySubject(deps.rateLimitPerMinute ?? 600));
  const document = openApiDocument(COMMANDS);
  api.get(OPENAPI_PATH, (_req, res) => res.json(document));
  // One application per process: its bus keeps the folded states of the streams this process writes.
  const application =
    deps.application ??
    new Application({ store: deps.store, clock: deps.clock, ids: deps.ids, exclusive: deps.exclusiveWriter, keys: deps.keys, vault: deps.vault });
  if (deps.open) api.use(deps.open);
  if (deps.keys) {
    const signIn = new SignIn({ bus: application.bus, keys: deps.keys, clock: deps.clock, ids: deps.ids });
    api.use(createAuthRouter({ signIn, verifier: deps.verifier, clock: deps.clock }));
  }
  api.use(requireActor);
  if (deps.reads) api.use(deps.reads);

  for (const command of COMMANDS) api.post(command.path, ...requireJson(), commandHandler(command, application, deps.observeCommand));
  // A batch holds up to 200 commands of up to 64 KiB each in principle; 1 MiB carries any real queue.
  const logError = deps.logError ?? ((error: unknown) => console.error(error));
  api.post(
    BATCH_PATH,
    ...requireJson(1024),
    batchHandler(application, (error) => logError(error, { method: 'POST', path: `/api${BATCH_PATH}` })),
  );

  app.use('/api', api);
  app.use('/api', methodNotAllowed(endpointsOf(deps)));
  app.use('/api', notFound);
  for (const handler of deps.after ?? []) app.use(handler);
  app.use(errorHandler(deps.logError ?? ((error) => console.error(error))));
  return app;
}

import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { BoardSource } from '@tayari/projections/BoardSource';
import { systemClock, type Clock } from '@tayari/shared/common/clock';
import type { TokenVerifier, VerifiedToken } from '@tayari/api/auth/TokenVerifier';
import { accessRefusal, type PersonLookup } from '@tayari/api/auth/accessRefusal';
import { HttpProblem } from '@tayari/api/http/Problem';
import { compactFilter } from '@tayari/projections/boards/BoardFilterSchema';
import { filterRefusal } from '@tayari/projections/boards/boardFilter';
import { mineBoardName } from '@tayari/projections/boards/mineBoard';
import { LiveConnection } from './LiveConnection';
import { LiveHub } from './LiveHub';
import { defaultLiveOptions, type LiveOptions } from './LiveOptions';
import { LiveCounters, type LiveStats } from './LiveStats';
import { originAllowed } from './originAllowed';
import { parseBoardName } from './parseBoardName';
import { parseClientMessage } from './parseClientMessage';
import { refuseUpgrade } from './refuseUpgrade';
import { scopeSubscription } from './scopeSubscription';
import { TokenBucket } from './TokenBucket';

export interface LiveGatewayDeps {
  /** The API's server: the gateway answers its upgrades on `options.path`. */
  server: Server;
  boards: BoardSource;
  verifier: Pick<TokenVerifier, 'verify'>;
  /** Token expiry and the message rate limit follow it. Default: the system clock. */
  clock?: Clock;
  options?: Partial<LiveOptions>;
  /** People as the read models hold them: sockets of revoked people, or tokens made before a role change, are closed (4401). */
  people?: PersonLookup;
}

export interface LiveGateway {
  /** Stops accepting, closes every socket (1001) and stops watching boards; the HTTP server stays up. */
  close(): Promise<void>;
  stats(): LiveStats;
}

/** Close code for a token that expired while the socket was open (4000–4999: for applications). */
export const TOKEN_EXPIRED = 4401;

const bearer = (header: string | undefined) => /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];

/** The live boards websocket (SPEC.md, "Live boards"), on the API's port. */
export function createLiveGateway(deps: LiveGatewayDeps): LiveGateway {
  const { server, boards, verifier } = deps;
  const clock = deps.clock ?? systemClock;
  const options: LiveOptions = { ...defaultLiveOptions, ...deps.options };
  const counters = new LiveCounters();
  const hub = new LiveHub({ ...options, boards, counters, now: () => clock.now().getTime() });
  // Compression is per socket (ws deflates each send): only frames above the threshold (snapshots)
  // are compressed, and no context is kept between messages, so an idle socket holds no zlib window.
  const perMessageDeflate =
    options.deflateThresholdBytes > 0
      ? {
          threshold: options.deflateThresholdBytes,
          serverNoContextTakeover: true,
          clientNoContextTakeover: true,
          zlibDeflateOptions: { level: 6, memLevel: 7 },
        }
      : false;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes, perMessageDeflate, clientTracking: false });
  const connections = new Set<LiveConnection>();
  /** What each socket's token said, checked again against the people model. */
  const tokens = new Map<LiveConnection, VerifiedToken>();
  const perSubject = new Map<string, number>();
  const stale = new Set<LiveConnection>();
  let drainTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const refuse = (socket: Duplex, status: number, rule: string, detail: string, headers?: Record<string, string>) => {
    counters.refused(status);
    refuseUpgrade(socket, status, rule, detail, headers);
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://localhost');
    } catch {
      url = new URL('http://localhost/');
    }
    if (url.pathname !== options.path) {
      // Someone else's path: another upgrade listener may want it; if there is none, nobody will.
      if (server.listeners('upgrade').length === 1) refuse(socket, 404, 'not-found', `no websocket at ${url.pathname}`);
      return;
    }
    // Node removes its own error listener on upgrade; without one a reset during the checks would crash.
    const onSocketError = () => socket.destroy();
    socket.on('error', onSocketError);
    admit(request, socket, head, url, onSocketError).catch((error: unknown) => {
      options.log('websocket handshake failed', error);
      refuse(socket, 500, 'internal', 'the handshake failed');
    });
  };

  const admit = async (request: IncomingMessage, socket: Duplex, head: Buffer, url: URL, onSocketError: () => void) => {
    const token = url.searchParams.get('token') ?? bearer(request.headers.authorization);
    const unauthorized = { 'WWW-Authenticate': 'Bearer realm="tayari"' };
    if (!token) return refuse(socket, 401, 'unauthorized', 'send the token as /ws?token=<JWT>', unauthorized);
    let verified: VerifiedToken;
    try {
      verified = await verifier.verify(token);
    } catch (error) {
      const detail = error instanceof HttpProblem ? error.problem.detail : 'the token is not valid';
      return refuse(socket, 401, 'unauthorized', detail, unauthorized);
    }
    const refusal = deps.people && accessRefusal(verified, deps.people);
    if (refusal !== undefined) return refuse(socket, 401, refusal.rule, refusal.detail, unauthorized);
    if (socket.destroyed) return;
    if (closed) return refuse(socket, 503, 'closing', 'the server is closing');
    if (!originAllowed(request.headers.origin, request.headers.host, options.allowedOrigins)) {
      return refuse(socket, 403, 'origin-not-allowed', `pages from ${request.headers.origin} may not open live boards`);
    }
    const subject = verified.actor.sub;
    const open = perSubject.get(subject) ?? 0;
    if (open >= options.maxConnectionsPerSubject) {
      return refuse(socket, 429, 'too-many-connections', `at most ${options.maxConnectionsPerSubject} live connections per person`);
    }
    // Counted from here, so that concurrent handshakes cannot overshoot; released when the TCP socket
    // closes, which covers a handshake that ws then refuses as well as a socket that was open.
    perSubject.set(subject, open + 1);
    socket.once('close', () => {
      const left = (perSubject.get(subject) ?? 1) - 1;
      if (left > 0) perSubject.set(subject, left);
      else perSubject.delete(subject);
    });
    wss.handleUpgrade(request, socket, head, (ws) => {
      socket.off('error', onSocketError);
      accept(ws, verified);
    });
  };

  const accept = (ws: WebSocket, verified: VerifiedToken) => {
    const connection = new LiveConnection(ws, verified.actor, {
      comparePositions: (a, b) => boards.comparePositions(a, b),
      current: (board) => hub.current(board),
      maxBufferedBytes: options.maxBufferedBytes,
      counters,
      onStale: watchDrain,
    });
    connections.add(connection);
    tokens.set(connection, verified);
    const bucket = new TokenBucket(options.messagesPerSecond, options.messageBurst, () => clock.now().getTime());
    const cancelExpiry = clock.at(new Date(verified.exp * 1000), () => ws.close(TOKEN_EXPIRED, 'token expired'));
    ws.on('pong', () => {
      connection.awaitingPongs = 0;
    });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!bucket.take()) return rateLimited(connection);
      connection.refusedInRow = 0;
      onMessage(connection, data, isBinary);
    });
    // ws has already closed the socket (1009 for an oversized message, 1002 for a protocol error).
    ws.on('error', () => undefined);
    ws.once('close', () => {
      cancelExpiry();
      connections.delete(connection);
      tokens.delete(connection);
      stale.delete(connection);
      hub.drop(connection);
    });
  };

  const rateLimited = (connection: LiveConnection) => {
    connection.refusedInRow++;
    if (connection.refusedInRow > options.messageBurst) {
      connection.socket.close(1008, 'too many messages');
      return;
    }
    connection.sendError('rate-limited', `send at most ${options.messagesPerSecond} messages a second; this one was ignored`);
  };

  const onMessage = (connection: LiveConnection, data: RawData, isBinary: boolean) => {
    const parsed = parseClientMessage(data, isBinary);
    if (!parsed.ok) return connection.sendError(parsed.code, parsed.message);
    const { message } = parsed;
    // `mine` is each connection's own person's board: watched under the token's sub, never another's.
    const board = message.board === 'mine' ? mineBoardName(connection.actor.sub) : parseBoardName(message.board);
    if (board === undefined) {
      return connection.sendError('unknown-board', 'boards are readiness, attention, posts, mine, programme:<id>, wing:<code> and drive:<id>', message.board);
    }
    if (message.type === 'unsubscribe') return hub.unsubscribe(connection, board);
    const filter = compactFilter(message.filter ?? {});
    const refusal = filterRefusal(board, filter);
    if (refusal !== undefined) return connection.sendError('bad-message', refusal, board);
    // A person acting for a unit: the same narrowing as the GETs, decided here, in message order.
    const scoped = scopeSubscription(connection.actor, boards, board, filter);
    if ('refused' in scoped) return connection.sendError('forbidden', scoped.refused, board);
    hub.subscribe(connection, board, scoped.filter, message.since);
  };

  const watchDrain = (connection: LiveConnection) => {
    stale.add(connection);
    drainTimer ??= setInterval(() => {
      for (const waiting of stale) if (waiting.tryRecover()) stale.delete(waiting);
      if (stale.size === 0) {
        clearInterval(drainTimer);
        drainTimer = undefined;
      }
    }, options.drainCheckMs).unref();
  };

  // One timer for every socket: a ping per period; two unanswered pings and the socket is cut off.
  const pingTimer = setInterval(() => {
    for (const { socket, awaitingPongs } of connections) {
      if (awaitingPongs >= 2) {
        counters.unresponsiveTerminated++;
        socket.terminate();
      }
    }
    for (const connection of connections) {
      if (connection.socket.readyState !== WebSocket.OPEN) continue;
      connection.awaitingPongs++;
      connection.socket.ping();
    }
  }, options.pingIntervalMs).unref();

  // Revocation reaches open sockets within one period (SPEC: 60 s); a map lookup per socket.
  const people = deps.people;
  const accessTimer =
    people &&
    setInterval(() => {
      for (const [connection, verified] of tokens) {
        const refusal = accessRefusal(verified, people);
        if (refusal !== undefined) connection.socket.close(TOKEN_EXPIRED, refusal.rule);
      }
    }, options.accessCheckMs).unref();

  server.on('upgrade', onUpgrade);

  return {
    async close() {
      if (closed) return;
      closed = true;
      server.off('upgrade', onUpgrade);
      clearInterval(pingTimer);
      clearInterval(accessTimer);
      clearInterval(drainTimer);
      hub.close();
      await Promise.all([...connections].map((connection) => closeSocket(connection.socket, options.closeTimeoutMs)));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
    stats() {
      return {
        connections: connections.size,
        subscriptions: hub.subscriptionCounts(),
        staleConnections: stale.size,
        messagesSent: counters.messagesSent,
        bytesSent: counters.bytesSent,
        droppedBacklogs: counters.droppedBacklogs,
        messagesDropped: counters.messagesDropped,
        boardReads: counters.boardReads,
        boardRenders: counters.boardRenders,
        refusedUpgrades: { ...counters.refusedUpgrades },
        unresponsiveTerminated: counters.unresponsiveTerminated,
      };
    },
  };
}

/** Closes with 1001 (going away); a client that does not answer the close handshake is cut off. */
function closeSocket(ws: WebSocket, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) return resolve();
    const timer = setTimeout(() => ws.terminate(), timeoutMs);
    ws.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    ws.close(1001, 'server closing');
  });
}

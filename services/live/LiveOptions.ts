/** Every knob of the live gateway, with its default. */
export interface LiveOptions {
  /** The upgrade path the gateway answers. Default `/ws`. */
  path: string;
  /**
   * Origins (`scheme://host[:port]`) a browser may connect from; `*` allows any. Default undefined:
   * only the origin whose host equals the request's Host header. Requests without an Origin header
   * (non-browser clients) are always allowed: browsers always send one on a websocket handshake.
   */
  allowedOrigins: string[] | undefined;
  /** Open sockets per token subject (`sub`); the next handshake is refused with 429. Default 20. */
  maxConnectionsPerSubject: number;
  /** Boards one connection may watch at once. Default 50. */
  maxSubscriptionsPerConnection: number;
  /** Largest client message; above it ws closes the socket with 1009. Default 16 KiB. */
  maxPayloadBytes: number;
  /** Token bucket for client messages: refill rate per second. Default 20. */
  messagesPerSecond: number;
  /** Token bucket size; also how many refused messages in a row are tolerated before closing with 1008. Default 40. */
  messageBurst: number;
  /** A board is pushed at most once per window; the first change of a quiet board goes out at once. Default 100 ms. */
  coalesceMs: number;
  /** A socket with more than this waiting to be written is "stale": its pushes are dropped until it drains. Default 1 MiB. */
  maxBufferedBytes: number;
  /** How often stale sockets are checked for having drained. Default 250 ms. */
  drainCheckMs: number;
  /** Ping period; a socket that has not answered the last two pings is terminated. Default 30 s. */
  pingIntervalMs: number;
  /** How often open sockets are checked against revocations and role changes (SPEC: effective within 60 s). */
  accessCheckMs: number;
  /** How long close() waits for clients to answer the close handshake before cutting them off. Default 1 s. */
  closeTimeoutMs: number;
  /** After a failed board read, the board is read again this much later. Default 1 s. */
  readRetryMs: number;
  /**
   * How long a board's patches are kept for clients that resume with `since` (and a board nobody
   * watches any more keeps following its changes). Default 5 minutes.
   */
  patchRetentionMs: number;
  /** At most this many patches are kept per board, whatever their age. Default 3,000 (5 minutes at 10 a second). */
  maxPatches: number;
  /**
   * permessage-deflate for frames of at least this many bytes (snapshots; patches are smaller), without
   * context takeover so that a socket holds no compression window between messages. 0 turns it off.
   * Default 1024.
   */
  deflateThresholdBytes: number;
  /** Where unexpected failures (a board read that throws) are reported. Default console.warn. */
  log: (message: string, error?: unknown) => void;
}

export const defaultLiveOptions: LiveOptions = {
  path: '/ws',
  allowedOrigins: undefined,
  maxConnectionsPerSubject: 20,
  maxSubscriptionsPerConnection: 50,
  maxPayloadBytes: 16 * 1024,
  messagesPerSecond: 20,
  messageBurst: 40,
  coalesceMs: 100,
  maxBufferedBytes: 1024 * 1024,
  drainCheckMs: 250,
  pingIntervalMs: 30_000,
  accessCheckMs: 15_000,
  closeTimeoutMs: 1_000,
  readRetryMs: 1_000,
  patchRetentionMs: 5 * 60_000,
  maxPatches: 3_000,
  deflateThresholdBytes: 1024,
  log: (message, error) => console.warn(`live: ${message}`, error ?? ''),
};

/** The options the environment sets: `TAYARI_ALLOWED_ORIGINS` (comma-separated origins, or `*`). */
export function liveOptionsFromEnv(env: NodeJS.ProcessEnv): Partial<LiveOptions> {
  const raw = env.TAYARI_ALLOWED_ORIGINS?.trim();
  if (!raw) return {};
  const allowedOrigins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '')
    .map((origin) => {
      if (origin === '*') return origin;
      try {
        return new URL(origin).origin;
      } catch {
        throw new Error(`TAYARI_ALLOWED_ORIGINS: ${origin} is not an origin (scheme://host[:port])`);
      }
    });
  return { allowedOrigins };
}

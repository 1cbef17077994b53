/**
 * The websocket client of the live boards (SPEC "Live boards", protocol v2): watches boards, each
 * with at most one filter (SPEC v2 board filters; one per board per socket), and after a drop
 * reconnects with backoff and resubscribes each board with its filter and `since` = the last position
 * it got for that same board and filter, so that it ends in the same state as a client that never
 * left. Applying what arrives (snapshots, merge patches) is the caller's, under the board key
 * (boardKey) the message belongs to; it asks for `resubscribe` when a patch shows a gap.
 *
 * Messages name the board, not the filter, and after a filter change on an open socket the old
 * filter's frames may still be on their way (or the answer to an earlier subscribe may never come,
 * the server having replaced it). So a socket only ever carries one filter per board: changing a
 * board's filter starts a new socket at once, and frames of the old one are dropped unread. A
 * filtered board and the whole board are never mixed, and `since` always names the same filter's chain.
 */
import { boardKey } from '@tayari/shared/contract/boardKey';
import { parseLiveMessage, type BoardMessage, type LiveErrorMessage } from './parseLiveMessage';
import type { BoardFilter } from './types';

export type { BoardMessage, LiveErrorMessage };

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface LiveClientOptions {
  /** The socket's address; a function is asked again at each connect (the token in it may have been renewed). */
  url: string | (() => string);
  /**
   * The server closed the socket with 4401 (`access-revoked`, `token-stale`, `token expired`): resolves
   * true when a fresh token is in place (the socket reconnects), false to stop. Without it, the
   * socket reconnects with backoff as after any drop.
   */
  onRefused?: (reason: string) => Promise<boolean>;
  /** The last position the page got from the socket under a board key, sent as `since` on (re)subscribe. */
  sinceOf: (key: string) => string | undefined;
  /** A snapshot or patch of a watched board, with the key (board and filter) it belongs to. */
  onBoard: (message: BoardMessage, key: string) => void;
  onState: (state: ConnectionState) => void;
  /** An error; `key` when it names a watched board. */
  onError?: (error: LiveErrorMessage, key: string | undefined) => void;
}

/** A watched board: its filter and the key the page holds it under. */
interface Watched {
  filter?: BoardFilter;
  key: string;
}

/** Reconnect delays by failures so far; after the last, the longest repeats. */
const BACKOFF_MS = [300, 1000, 2000, 4000, 8000];
const LONGEST_BACKOFF_MS = 15000;
/** The close code of a socket whose token no longer speaks for its person (SPEC v2 "people and access"). */
const ACCESS_CLOSE = 4401;

export class LiveClient {
  private socket: WebSocket | undefined;
  private readonly boards = new Map<string, Watched>();
  /** Per board, the key subscribed on the current socket (kept after unwatch: its frames may still come). */
  private readonly subscribed = new Map<string, string>();
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Until start(), and after stop(): no event (the tab shown, the network back) may open a socket. */
  private stopped = true;
  /** start() opens the socket once: a page that stopped it (its session ended) never opens it again. */
  private started = false;
  private state: ConnectionState = 'connecting';

  constructor(private readonly options: LiveClientOptions) {
    addEventListener('online', () => this.networkBack());
    addEventListener('offline', () => this.setState('offline'));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.reconnectNow();
    });
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000, 'page closed');
  }

  /**
   * Watches a board through a filter (none: the whole board): subscribes now when connected, and on
   * every reconnect. Watching a board with another filter than the socket has carried for it
   * replaces the socket (see above); its other boards resume with `since`.
   */
  watch(board: string, filter?: BoardFilter): void {
    const key = boardKey(board, filter);
    if (this.boards.get(board)?.key === key) return;
    this.boards.set(board, filter ? { filter, key } : { key });
    const carried = this.subscribed.get(board);
    if (carried !== undefined && carried !== key) this.replaceSocket();
    else this.sendSubscribe(board);
  }

  /** The key of a watched board (its name and filter). */
  keyOf(board: string): string | undefined {
    return this.boards.get(board)?.key;
  }

  /**
   * Asks again for a watched board, with its filter and without `since`: the server answers with a
   * fresh snapshot (used after a patch whose `from` is not what the page holds). When offline, the
   * reconnect does it.
   */
  resubscribe(board: string): void {
    const watched = this.boards.get(board);
    if (watched) this.sendJson(subscribeMessage(board, watched.filter));
  }

  unwatch(board: string): void {
    if (!this.boards.delete(board)) return;
    this.sendJson({ type: 'unsubscribe', board });
  }

  get connection(): ConnectionState {
    return this.state;
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.options.onState(state);
  }

  private sendJson(message: object): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** Subscribes a watched board on the open socket, with `since` from the chain of the same board and filter. */
  private sendSubscribe(board: string): void {
    const watched = this.boards.get(board);
    if (!watched) return;
    if (this.sendJson(subscribeMessage(board, watched.filter, this.options.sinceOf(watched.key)))) this.subscribed.set(board, watched.key);
  }

  /** A frame of the current socket, handed on under its board's key (the only one this socket carries for it). */
  private received(raw: unknown): void {
    const message = parseLiveMessage(raw);
    if (!message) return;
    const watched = message.board === undefined ? undefined : this.boards.get(message.board);
    if (message.type === 'error') {
      this.options.onError?.(message, watched?.key);
      return;
    }
    // Unwatched: frames that were on their way. Another key: cannot be, but never hand on a mismatch.
    if (!watched || this.subscribed.get(message.board) !== watched.key) return;
    this.options.onBoard(message, watched.key);
  }

  /**
   * The network is back. A socket that lived through the drop says nothing about it (the state would
   * stay 'offline' while updates arrive) and may be dead without knowing: a fresh one resumes each
   * board with `since` and turns the state to 'live' as soon as it opens.
   */
  private networkBack(): void {
    if (this.stopped) return;
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000, 'network back');
    clearTimeout(this.timer);
    this.failures = 0;
    this.setState('reconnecting');
    this.connect();
  }

  private reconnectNow(): void {
    if (this.stopped || this.socket) return;
    clearTimeout(this.timer);
    this.connect();
  }

  /**
   * A board's filter changed: a new socket at once (the state stays as it is unless that one fails),
   * so nothing of the old filter can arrive under the new one.
   */
  private replaceSocket(): void {
    const socket = this.socket;
    if (!socket) return; // not connected: the next socket subscribes the new filter
    this.socket = undefined;
    socket.close(1000, 'filter changed');
    clearTimeout(this.timer);
    this.connect();
  }

  private connect(): void {
    if (this.stopped) return;
    this.timer = undefined;
    this.subscribed.clear();
    let socket: WebSocket;
    try {
      const { url } = this.options;
      socket = new WebSocket(typeof url === 'function' ? url() : url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      this.failures = 0;
      for (const board of this.boards.keys()) this.sendSubscribe(board);
      this.setState('live');
    });
    socket.addEventListener('message', (event: MessageEvent) => {
      if (this.socket === socket) this.received(event.data);
    });
    // 'error' is always followed by 'close', where the reconnect happens.
    socket.addEventListener('close', (event: CloseEvent) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      const { onRefused } = this.options;
      if (event.code !== ACCESS_CLOSE || !onRefused) return this.scheduleReconnect();
      this.setState('reconnecting');
      void onRefused(event.reason).then((renewed) => (renewed ? this.scheduleReconnect() : this.stop()));
    });
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.setState(navigator.onLine === false ? 'offline' : 'reconnecting');
    const base = BACKOFF_MS[this.failures] ?? LONGEST_BACKOFF_MS;
    this.failures++;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), base + Math.random() * base * 0.3);
  }
}

/** `{"type":"subscribe","board","filter"?,"since"?}`: SPEC "Live boards". */
function subscribeMessage(board: string, filter: BoardFilter | undefined, since?: string): object {
  return { type: 'subscribe', board, ...(filter ? { filter } : {}), ...(since === undefined ? {} : { since }) };
}

/**
 * The websocket client of the live boards (SPEC "Live boards", protocol v2): watches boards, and
 * after a drop reconnects with backoff and resubscribes each board with `since` = the last position
 * it got, so that it ends in the same state as a client that never left. Applying what arrives
 * (snapshots, merge patches) is the caller's: it asks for `resubscribe` when a patch shows a gap.
 */
import { parseLiveMessage, type BoardMessage, type LiveErrorMessage } from './parseLiveMessage';

export type { BoardMessage, LiveErrorMessage };

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface LiveClientOptions {
  url: string;
  /** The last position the page got from the socket for a board, sent as `since` on (re)subscribe. */
  sinceOf: (board: string) => string | undefined;
  onBoard: (message: BoardMessage) => void;
  onState: (state: ConnectionState) => void;
  onError?: (error: LiveErrorMessage) => void;
}

const BACKOFF_MS = [300, 1000, 2000, 4000, 8000, 15000];

export class LiveClient {
  private socket: WebSocket | undefined;
  private readonly boards = new Set<string>();
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private state: ConnectionState = 'connecting';

  constructor(private readonly options: LiveClientOptions) {
    addEventListener('online', () => this.reconnectNow());
    addEventListener('offline', () => this.setState('offline'));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.reconnectNow();
    });
  }

  start(): void {
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

  /** Watches a board: subscribes now when connected, and on every reconnect. */
  watch(board: string): void {
    if (this.boards.has(board)) return;
    this.boards.add(board);
    this.sendSubscribe(board);
  }

  /**
   * Asks again for a watched board without `since`: the server answers with a fresh snapshot (used
   * after a patch whose `from` is not what the page holds). When offline, the reconnect does it.
   */
  resubscribe(board: string): void {
    if (this.boards.has(board)) this.sendJson({ type: 'subscribe', board });
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

  private sendJson(message: object): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private sendSubscribe(board: string): void {
    const since = this.options.sinceOf(board);
    this.sendJson(since === undefined ? { type: 'subscribe', board } : { type: 'subscribe', board, since });
  }

  private reconnectNow(): void {
    if (this.stopped || this.socket) return;
    clearTimeout(this.timer);
    this.connect();
  }

  private connect(): void {
    if (this.stopped) return;
    this.timer = undefined;
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.options.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      this.failures = 0;
      for (const board of this.boards) this.sendSubscribe(board);
      this.setState('live');
    });
    socket.addEventListener('message', (event: MessageEvent) => {
      if (this.socket !== socket) return;
      const message = parseLiveMessage(event.data);
      if (message?.type === 'error') this.options.onError?.(message);
      else if (message) this.options.onBoard(message);
    });
    // 'error' is always followed by 'close', where the reconnect happens.
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.setState(navigator.onLine === false ? 'offline' : 'reconnecting');
    const base = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)];
    this.failures++;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), base + Math.random() * base * 0.3);
  }
}

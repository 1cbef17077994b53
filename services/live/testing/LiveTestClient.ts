import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocket, type ClientOptions } from 'ws';
import { applyMergePatch } from '@tayari/shared/contract/mergePatch';

/** A message as the gateway sends it, loosely typed for assertions. */
export interface Received {
  type: string;
  board?: string;
  position?: string;
  from?: string;
  data?: unknown;
  patch?: unknown;
  code?: string;
  message?: string;
}

export interface Refusal {
  status: number;
  contentType: string | undefined;
  body: string;
}

/** A real `ws` client that records what it gets and can wait for a message or the close. */
export class LiveTestClient {
  readonly received: Received[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.received.push(JSON.parse(data.toString()) as Received);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /**
   * The board as a client holds it after applying, in order, the last snapshot and the patches after
   * it; throws when a patch's `from` is not the position held (the client would have to resubscribe).
   */
  boardAt(board: string): { position: string; data: unknown } | undefined {
    let held: { position: string; data: unknown } | undefined;
    for (const m of this.received) {
      if (m.board !== board) continue;
      if (m.type === 'snapshot') held = { position: String(m.position), data: m.data };
      else if (m.type === 'patch') {
        if (!held || held.position !== m.from) throw new Error(`patch from ${m.from} on ${held?.position ?? 'nothing'}`);
        held = { position: String(m.position), data: applyMergePatch(held.data, m.patch) };
      }
    }
    return held;
  }

  /** Opens a socket; rejects with the HTTP refusal when the handshake is refused. */
  static connect(url: string, options: ClientOptions = {}): Promise<LiveTestClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, options);
      const client = new LiveTestClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_request, response: IncomingMessage) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () =>
          reject(
            Object.assign(new Error(`refused ${response.statusCode}`), {
              refusal: { status: response.statusCode ?? 0, contentType: response.headers['content-type'], body },
            }),
          ),
        );
      });
      ws.once('error', reject);
    });
  }

  /** The HTTP refusal of a handshake that must fail. */
  static async refusal(url: string, options: ClientOptions = {}): Promise<Refusal> {
    try {
      const client = await LiveTestClient.connect(url, options);
      client.ws.terminate();
    } catch (error) {
      const { refusal } = error as { refusal?: Refusal };
      if (refusal !== undefined) return refusal;
      throw error;
    }
    throw new Error('the handshake was accepted');
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  subscribe(board: string, since?: string): void {
    this.send({ type: 'subscribe', board, ...(since === undefined ? {} : { since }) });
  }

  /** Waits for the first message from `from` on (an index into received) that matches. */
  async next(match: (message: Received) => boolean = () => true, timeoutMs = 2000, from = 0): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.slice(from).find(match);
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message in ${timeoutMs} ms; got ${JSON.stringify(this.received).slice(0, 500)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The messages about one board, in order. */
  about(board: string): Received[] {
    return this.received.filter((message) => message.board === board);
  }

  /** The underlying TCP socket, to stop reading (a slow client) and start again. */
  get tcp(): Socket {
    return (this.ws as unknown as { _socket: Socket })._socket;
  }

  close(): Promise<{ code: number; reason: string }> {
    this.ws.close();
    return this.closed;
  }
}

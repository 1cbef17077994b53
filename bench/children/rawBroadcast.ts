import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { serveParent } from '../support/serveParent';

/** `welcome`: sent to each client as it connects, as Tayari sends a snapshot on subscribe. */
export type RawBroadcastRequest = { type: 'start'; welcome: Buffer } | { type: 'broadcast'; frame: Buffer };
export type RawBroadcastReply = { type: 'listening'; url: string } | { type: 'sent'; clients: number };

let wss: WebSocketServer | undefined;

/**
 * The fan-out baseline: a bare `ws` server that sends the bytes it is given to every client with
 * the plain broadcast loop, as text frames, with nothing else to do.
 */
serveParent<RawBroadcastRequest, RawBroadcastReply>(async (request, reply) => {
  if (request.type === 'start') {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
    wss = server;
    const welcome = request.welcome;
    server.on('connection', (ws) => ws.send(welcome, { binary: false }));
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    return reply({ type: 'listening', url: `ws://127.0.0.1:${port}/` });
  }
  if (!wss) throw new Error('start the server first');
  let clients = 0;
  for (const client of wss.clients) {
    client.send(request.frame, { binary: false });
    clients++;
  }
  reply({ type: 'sent', clients });
});

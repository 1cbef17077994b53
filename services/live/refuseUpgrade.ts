import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem } from '@tayari/api/http/Problem';

/**
 * Answers a websocket handshake with a plain HTTP error and a problem+json body, before any upgrade:
 * browsers then see the status in the failed handshake, other clients can read the body.
 */
export function refuseUpgrade(socket: Duplex, status: number, rule: string, detail: string, headers: Record<string, string> = {}): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(problem(status, rule, detail));
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  // Destroy once flushed: ending alone would leave a half-open socket if the client never closes.
  socket.once('finish', () => socket.destroy());
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

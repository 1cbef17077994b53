import { nth } from '@tayari/shared/testing/nth';
import WebSocket from 'ws';
import { pushHead } from '../support/pushHead';
import { serveParent } from '../support/serveParent';
import { wallMs } from '../support/wallMs';

export type WatchersRequest =
  | {
      type: 'connect';
      /** ws://host:port/ws (a token is added per client when `tokens` is not empty). */
      url: string;
      tokens: string[];
      /** Per client, the boards it subscribes to; empty lists for a raw server that just broadcasts. */
      boards: string[][];
      /** Handshakes in flight at once. */
      concurrency: number;
      /** Keep the bytes of every push the first client receives (to replay them from a raw server). */
      captureFrames: boolean;
    }
  /** Forgets what arrived so far (after a warm-up). */
  | { type: 'reset' }
  | { type: 'report' }
  | { type: 'close' };

/** The pushes one client received on one board, in arrival order. */
export interface BoardArrivals {
  client: number;
  board: string;
  positions: Float64Array;
  /** wallMs() at arrival. */
  times: Float64Array;
}

export type WatchersReply =
  | { type: 'connected'; clients: number; ms: number }
  | {
      type: 'report';
      arrivals: BoardArrivals[];
      frames: { board: string; position: string; frame: Buffer }[];
      errors: string[];
      closedEarly: number;
      messages: number;
      bytes: number;
      /** Event-loop utilisation since connect or reset: near 1, this process limited what it measured. */
      utilisation: number;
    }
  | { type: 'reset' }
  | { type: 'closed' };

/** Arrivals of one (client, board), in growable arrays. */
class Track {
  positions: number[] = [];
  times: number[] = [];
}

const clients: WebSocket[] = [];
const tracks: Map<string, Track>[] = [];
const frames: { board: string; position: string; frame: Buffer }[] = [];
const errors: string[] = [];
let closedEarly = 0;
let closing = false;
let messages = 0;
let bytes = 0;
let since = performance.eventLoopUtilization();

/**
 * Many websocket clients in one process: they subscribe, then only note when each push arrives and
 * which position it carries (read from the message head, never parsing the board), so that receiving
 * stays cheap next to what the server does to send.
 */
serveParent<WatchersRequest, WatchersReply>(async (request, reply) => {
  switch (request.type) {
    case 'connect': {
      const started = performance.now();
      await connectAll(request);
      since = performance.eventLoopUtilization();
      reply({ type: 'connected', clients: clients.length, ms: performance.now() - started });
      return;
    }
    case 'reset': {
      for (const byBoard of tracks) byBoard?.clear();
      frames.length = 0;
      messages = 0;
      bytes = 0;
      since = performance.eventLoopUtilization();
      reply({ type: 'reset' });
      return;
    }
    case 'report': {
      const arrivals: BoardArrivals[] = [];
      tracks.forEach((byBoard, client) => {
        for (const [board, track] of byBoard)
          arrivals.push({ client, board, positions: Float64Array.from(track.positions), times: Float64Array.from(track.times) });
      });
      const utilisation = performance.eventLoopUtilization(since).utilization;
      reply({ type: 'report', arrivals, frames, errors: errors.slice(0, 20), closedEarly, messages, bytes, utilisation });
      return;
    }
    case 'close': {
      closing = true;
      await Promise.all(
        clients.map(
          (ws) =>
            new Promise<void>((resolve) => {
              if (ws.readyState === WebSocket.CLOSED) return resolve();
              ws.once('close', () => resolve());
              ws.terminate();
            }),
        ),
      );
      reply({ type: 'closed' });
      return;
    }
  }
});

async function connectAll(request: Extract<WatchersRequest, { type: 'connect' }>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < request.boards.length) {
      const index = next++;
      await connectOne(request, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(request.concurrency, request.boards.length) }, worker));
}

/** Resolves once the client is open and has its first message (the snapshot) on every board it asked for. */
function connectOne(request: Extract<WatchersRequest, { type: 'connect' }>, index: number): Promise<void> {
  const token = request.tokens[index];
  const url = token ? `${request.url}?token=${encodeURIComponent(token)}` : request.url;
  const boards = nth(request.boards, index);
  const byBoard = new Map<string, Track>();
  tracks[index] = byBoard;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    clients[index] = ws;
    const waiting = new Set(boards);
    const timer = setTimeout(() => reject(new Error(`client ${index}: no snapshot of ${[...waiting].join(', ')} within 60 s`)), 60_000);
    const settled = () => {
      clearTimeout(timer);
      resolve();
    };
    ws.on('open', () => {
      for (const board of boards) ws.send(JSON.stringify({ type: 'subscribe', board }));
      if (waiting.size === 0) settled();
    });
    ws.on('message', (data: Buffer) => {
      const at = wallMs();
      messages++;
      bytes += data.length;
      const head = pushHead(data);
      if (head === undefined || head.type === 'error') {
        if (errors.length < 100) errors.push(`client ${index}: ${data.toString('utf8').slice(0, 300)}`);
        return;
      }
      let track = byBoard.get(head.board);
      if (!track) byBoard.set(head.board, (track = new Track()));
      track.positions.push(Number(head.position));
      track.times.push(at);
      if (request.captureFrames && index === 0) frames.push({ board: head.board, position: head.position, frame: Buffer.from(data) });
      if (waiting.delete(head.board) && waiting.size === 0) settled();
    });
    ws.on('error', (error) => {
      if (errors.length < 100) errors.push(`client ${index}: ${error.message}`);
      clearTimeout(timer);
      reject(error);
    });
    ws.on('close', (code) => {
      if (!closing) {
        closedEarly++;
        if (errors.length < 100) errors.push(`client ${index}: closed with ${code}`);
      }
    });
  });
}

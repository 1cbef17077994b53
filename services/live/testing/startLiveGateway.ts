import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '@tayari/shared/common/clock';
import type { Actor } from '@tayari/shared/common/actor';
import { TokenVerifier } from '@tayari/api/auth/TokenVerifier';
import { createLiveGateway, type LiveGateway } from '../createLiveGateway';
import type { LiveOptions } from '../LiveOptions';
import { ManualBoardSource } from './ManualBoardSource';

export interface LiveHarness {
  server: Server;
  gateway: LiveGateway;
  boards: ManualBoardSource;
  verifier: TokenVerifier;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The socket URL with a token for `actor` (default: an in-charge). */
  url(token: string): string;
  token(actor?: Partial<Actor>, ttlSeconds?: number): Promise<string>;
  close(): Promise<void>;
}

/** A real HTTP server on a free port with the gateway on it, over a ManualBoardSource. */
export async function startLiveGateway(setup: { clock?: Clock; options?: Partial<LiveOptions>; boards?: ManualBoardSource } = {}): Promise<LiveHarness> {
  const clock = setup.clock ?? systemClock;
  const boards = setup.boards ?? new ManualBoardSource();
  const verifier = new TokenVerifier('a test secret that is long enough for HS256', () => clock.now());
  const server = createServer((_request, response) => {
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // Quiet by default: tests that make reads fail would otherwise print.
  const gateway = createLiveGateway({ server, boards, verifier, clock, options: { log: () => undefined, ...setup.options } });
  return {
    server,
    gateway,
    boards,
    verifier,
    origin: `http://127.0.0.1:${port}`,
    url: (token) => `ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(token)}`,
    token: (actor = {}, ttlSeconds = 3600) => verifier.issue({ sub: 'p-incharge', name: 'Prabhari', role: 'incharge', ...actor }, ttlSeconds),
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

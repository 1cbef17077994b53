import { nth } from '@tayari/shared/testing/nth';
import { LiveClient, type BoardMessage } from '../../services/web/page/live';
import { FakeSocket } from './FakeSocket';

/**
 * The page's websocket client with board filters (SPEC v2: one filter per board per socket). Messages
 * name the board, not the filter, so what arrives after a filter change on the same socket may still
 * be the old filter's board: the client changes socket instead, and never hands an old frame on under
 * the new key; `since` is only ever a position of the same board and filter.
 */

const globals = globalThis as unknown as Record<string, unknown>;
const saved: Record<string, PropertyDescriptor | undefined> = {};

beforeAll(() => {
  const fakes: Record<string, unknown> = {
    WebSocket: FakeSocket,
    addEventListener: () => undefined,
    document: { addEventListener: () => undefined, visibilityState: 'visible' },
    navigator: { onLine: true },
  };
  for (const [name, value] of Object.entries(fakes)) {
    saved[name] = Object.getOwnPropertyDescriptor(globalThis, name);
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
});

afterAll(() => {
  for (const [name, descriptor] of Object.entries(saved)) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete globals[name];
  }
});

afterEach(() => {
  FakeSocket.made = [];
  jest.useRealTimers();
});

const P = 'programme:p';
const WING = `${P}?wing=adivasi`;
const snapshot = (position: string, cards: object = {}) => ({ type: 'snapshot', board: P, position, data: { cards } });
const patch = (from: string, position: string, cards: object = {}) => ({ type: 'patch', board: P, from, position, patch: { cards } });

function client(held: Record<string, string> = {}) {
  const got: { key: string; message: BoardMessage }[] = [];
  const asked: string[] = [];
  const live = new LiveClient({
    url: 'ws://test/ws?token=t',
    sinceOf: (key) => {
      asked.push(key);
      return held[key];
    },
    onBoard: (message, key) => got.push({ key, message }),
    onState: () => undefined,
  });
  live.start();
  const socket = nth(FakeSocket.made, -1);
  return { live, got, asked, socket, held };
}

describe('the live client with board filters', () => {
  it('subscribes with the filter and hands frames on under the board and filter key', () => {
    const { live, got, socket } = client();
    live.watch(P, { wing: 'adivasi' });
    socket.open();
    expect(socket.sent).toEqual([{ type: 'subscribe', board: P, filter: { wing: 'adivasi' } }]);
    expect(live.keyOf(P)).toBe(WING);
    socket.message(snapshot('10'));
    socket.message(patch('10', '11'));
    expect(got.map((g) => [g.key, g.message.type])).toEqual([
      [WING, 'snapshot'],
      [WING, 'patch'],
    ]);
  });

  it('on a filter change, starts a new socket: the old filter’s frames are never handed on, since is the new filter’s', () => {
    const { live, got, socket } = client({ [P]: '7', [WING]: '9' });
    live.watch(P, { wing: 'adivasi' });
    live.watch('readiness');
    socket.open();
    expect(socket.sent).toEqual([
      { type: 'subscribe', board: P, filter: { wing: 'adivasi' }, since: '9' },
      { type: 'subscribe', board: 'readiness' },
    ]);
    got.length = 0;
    // The whole board now: frames of the wing's board may still be on their way on this socket.
    live.watch(P);
    expect(FakeSocket.made).toHaveLength(2);
    expect(socket.readyState).toBe(3);
    expect(socket.sent).toHaveLength(2);
    socket.message(patch('9', '12', { x: { status: 'done' } }));
    socket.message(snapshot('12', { x: {} }));
    expect(got).toEqual([]);
    const next = nth(FakeSocket.made, 1);
    next.open();
    // Every board again, each with its own filter and the since of its own chain.
    expect(next.sent).toEqual([
      { type: 'subscribe', board: P, since: '7' },
      { type: 'subscribe', board: 'readiness' },
    ]);
    next.message(patch('7', '13'));
    expect(got.map((g) => [g.key, g.message.type, g.message.position])).toEqual([[P, 'patch', '13']]);
  });

  it('switching back and forth quickly ends on one socket carrying the last choice', () => {
    const { live, got, socket } = client();
    live.watch(P, { wing: 'adivasi' });
    socket.open();
    live.watch(P);
    live.watch(P, { wing: 'adivasi' });
    // The second change came before the new socket opened: nothing more to replace.
    expect(FakeSocket.made).toHaveLength(2);
    const next = nth(FakeSocket.made, 1);
    next.open();
    expect(next.sent).toEqual([{ type: 'subscribe', board: P, filter: { wing: 'adivasi' } }]);
    next.message(snapshot('12'));
    expect(got.map((g) => [g.key, g.message.position])).toEqual([[WING, '12']]);
  });

  it('a board watched again with another filter after leaving it also gets a new socket', () => {
    const { live, socket } = client();
    live.watch(P, { wing: 'adivasi' });
    socket.open();
    live.unwatch(P);
    live.watch(P, { wing: 'adivasi' }); // the same filter: same socket, since from its chain
    expect(FakeSocket.made).toHaveLength(1);
    live.unwatch(P);
    live.watch(P);
    expect(FakeSocket.made).toHaveLength(2);
  });

  it('opens no socket before start, whatever the tab or the network do; a second start opens none', () => {
    const listeners = new Map<string, () => void>();
    const capture = (type: string, listener: () => void) => listeners.set(type, listener);
    const before = { add: globals.addEventListener, doc: globals.document };
    globals.addEventListener = capture;
    globals.document = { addEventListener: capture, visibilityState: 'visible' };
    try {
      const live = new LiveClient({ url: 'ws://x', sinceOf: () => undefined, onBoard: () => undefined, onState: () => undefined });
      // The page starts the socket after its first frame: a tab shown or a network back before must not.
      listeners.get('visibilitychange')?.();
      listeners.get('online')?.();
      expect(FakeSocket.made).toHaveLength(0);
      live.start();
      live.start();
      listeners.get('visibilitychange')?.();
      expect(FakeSocket.made).toHaveLength(1);
    } finally {
      globals.addEventListener = before.add;
      globals.document = before.doc;
    }
  });

  it('names the board of an error by its key', () => {
    const errors: (string | undefined)[] = [];
    const live = new LiveClient({
      url: 'ws://x',
      sinceOf: () => undefined,
      onBoard: () => undefined,
      onState: () => undefined,
      onError: (_e, key) => errors.push(key),
    });
    live.start();
    const socket = nth(FakeSocket.made, 0);
    live.watch(P, { wing: 'adivasi' });
    socket.open();
    socket.message({ type: 'error', code: 'bad-position', message: 'no', board: P });
    socket.message({ type: 'error', code: 'rate-limited', message: 'slow down' });
    expect(errors).toEqual([WING, undefined]);
  });

  it('keeps the filter when it asks for a fresh snapshot after a gap', () => {
    const { live, socket } = client();
    live.watch(P, { wing: 'adivasi' });
    socket.open();
    live.resubscribe(P);
    expect(socket.sent[1]).toEqual({ type: 'subscribe', board: P, filter: { wing: 'adivasi' } });
  });

  it('on a new socket, sends since only from the chain of the same board and filter', () => {
    jest.useFakeTimers();
    const { live, asked, socket } = client({ [P]: '7' });
    live.watch(P);
    socket.open();
    expect(socket.sent[0]).toEqual({ type: 'subscribe', board: P, since: '7' });
    live.watch(P, { wing: 'adivasi' });
    socket.close();
    jest.advanceTimersByTime(2000);
    const next = nth(FakeSocket.made, -1);
    expect(next).not.toBe(socket);
    next.open();
    // The page holds no chain of the wing's board: no since (the whole board's 7 is not one of it).
    expect(next.sent).toEqual([{ type: 'subscribe', board: P, filter: { wing: 'adivasi' } }]);
    expect(asked[asked.length - 1]).toBe(WING);
  });

  it('on a new socket, resumes the filtered chain with its own since', () => {
    jest.useFakeTimers();
    const { live, got, socket } = client({ [WING]: '30' });
    live.watch(P, { wing: 'adivasi' });
    socket.open();
    socket.close();
    jest.advanceTimersByTime(2000);
    const next = nth(FakeSocket.made, -1);
    next.open();
    expect(next.sent).toEqual([{ type: 'subscribe', board: P, filter: { wing: 'adivasi' }, since: '30' }]);
    next.message(patch('30', '31'));
    expect(got.map((g) => [g.key, g.message.type])).toEqual([[WING, 'patch']]);
  });

  it('skips frames of a board no longer watched', () => {
    const { live, got, socket } = client();
    live.watch(P);
    socket.open();
    live.unwatch(P);
    expect(socket.sent[1]).toEqual({ type: 'unsubscribe', board: P });
    socket.message(patch('1', '2'));
    expect(got).toEqual([]);
  });
});

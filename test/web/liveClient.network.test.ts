import { type ConnectionState, LiveClient } from '../../services/web/page/live';
import { FakeSocket } from './FakeSocket';

/**
 * The connection indicator follows the truth (issue 13): a socket can live through a network drop
 * without a word, so when the network comes back the client opens a fresh socket, resumes each board
 * with `since`, and is live as soon as it opens, instead of staying "offline" while updates arrive.
 */

/** The window's own events (online, offline), fired by the test. */
const windowListeners = new Map<string, (() => void)[]>();
const fire = (type: string) => {
  for (const listener of windowListeners.get(type) ?? []) listener();
};
const globals = globalThis as unknown as Record<string, unknown>;
const saved: Record<string, PropertyDescriptor | undefined> = {};
const navigatorFake = { onLine: true };

beforeAll(() => {
  const fakes: Record<string, unknown> = {
    WebSocket: FakeSocket,
    addEventListener: (type: string, listener: () => void) => windowListeners.set(type, [...(windowListeners.get(type) ?? []), listener]),
    document: { addEventListener: () => undefined, visibilityState: 'visible' },
    navigator: navigatorFake,
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

it('after a drop the old socket survived, the network coming back makes a fresh socket that resumes with since and is live', () => {
  const states: ConnectionState[] = [];
  const live = new LiveClient({
    url: 'ws://test/ws?token=t',
    sinceOf: () => '42',
    onBoard: () => undefined,
    onState: (state) => states.push(state),
  });
  live.watch('readiness');
  live.start();
  const first = FakeSocket.made[0];
  if (!first) throw new Error('no socket');
  first.open();
  expect(live.connection).toBe('live');

  navigatorFake.onLine = false;
  fire('offline');
  expect(live.connection).toBe('offline');
  // The socket never noticed the drop.
  expect(first.closed).toBe(false);

  navigatorFake.onLine = true;
  fire('online');
  expect(first.closed).toBe(true);
  expect(live.connection).toBe('reconnecting');
  const second = FakeSocket.made[1];
  if (!second) throw new Error('no fresh socket');
  second.open();
  expect(live.connection).toBe('live');
  expect(second.sent).toEqual([{ type: 'subscribe', board: 'readiness', since: '42' }]);
  expect(states).toEqual(['live', 'offline', 'reconnecting', 'live']);
  live.stop();
});

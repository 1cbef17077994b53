import { performance } from 'node:perf_hooks';
import { nth } from '@tayari/shared/testing/nth';
import { people } from '../support/apiHarness';
import { startService, type Service } from '../trust/support/startService';
import { BoardWatcher } from './support/BoardWatcher';
import { FlakyProxy } from './support/FlakyProxy';
import { recordFigures } from './support/figures';
import { quantile } from './support/http';

/**
 * Slow and dead websocket clients against the whole service: 50 watchers of the readiness board that
 * read normally, one that stops reading (its TCP socket paused) and one behind a proxy that forwards
 * nothing either way and closes nothing (a dead network path). 300 commands change the board.
 * - the normal watchers get each command's position pushed within 1 s (p99);
 * - the server's memory stays flat (rss and heap growth under 50 MB; the server is in this process);
 * - the dead client is dropped after two unanswered pings (pings every 200 ms here), the paused
 *   one too; no normal watcher is.
 */

const WATCHERS = 50;
const PROGRAMMES = 10;
const TASKS_PER_PROGRAMME = 10; // × 3 commands (log, start, complete) = 300 commands
const LANES = 4;
/** Each lane pauses this long after each command: the run lasts a few seconds, many coalescing windows. */
const PACE_MS = 40;
const PING_MS = 200;
const P99_LIMIT_MS = 1000;
const MEMORY_LIMIT_BYTES = 50 * 1024 * 1024;

let service: Service;
let proxy: FlakyProxy;
const watchers: BoardWatcher[] = [];
/** The paused and the blackholed client. */
const stuck: BoardWatcher[] = [];

afterAll(async () => {
  for (const watcher of [...watchers, ...stuck]) watcher.ws.terminate();
  await proxy?.close();
  await service?.close();
});

interface Answered {
  answeredAt: number;
  position: number;
}

test('50 watchers keep getting pushes fast while a paused and a blackholed client are dropped, in flat memory', async () => {
  service = await startService({ env: { TAYARI_RATE_LIMIT: '0' }, live: { pingIntervalMs: PING_MS } });
  const { tayari } = service;
  const token = await service.token(people.incharge);
  const post = async (path: string, body: object): Promise<Answered> => {
    const res = await fetch(`${tayari.url}/api${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    const answeredAt = performance.now();
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${text}`);
    return { answeredAt, position: Number((JSON.parse(text) as { position: string }).position) };
  };

  // Programmes a week or two ahead (the readiness board shows those that have not ended).
  const day = 86_400_000;
  for (let p = 0; p < PROGRAMMES; p++) {
    await post('/tours', { id: `tour-${p}`, title: `दौरा ${p}`, leader: 'Leader' });
    const startsAt = new Date(Date.now() + (7 + p) * day);
    await post(`/tours/tour-${p}/stops`, {
      stopId: 'main',
      place: 'Jagdalpur',
      district: 'Bastar',
      venue: 'Ground',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
      hostWing: 'adivasi',
    });
  }

  // Each watcher is its own person (the per-person connection limit is not what this test is about).
  const tokenOf = (i: number) => service.token({ sub: `watcher-${i}`, name: `Watcher ${i}`, role: 'observer' });
  for (let i = 0; i < WATCHERS; i++) watchers.push(await BoardWatcher.watch(service.wsUrl(await tokenOf(i)), 'readiness'));

  const paused = await BoardWatcher.watch(service.wsUrl(await tokenOf(1000)), 'readiness');
  stuck.push(paused);
  const { port } = new URL(tayari.url);
  proxy = await FlakyProxy.start({ target: { host: '127.0.0.1', port: Number(port) } });
  const deadUrl = `ws://127.0.0.1:${proxy.port}/ws?token=${encodeURIComponent(await tokenOf(1001))}`;
  stuck.push(await BoardWatcher.watch(deadUrl, 'readiness'));
  expect(tayari.live.stats().connections).toBe(WATCHERS + 2);

  // Baseline memory once everything is connected and idle.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const baseline = process.memoryUsage();
  const samples: NodeJS.MemoryUsage[] = [];
  const sampler = setInterval(() => samples.push(process.memoryUsage()), 100).unref();

  paused.tcp.pause();
  const pausedAt = performance.now();
  proxy.blackhole();
  const blackholedAt = performance.now();
  // When the server cut off unresponsive sockets (the dead one's moment is also seen by the proxy).
  const terminatedBefore = tayari.live.stats().unresponsiveTerminated;
  const terminations: number[] = [];
  const watchDrops = setInterval(() => {
    while (tayari.live.stats().unresponsiveTerminated - terminatedBefore > terminations.length) terminations.push(performance.now());
  }, 5).unref();

  // 300 commands in 4 paced lanes: log a task, start it, complete it (each changes readiness).
  const started = performance.now();
  const answers: Answered[] = [];
  const tasks = Array.from({ length: PROGRAMMES * TASKS_PER_PROGRAMME }, (_, i) => ({ id: `task-${i}`, programmeId: `tour-${i % PROGRAMMES}` }));
  await Promise.all(
    Array.from({ length: LANES }, async (_, lane) => {
      for (const task of tasks.filter((_t, i) => i % LANES === lane)) {
        answers.push(await post('/tasks', { id: task.id, programmeId: task.programmeId, wing: 'youth', title: `Task ${task.id}` }));
        await new Promise((resolve) => setTimeout(resolve, PACE_MS));
        answers.push(await post(`/tasks/${task.id}/status`, { status: 'in_progress' }));
        await new Promise((resolve) => setTimeout(resolve, PACE_MS));
        answers.push(await post(`/tasks/${task.id}/status`, { status: 'done' }));
        await new Promise((resolve) => setTimeout(resolve, PACE_MS));
      }
    }),
  );
  const drivenMs = performance.now() - started;
  const last = Math.max(...answers.map((a) => a.position));
  await Promise.all(watchers.map((w) => w.reach(last, 5000)));

  // Both stuck clients are dropped, the dead one within two unanswered pings (+ the tick that notices).
  const deadline = performance.now() + 10 * PING_MS;
  while (tayari.live.stats().unresponsiveTerminated - terminatedBefore < 2 && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(watchDrops);
  await new Promise((resolve) => setTimeout(resolve, 300));
  clearInterval(sampler);
  samples.push(process.memoryUsage());

  const sorted = [...answers].sort((a, b) => a.position - b.position);
  const delays = watchers.flatMap((w) => w.deliveryDelays(sorted));
  const stats = tayari.live.stats();
  const deadDroppedMs = (proxy.serverClosedAt[0] ?? Number.NaN) - blackholedAt;
  const figures = {
    watchers: WATCHERS,
    commands: answers.length,
    drivenMs: Math.round(drivenMs),
    commandsPerSecond: Math.round(answers.length / (drivenMs / 1000)),
    deliverySamples: delays.length,
    deliveryP50Ms: Math.round(quantile(delays, 0.5)),
    deliveryP99Ms: Math.round(quantile(delays, 0.99)),
    deliveryMaxMs: Math.round(quantile(delays, 1)),
    pushesPerWatcher: Math.round(watchers.reduce((n, w) => n + w.arrivals.length, 0) / WATCHERS),
    pingIntervalMs: PING_MS,
    deadDroppedAfterMs: Math.round(deadDroppedMs),
    bothStuckDroppedAfterMs: terminations.length < 2 ? null : Math.round(nth(terminations, 1) - pausedAt),
    unresponsiveTerminated: stats.unresponsiveTerminated - terminatedBefore,
    droppedBacklogs: stats.droppedBacklogs,
    rssGrowthMB: round1((Math.max(...samples.map((s) => s.rss)) - baseline.rss) / 2 ** 20),
    heapUsedGrowthMB: round1((Math.max(...samples.map((s) => s.heapUsed)) - baseline.heapUsed) / 2 ** 20),
    rssAfterMB: round1((samples.at(-1)?.rss ?? 0) / 2 ** 20),
  };
  recordFigures('slow-clients', figures);

  expect(answers).toHaveLength(PROGRAMMES * TASKS_PER_PROGRAMME * 3);
  expect(figures.deliveryP99Ms).toBeLessThan(P99_LIMIT_MS);
  // Dropped after two unanswered pings: noticed on the third tick, so at most 3 periods (+ timer slack).
  expect(deadDroppedMs).toBeLessThanOrEqual(3 * PING_MS + 250);
  expect(figures.unresponsiveTerminated).toBe(2);
  expect(stats.connections).toBe(WATCHERS);
  for (const watcher of watchers) expect(watcher.ws.readyState).toBe(watcher.ws.OPEN);
  expect(Math.max(...samples.map((s) => s.rss)) - baseline.rss).toBeLessThan(MEMORY_LIMIT_BYTES);
  expect(Math.max(...samples.map((s) => s.heapUsed)) - baseline.heapUsed).toBeLessThan(MEMORY_LIMIT_BYTES);
});

const round1 = (n: number) => Math.round(n * 10) / 10;

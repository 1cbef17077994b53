import { nth } from '@tayari/shared/testing/nth';
import type { BenchContext } from '../BenchContext';
import type { BenchResults } from '../BenchResults';
import type { CommandPacerReply, CommandPacerRequest } from '../children/commandPacer';
import type { RawBroadcastReply, RawBroadcastRequest } from '../children/rawBroadcast';
import type { WatchersReply, WatchersRequest } from '../children/watchers';
import { formatNumber } from '../report/formatNumber';
import { BenchChild } from '../support/BenchChild';
import { burstRate } from '../support/burstRate';
import { cpuMs } from '../support/cpuMs';
import { rssKb } from '../support/rssKb';
import { settledRssKb } from '../support/settledRssKb';
import { startSeededService } from '../support/startSeededService';

/**
 * Fan-out: N clients watch the readiness board; one command every `intervalMs` changes it, so each
 * change is one push to every client. Then a bare `ws` server sends the very bytes those pushes had,
 * in the same order and at the same pace, to N clients of the same kind. Both are measured at the
 * clients (first to last delivery of each push). Memory: the service's RSS with N connections
 * subscribed minus its RSS before they connected, per connection.
 */
export async function fanoutPhase(context: BenchContext): Promise<BenchResults['fanout']> {
  const { clients, warmupBursts, bursts, intervalMs, settleMs, rssSamples } = context.sizes.fanout;
  context.progress(`fanout: seeding ${context.sizes.commands.tasks} tasks`);
  const live = await startSeededService(context, 'fanout', context.sizes.commands.tasks);
  let tayari: ReturnType<typeof burstRate>;
  let frames: { board: string; position: string; frame: Buffer }[];
  let rssPerConnectionKb: number;
  // Context for the figures: the server's CPU time over the measured pushes, and how busy the clients were.
  let tayariCpuMs = 0;
  let tayariClientBusy = 0;
  let rawCpuMs = 0;
  let rawClientBusy = 0;
  const head = Number(live.seeded.head);
  {
    const watchers = new BenchChild<WatchersRequest, WatchersReply>('watchers');
    const pacer = new BenchChild<CommandPacerRequest, CommandPacerReply>('commandPacer');
    try {
      const before = await settledRssKb(() => live.service.rssKb(), rssSamples);
      context.progress(`fanout: connecting ${clients} clients to the readiness board`);
      const tokens = await context.tokens.observers(clients);
      await watchers.ask(
        {
          type: 'connect',
          url: `${live.service.url.replace('http', 'ws')}/ws`,
          tokens,
          boards: tokens.map(() => ['readiness']),
          concurrency: 50,
          captureFrames: true,
        },
        'connected',
        180_000,
      );
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      const after = await settledRssKb(() => live.service.rssKb(), rssSamples);
      rssPerConnectionKb = (after - before) / clients;
      context.note(`fanout: service RSS ${formatNumber(before / 1024)} MB before, ${formatNumber(after / 1024)} MB with ${clients} connections`);

      await pacer.ask({ type: 'tasks', tasks: live.seeded.tasks }, 'ready');
      const commanders = await context.tokens.incharges(context.sizes.commands.people);
      const pushes = async (count: number) => {
        await pacer.ask(
          { type: 'run', url: live.service.url, tokens: commanders, rate: 1000 / intervalMs, seconds: (count * intervalMs) / 1000 },
          'done',
          120_000,
        );
        await new Promise((resolve) => setTimeout(resolve, Math.max(settleMs, intervalMs)));
      };
      context.progress(`fanout: warm-up, ${warmupBursts} pushes`);
      await pushes(warmupBursts);
      await watchers.ask({ type: 'reset' }, 'reset');
      context.progress(`fanout: ${bursts} readiness pushes to ${clients} clients`);
      const cpuBefore = cpuMs(live.service.pid);
      await pushes(bursts);
      tayariCpuMs = cpuMs(live.service.pid) - cpuBefore;
      const report = await watchers.ask({ type: 'report' }, 'report', 120_000);
      tayariClientBusy = report.utilisation;
      tayari = burstRate(report.arrivals, 'readiness', head);
      frames = report.frames.filter((f) => f.board === 'readiness');
      for (const text of report.errors.slice(0, 3)) context.note(`fanout: ${text}`);
    } finally {
      await Promise.allSettled([watchers.stop(), pacer.stop()]);
      await live.stop();
    }
  }
  if (frames.length === 0) throw new Error('the clients got no readiness pushes to replay');

  context.progress(`fanout: raw ws broadcast of the same ${frames.length} messages to ${clients} clients`);
  const raw = new BenchChild<RawBroadcastRequest, RawBroadcastReply>('rawBroadcast');
  const watchers = new BenchChild<WatchersRequest, WatchersReply>('watchers');
  let baseline: ReturnType<typeof burstRate>;
  try {
    const { url } = await raw.ask({ type: 'start', welcome: nth(frames, 0).frame }, 'listening');
    const rawBefore = await settledRssKb(() => rssKb(raw.pid ?? 0), rssSamples);
    await watchers.ask(
      { type: 'connect', url, tokens: [], boards: Array.from({ length: clients }, () => ['readiness']), concurrency: 50, captureFrames: false },
      'connected',
      180_000,
    );
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const rawAfter = await settledRssKb(() => rssKb(raw.pid ?? 0), rssSamples);
    context.note(`fanout: raw ws server ${formatNumber((rawAfter - rawBefore) / clients)} KB per connection`);
    const broadcast = async (list: typeof frames) => {
      for (const { frame } of list) {
        await raw.ask({ type: 'broadcast', frame }, 'sent');
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(settleMs, intervalMs)));
    };
    await broadcast(frames.slice(0, warmupBursts));
    await watchers.ask({ type: 'reset' }, 'reset');
    const cpuBefore = cpuMs(raw.pid ?? 0);
    await broadcast(frames);
    rawCpuMs = cpuMs(raw.pid ?? 0) - cpuBefore;
    const report = await watchers.ask({ type: 'report' }, 'report', 120_000);
    rawClientBusy = report.utilisation;
    baseline = burstRate(report.arrivals, 'readiness', head);
  } finally {
    await Promise.allSettled([watchers.stop(), raw.stop()]);
  }

  const meanBytes = frames.reduce((sum, f) => sum + f.frame.length, 0) / frames.length;
  context.note(
    `fanout: Tayari ${tayari.bursts} pushes, ${tayari.deliveries} deliveries, ${formatNumber(tayari.meanBurstMs)} ms first→last; raw ${baseline.bursts} pushes, ${baseline.deliveries} deliveries, ${formatNumber(baseline.meanBurstMs)} ms; ${formatNumber(meanBytes / 1024)} KB a message`,
  );
  context.note(
    `fanout: server CPU over the measured pushes ${tayariCpuMs} ms (Tayari, commands included) vs ${rawCpuMs} ms (raw); client process busy ${formatNumber(100 * tayariClientBusy)}% vs ${formatNumber(100 * rawClientBusy)}%`,
  );
  return {
    deliveries_per_s: tayari.deliveriesPerSecond,
    baseline_deliveries_per_s: baseline.deliveriesPerSecond,
    ratio: tayari.deliveriesPerSecond / baseline.deliveriesPerSecond,
    rss_per_connection_kb: rssPerConnectionKb,
  };
}

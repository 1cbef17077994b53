import type { BenchContext } from '../BenchContext';
import type { BenchResults } from '../BenchResults';
import type { BaselineReply, BaselineRequest } from '../children/baselineServer';
import type { LoadFigures } from '../children/commandLoad';
import { BenchChild } from '../support/BenchChild';
import { loadRun as load } from '../support/loadRun';
import { readTaskStatuses } from '../support/readTaskStatuses';
import { startSeededService } from '../support/startSeededService';

/**
 * The write path: autocannon POSTs task status changes, spread over the seeded tasks, at the real
 * service (durable group commits, synchronous=FULL), then the same load at a bare express + zod
 * endpoint in the same run. Each gets a short warm-up first, so that both are measured with hot JIT.
 */
export async function commandsPhase(context: BenchContext): Promise<BenchResults['commands']> {
  const { tasks: taskCount, connections, seconds, warmupSeconds } = context.sizes.commands;
  context.progress(`commands: seeding ${taskCount} tasks`);
  const live = await startSeededService(context, 'commands', taskCount);
  const tasks = live.seeded.tasks.slice(0, taskCount);
  let tayari: LoadFigures;
  try {
    const tokens = await context.tokens.incharges(context.sizes.commands.people);
    context.progress(`commands: Tayari, ${connections} connections × ${seconds} s over ${tasks.length} tasks`);
    tayari = await load(live.service.url, tokens, tasks, connections, warmupSeconds, seconds, (warmed) => readTaskStatuses(live.service.url, tokens[0], warmed));
  } finally {
    await live.stop();
  }

  context.progress(`commands: express + zod baseline, ${connections} connections × ${seconds} s`);
  const baselineServer = new BenchChild<BaselineRequest, BaselineReply>('baselineServer');
  let baseline: LoadFigures;
  try {
    const { url } = await baselineServer.ask({ type: 'start' }, 'listening');
    baseline = await load(url, [], tasks, connections, warmupSeconds, seconds, async (warmed) => warmed);
  } finally {
    await baselineServer.stop();
  }

  for (const [name, figures] of [['Tayari', tayari], ['baseline', baseline]] as const) {
    if (figures.non2xx + figures.errors + figures.timeouts > 0) {
      context.note(`commands (${name}): ${figures.non2xx} non-2xx, ${figures.errors} errors, ${figures.timeouts} timeouts; status codes ${JSON.stringify(figures.statusCodes)}`);
    }
  }
  context.note(`commands: Tayari answered ${tayari.requests} requests (p50 ${tayari.p50_ms} ms), the baseline ${baseline.requests} (p50 ${baseline.p50_ms} ms, p99 ${baseline.p99_ms} ms)`);
  return { rps: tayari.rps, p50_ms: tayari.p50_ms, p99_ms: tayari.p99_ms, baseline_rps: baseline.rps, ratio: tayari.rps / baseline.rps };
}

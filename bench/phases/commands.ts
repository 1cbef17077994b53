import { nth } from '@tayari/shared/testing/nth';
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
  let batch200Ms: number;
  try {
    const tokens = await context.tokens.incharges(context.sizes.commands.people);
    context.progress(`commands: Tayari, ${connections} connections × ${seconds} s over ${tasks.length} tasks`);
    tayari = await load(live.service.url, tokens, tasks, connections, warmupSeconds, seconds, (warmed) =>
      readTaskStatuses(live.service.url, nth(tokens, 0), warmed),
    );
    context.progress('commands: batches of 200 commands (an offline queue sent whole)');
    batch200Ms = await timeBatches(
      live.service.url,
      tokens[0] ?? '',
      tasks.map((task) => task.taskId),
    );
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

  for (const [name, figures] of [
    ['Tayari', tayari],
    ['baseline', baseline],
  ] as const) {
    if (figures.non2xx + figures.errors + figures.timeouts > 0) {
      context.note(
        `commands (${name}): ${figures.non2xx} non-2xx, ${figures.errors} errors, ${figures.timeouts} timeouts; status codes ${JSON.stringify(figures.statusCodes)}`,
      );
    }
  }
  context.note(
    `commands: Tayari answered ${tayari.requests} requests (p50 ${tayari.p50_ms} ms), the baseline ${baseline.requests} (p50 ${baseline.p50_ms} ms, p99 ${baseline.p99_ms} ms)`,
  );
  return {
    rps: tayari.rps,
    p50_ms: tayari.p50_ms,
    p99_ms: tayari.p99_ms,
    baseline_rps: baseline.rps,
    ratio: tayari.rps / baseline.rps,
    batch200_ms: batch200Ms,
  };
}

/** The median time of 5 batches of 200 notes (one per task), each answered in full with 200. */
async function timeBatches(url: string, token: string, taskIds: string[]): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    const commands = Array.from({ length: 200 }, (_, i) => ({
      method: 'POST',
      path: `/api/tasks/${taskIds[(round * 200 + i) % taskIds.length]}/notes`,
      body: { text: `batch ${round} item ${i}` },
      idempotencyKey: `bench-batch-${round}-${i}`,
    }));
    const started = performance.now();
    const response = await fetch(`${url}/api/commands/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ commands }),
    });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`a batch of 200 notes answered ${response.status}`);
  }
  return times.sort((a, b) => a - b)[2] ?? Number.NaN;
}

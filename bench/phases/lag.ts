import { nth } from '@tayari/shared/testing/nth';
import type { BenchContext } from '../BenchContext';
import type { BenchResults } from '../BenchResults';
import type { CommandPacerReply, CommandPacerRequest } from '../children/commandPacer';
import type { WatchersReply, WatchersRequest } from '../children/watchers';
import { BIG_PROGRAMME_ID } from '../generate/bigProgramme';
import { BenchChild } from '../support/BenchChild';
import { formatNumber } from '../report/formatNumber';
import { Histogram } from '../support/Histogram';
import { liveBoards } from '../support/liveBoards';
import { matchLag } from '../support/matchLag';
import { startSeededService } from '../support/startSeededService';

/**
 * Live lag: watchers in one process, commands at a steady rate from another; lag is from a command's
 * answer to the first push that carries its position, per watcher. The service uses its default
 * coalescing window (100 ms). `small`: the live data's programmes, every watcher on the readiness
 * board and some on a programme board too; `big`: every watcher on the board of one programme of
 * `bigProgramme.tasks` cards, every command on one of its tasks.
 */
export async function lagPhase(context: BenchContext, shape: 'small' | 'big' = 'small'): Promise<BenchResults['lag']> {
  const { watchers, programmeWatcherEvery, rate, warmupSeconds, seconds, graceMs } = context.sizes.lag;
  const taskCount = shape === 'big' ? context.sizes.bigProgramme.tasks : context.sizes.commands.tasks;
  const phase = shape === 'big' ? 'lagBigProgramme' : 'lag';
  context.progress(`${phase}: seeding ${taskCount} tasks`);
  const live = await startSeededService(context, phase, taskCount, shape === 'big' ? 'big' : 'live');
  const watcherProcess = new BenchChild<WatchersRequest, WatchersReply>('watchers');
  const pacer = new BenchChild<CommandPacerRequest, CommandPacerReply>('commandPacer');
  try {
    const tasks = live.seeded.tasks.slice(0, taskCount);
    const boards =
      shape === 'big'
        ? Array.from({ length: watchers }, () => [`programme:${BIG_PROGRAMME_ID}`])
        : liveBoards(watchers, [...new Set(tasks.map((t) => t.programmeId))], programmeWatcherEvery);
    context.progress(`${phase}: connecting ${watchers} watchers`);
    const connected = await watcherProcess.ask(
      {
        type: 'connect',
        url: `${live.service.url.replace('http', 'ws')}/ws`,
        tokens: await context.tokens.observers(watchers),
        boards,
        concurrency: 50,
        captureFrames: false,
      },
      'connected',
      180_000,
    );
    context.note(`${phase}: ${connected.clients} watchers connected and had their snapshots in ${formatNumber(connected.ms)} ms`);

    const tokens = await context.tokens.incharges(context.sizes.commands.people);
    await pacer.ask({ type: 'tasks', tasks }, 'ready');
    // A warm-up at the same rate: a service that has just started runs its first second cold (JIT).
    context.progress(`${phase}: warm-up, ${rate} commands/s for ${warmupSeconds} s`);
    const warmup = await pacer.ask({ type: 'run', url: live.service.url, tokens, rate, seconds: warmupSeconds }, 'done', (warmupSeconds + 60) * 1000);
    for (const text of warmup.failures.slice(0, 3)) context.note(`${phase} warm-up: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, graceMs));
    await watcherProcess.ask({ type: 'reset' }, 'reset');

    context.progress(`${phase}: ${rate} commands/s for ${seconds} s to ${watchers} watchers`);
    const { commands, failures } = await pacer.ask({ type: 'run', url: live.service.url, tokens, rate, seconds }, 'done', (seconds + 60) * 1000);
    await new Promise((resolve) => setTimeout(resolve, graceMs));
    const report = await watcherProcess.ask({ type: 'report' }, 'report', 120_000);

    const programmeOfTask = (task: number) => nth(tasks, task).programmeId;
    const lag = matchLag(commands, programmeOfTask, report.arrivals);
    const answered = commands.position.filter((p) => !Number.isNaN(p)).length;
    const span = (nth(commands.sentAt, -1) - nth(commands.sentAt, 0)) / 1000;
    const latency = new Histogram();
    commands.answeredAt.forEach((at, i) => {
      if (!Number.isNaN(at)) latency.add(at - nth(commands.sentAt, i));
    });
    context.note(
      `${phase}: ${answered}/${commands.position.length} commands answered (${formatNumber(commands.position.length / span)}/s sent; answered in p50 ${formatNumber(latency.percentile(50))} ms, p99 ${formatNumber(latency.percentile(99))} ms)`,
    );
    context.note(
      `${phase}: ${formatNumber(lag.histogram.count)} (command, watcher) pairs, ${lag.missing} without a push, ${lag.histogram.negative} below zero (counted as 0)`,
    );
    for (const [board, histogram] of lag.byBoard) {
      context.note(
        `${phase} on ${board} boards: p50 ${formatNumber(histogram.percentile(50))} ms, p99 ${formatNumber(histogram.percentile(99))} ms, max ≤ ${formatNumber(histogram.percentile(100))} ms (${formatNumber(histogram.count)} pairs)`,
      );
    }
    context.note(
      `${phase}: watchers got ${formatNumber(report.messages)} messages, ${formatNumber(report.bytes / 1e6)} MB; ${report.closedEarly} closed early; their process was busy ${formatNumber(100 * report.utilisation)}% of the time`,
    );
    for (const text of [...failures.slice(0, 3), ...report.errors.slice(0, 3)]) context.note(`${phase}: ${text}`);
    return { p50_ms: lag.histogram.percentile(50), p99_ms: lag.histogram.percentile(99), rate, watchers, tasks: taskCount };
  } finally {
    await Promise.allSettled([watcherProcess.stop(), pacer.stop()]);
    await live.stop();
  }
}

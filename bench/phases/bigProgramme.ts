import type { BenchContext } from '../BenchContext';
import type { BenchResults } from '../BenchResults';
import { BIG_PROGRAMME_ID } from '../generate/bigProgramme';
import { loadRun } from '../support/loadRun';
import { measurePatch } from '../support/measurePatch';
import { readTaskStatuses } from '../support/readTaskStatuses';
import { startSeededService } from '../support/startSeededService';

/**
 * The same command load as the commands phase, with every task in one programme of
 * `bigProgramme.tasks` cards (flatness: its rate ÷ the many-small-programmes rate of the same run),
 * and the frame one task's move on that board pushes to its watchers.
 */
export async function bigProgrammePhase(
  context: BenchContext,
  smallRps: number | undefined,
): Promise<{ commandsBigProgramme: BenchResults['commandsBigProgramme']; patch: BenchResults['patch'] }> {
  const { tasks: taskCount } = context.sizes.bigProgramme;
  const { connections, seconds, warmupSeconds, people } = context.sizes.commands;
  context.progress(`big programme: seeding one programme of ${taskCount} tasks`);
  const live = await startSeededService(context, 'big', taskCount, 'big');
  try {
    const [incharge] = await context.tokens.incharges(1);
    const [observer] = await context.tokens.observers(1);
    if (!incharge || !observer) throw new Error('no tokens');
    const moved = live.seeded.tasks.slice(0, 3);
    if (moved.length === 0) throw new Error('the big programme has no tasks');
    context.progress(`big programme: one move on the ${taskCount}-card board`);
    const patch = await measurePatch(
      live.service.url,
      `programme:${BIG_PROGRAMME_ID}`,
      moved.map((task) => ({ token: incharge, taskId: task.taskId, status: 'in_progress' })),
      observer,
    );

    const tokens = await context.tokens.incharges(people);
    context.progress(`big programme: ${connections} connections × ${seconds} s over ${taskCount} tasks of one programme`);
    const tasks = await readTaskStatuses(live.service.url, incharge, live.seeded.tasks);
    const figures = await loadRun(live.service.url, tokens, tasks, connections, warmupSeconds, seconds, (warmed) =>
      readTaskStatuses(live.service.url, incharge, warmed),
    );
    if (figures.non2xx + figures.errors + figures.timeouts > 0) {
      context.note(
        `big programme: ${figures.non2xx} non-2xx, ${figures.errors} errors, ${figures.timeouts} timeouts; status codes ${JSON.stringify(figures.statusCodes)}`,
      );
    }
    return {
      commandsBigProgramme: { tasks: taskCount, rps: figures.rps, p99_ms: figures.p99_ms, flatness: smallRps ? figures.rps / smallRps : Number.NaN },
      patch,
    };
  } finally {
    await live.stop();
  }
}

import type { CommandLoadReply, CommandLoadRequest, LoadFigures } from '../children/commandLoad';
import type { TrackedTask } from '../generate/TaskTracker';
import { BenchChild } from './BenchChild';

/**
 * A warm-up run, then the measured run, from one autocannon child. In between, `resync` tells the
 * tasks' real statuses: autocannon builds a request (and moves its task on) before it knows whether
 * the run's end will let it go out.
 */
export async function loadRun(
  url: string,
  tokens: string[],
  tasks: TrackedTask[],
  connections: number,
  warmupSeconds: number,
  seconds: number,
  resync: (tasks: TrackedTask[]) => Promise<TrackedTask[]>,
): Promise<LoadFigures> {
  const child = new BenchChild<CommandLoadRequest, CommandLoadReply>('commandLoad');
  try {
    await child.ask({ type: 'tasks', tasks }, 'ready');
    await child.ask({ type: 'run', url, tokens, connections, seconds: warmupSeconds }, 'done', (warmupSeconds + 30) * 1000);
    await child.ask({ type: 'tasks', tasks: await resync(tasks) }, 'ready');
    const { figures } = await child.ask({ type: 'run', url, tokens, connections, seconds }, 'done', (seconds + 30) * 1000);
    return figures;
  } finally {
    await child.stop();
  }
}

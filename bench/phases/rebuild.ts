import type { BenchContext } from '../BenchContext';
import type { BenchResults } from '../BenchResults';
import type { ReplayReply, ReplayRequest } from '../children/replay';
import { formatNumber } from '../report/formatNumber';
import { BenchChild } from '../support/BenchChild';
import { seedDataDir } from '../support/seedDataDir';
import { serviceNodeArgs } from '../support/serviceNodeArgs';
import { tempDataDir } from '../support/tempDataDir';

/** The data folder a rebuild leaves: the events and the read models built from them. */
export interface RebuiltData {
  dataDir: string;
  events: number;
  remove(): void;
}

/**
 * Rebuild: a long history of generated events goes straight into an event store; then, each in a
 * fresh process, a raw SQLite read + JSON.parse of every row (the baseline) and the rebuild of every
 * projection (what `npm run rebuild` runs). The folder, read models built, is kept for the cold start.
 */
export async function rebuildPhase(context: BenchContext): Promise<{ figures: BenchResults['rebuild']; data: RebuiltData }> {
  const { events } = context.sizes.rebuild;
  const dir = tempDataDir('rebuild');
  try {
    context.progress(`rebuild: generating ${formatNumber(events)} events`);
    const seeded = await seedDataDir({ type: 'history', dataDir: dir.path, events }, 600_000);
    context.note(`rebuild: generated and appended ${formatNumber(seeded.events)} events in ${formatNumber(seeded.ms / 1000)} s`);

    context.progress(`rebuild: raw read + JSON.parse of ${formatNumber(seeded.events)} rows`);
    const raw = await replay({ type: 'rawRead', dataDir: dir.path });
    context.progress(`rebuild: replay of ${formatNumber(seeded.events)} events through every projection`);
    const rebuilt = await replay({ type: 'rebuild', dataDir: dir.path }, serviceNodeArgs(context, 'rebuild'));
    if (rebuilt.events !== seeded.events) throw new Error(`the rebuild applied ${rebuilt.events} events of ${seeded.events}`);
    context.note(`rebuild: ${formatNumber(rebuilt.ms / 1000)} s for the rebuild, ${formatNumber(raw.ms / 1000)} s for the raw read`);
    const eventsPerS = rebuilt.events / (rebuilt.ms / 1000);
    const baselinePerS = raw.events / (raw.ms / 1000);
    return {
      figures: { events: rebuilt.events, events_per_s: eventsPerS, baseline_events_per_s: baselinePerS, ratio: eventsPerS / baselinePerS },
      data: { dataDir: dir.path, events: rebuilt.events, remove: () => dir.remove() },
    };
  } catch (error) {
    dir.remove();
    throw error;
  }
}

async function replay(request: ReplayRequest, execArgv: string[] = []): Promise<ReplayReply> {
  const child = new BenchChild<ReplayRequest, ReplayReply>('replay', execArgv);
  try {
    return await child.ask(request, 'replayed', 900_000);
  } finally {
    await child.stop();
  }
}

import { median } from '../support/median';
import type { BenchContext } from '../BenchContext';
import type { BenchResults } from '../BenchResults';
import { formatNumber } from '../report/formatNumber';
import { getJson } from '../support/getJson';
import { serviceNodeArgs } from '../support/serviceNodeArgs';
import { startService } from '../support/startService';
import type { RebuiltData } from './rebuild';

/**
 * Cold start: the service started on the rebuilt folder (events and read models), timed from spawn
 * to the first 200 on /api/health, and its resident memory then; the median of a few starts (one
 * with --quick).
 */
export async function coldStartPhase(context: BenchContext, data: RebuiltData): Promise<BenchResults['coldStart']> {
  const starts = context.quick ? 1 : 3;
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < starts; i++) {
    context.progress(`coldStart: start ${i + 1} of ${starts} on ${formatNumber(data.events)} events`);
    const service = await startService({
      dataDir: data.dataDir,
      secret: context.secret,
      nodeArgs: i === 0 ? serviceNodeArgs(context, 'coldStart') : [],
      timeoutMs: 120_000,
    });
    try {
      times.push(service.startMs);
      rss.push(service.rssKb() / 1024);
      const health = await getJson(`${service.url}/api/health`);
      const position = (health.body as { position?: unknown }).position;
      if (i === 0) context.note(`coldStart: health at start said position ${String(position)} (${formatNumber(data.events)} events)`);
    } finally {
      await service.stop();
    }
  }
  context.note(`coldStart: ${times.map((t) => `${formatNumber(t)} ms`).join(', ')}`);
  return { events: data.events, ms: median(times), rss_mb: median(rss) };
}

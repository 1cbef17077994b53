import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BenchContext } from '../BenchContext';
import type { BenchResults } from '../BenchResults';
import { BIG_PROGRAMME_ID } from '../generate/bigProgramme';
import { CHROMIUM_ARGS, findChromium } from '@tayari/shared/testing/chromium';
import { measureFirstPaint } from '../support/firstPaint';
import { median } from '../support/median';
import { startSeededService } from '../support/startSeededService';

/** Where --profile puts the traces of first visits. */
function traceDir(profileDir: string): string {
  const dir = join(profileDir, 'pageFirstPaint');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The small board measured beside the big one. */
const SMALL = 50;

/**
 * Issue 14: the page on a phone with one programme of `bigProgramme.tasks` cards. The service is seeded
 * as for the big programme phase; Chromium opens an in-charge's sign-in link to that board at 390×844
 * with the CPU 4× slower, `runs` times in fresh contexts; the figure is the median time from
 * navigation to the first frame with the board's cards; `small_board_ms` is the same for a board of
 * 50 cards. Null (skipped, with a note) without Chromium.
 */
export async function pageFirstPaintPhase(context: BenchContext): Promise<BenchResults['pageFirstPaint'] | null> {
  const executablePath = findChromium();
  if (!executablePath) {
    context.note('pageFirstPaint: skipped, no Chromium (apt-get install -y chromium, or set CHROMIUM_PATH)');
    return null;
  }
  const { tasks } = context.sizes.bigProgramme;
  // Five visits: one machine's visits vary by ±150 ms, and the median of five holds steadier than of three.
  const runs = context.quick ? 1 : 5;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const [incharge] = await context.tokens.incharges(1);
    if (!incharge) throw new Error('no token');
    /** The median figures of `runs` visits to the board of one programme of `size` cards. */
    const measure = async (size: number) => {
      context.progress(`page first paint: seeding one programme of ${size} tasks`);
      const live = await startSeededService(context, 'page', size, 'big');
      try {
        const link = `${live.service.url}/?lang=en#token=${incharge}&route=${encodeURIComponent(`/programme/${BIG_PROGRAMME_ID}`)}`;
        const figures = [];
        for (let run = 0; run < runs; run++) {
          context.progress(`page first paint: ${size} cards, run ${run + 1} of ${runs}`);
          figures.push(await measureFirstPaint(browser, link));
        }
        // Traced and profiled on a visit of its own: tracing slows a visit, which must not count.
        if (context.profileDir) await measureFirstPaint(browser, link, join(traceDir(context.profileDir), `first-visit-${size}.json`));
        // Where the median first visit's time went, step by step.
        const middle = [...figures].sort((a, b) => a.coldMs - b.coldMs)[Math.floor(figures.length / 2)];
        const steps = Object.entries(middle?.steps ?? {}).map(([step, at]) => `${step} ${at} ms`);
        context.note(`pageFirstPaint, ${size} cards, first visit: ${steps.join(', ')}`);
        return { cold: median(figures.map((f) => f.coldMs)), warm: median(figures.map((f) => f.warmMs)), cards: Math.max(...figures.map((f) => f.cards)) };
      } finally {
        await live.stop();
      }
    };
    const big = await measure(tasks);
    // The same page with a small board, in the same run: what the machine (and the page's start) costs
    // whatever the size. Left out of --quick, which only shows that the phase runs.
    const small = context.quick ? undefined : await measure(SMALL);
    return { tasks, first_paint_ms: big.cold, warm_ms: big.warm, cards_drawn: big.cards, small_board_ms: small?.cold ?? Number.NaN };
  } finally {
    await browser.close();
  }
}

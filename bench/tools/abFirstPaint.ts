import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '@tayari/shared/testing/chromium';
import type { BenchContext } from '../BenchContext';
import { benchSizes } from '../BenchSizes';
import { BIG_PROGRAMME_ID } from '../generate/bigProgramme';
import { BenchTokens } from '../support/benchTokens';
import { measureFirstPaint, type PaintFigures } from '../support/firstPaint';
import { median } from '../support/median';
import { startSeededService } from '../support/startSeededService';

/**
 * `node bench/dist/tools/abFirstPaint.js <build> <build> … [--runs=8] [--tasks=5000]`: compares
 * builds of the page (copies of services/web/dist/public) on the bench's first visit, for a change
 * worth tens of milliseconds, which one bench run cannot tell from this machine's noise (±150 ms).
 * One seeded service; the builds take turns, visit by visit, so the machine's moods fall on all
 * of them alike. Prints, per build, the median first paint and the median of each step between the
 * page's marks. The page's folder is put back as it was at the end.
 */
const PUBLIC = join(__dirname, '..', '..', '..', 'services', 'web', 'dist', 'public');

/** The medians of the steps between the marks, in the order a visit goes through them. */
const STEPS: [string, string, string][] = [
  ['boot', 'app.js', 'boot'],
  ['built', 'boot', 'view-built'],
  ['server', 'preview sent', 'preview answered'],
  ['read', 'view-built', 'preview-read'],
  ['draw', 'preview-read', 'shown'],
  ['paint', 'shown', 'first card painted'],
];

function option(name: string, fallback: number): number {
  const given = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  if (!given) return fallback;
  const value = Number(given.slice(name.length + 3));
  if (!Number.isInteger(value) || value < 1) throw new Error(`abFirstPaint: --${name} takes a whole number above 0`);
  return value;
}

/** The median of the figures visits have, as text (a step whose marks a visit lacks is left out; "–" when none has them: an older page). */
function medianOf(values: readonly (number | undefined)[]): string {
  const known = values.filter((value): value is number => value !== undefined && Number.isFinite(value));
  return known.length === 0 ? '–' : String(Math.round(median(known)));
}

/** Makes `PUBLIC` exactly `from`: a file only one build has must not stay behind (serveWeb prefers a .br copy). */
function putPage(from: string): void {
  rmSync(PUBLIC, { recursive: true, force: true });
  cpSync(from, PUBLIC, { recursive: true });
}

function report(build: string, visits: readonly PaintFigures[]): string {
  const step = (from: string, to: string) =>
    medianOf(visits.map((v) => (v.steps[to] === undefined || v.steps[from] === undefined ? undefined : v.steps[to] - v.steps[from])));
  const steps = STEPS.map(([name, from, to]) => `${name} ${step(from, to)}`).join(', ');
  return `${build}: first paint ${Math.round(median(visits.map((v) => v.coldMs)))} ms (${visits.map((v) => Math.round(v.coldMs)).join(' ')}); app.js ${medianOf(visits.map((v) => v.steps['app.js']))}, ${steps}`;
}

async function main(): Promise<void> {
  const builds = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const executablePath = findChromium();
  if (builds.length < 2 || !executablePath) throw new Error('usage: abFirstPaint <build folder> <build folder> … [--runs=8] [--tasks=5000] (needs Chromium)');
  // The page's own folder is emptied before each build is copied in: it cannot be one of them.
  if (builds.some((build) => resolve(build) === resolve(PUBLIC))) throw new Error('abFirstPaint: copy services/web/dist/public elsewhere and pass the copy');
  const kept = mkdtempSync(join(tmpdir(), 'tayari-ab-'));
  cpSync(PUBLIC, kept, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  const noop = () => undefined;
  const context: BenchContext = {
    quick: false,
    sizes: benchSizes(false),
    secret,
    tokens: new BenchTokens(secret),
    profileDir: undefined,
    progress: noop,
    note: noop,
  };
  const live = await startSeededService(context, 'ab', option('tasks', context.sizes.bigProgramme.tasks), 'big');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const [token] = await context.tokens.incharges(1);
    if (token === undefined) throw new Error('abFirstPaint: no in-charge token');
    const link = `${live.service.url}/?lang=en#token=${token}&route=${encodeURIComponent(`/programme/${BIG_PROGRAMME_ID}`)}`;
    // The service's first read of the programme loads its rows: not counted.
    await measureFirstPaint(browser, link);
    const visits = new Map<string, PaintFigures[]>(builds.map((build) => [build, []]));
    for (let run = 0; run < option('runs', 8); run++) {
      // Each build goes first in turn: a visit must not always follow the same other build's.
      for (const build of run % 2 === 0 ? builds : [...builds].reverse()) {
        putPage(build);
        visits.get(build)?.push(await measureFirstPaint(browser, link));
      }
    }
    for (const [build, figures] of visits) console.log(report(build, figures));
  } finally {
    await browser.close();
    await live.stop();
    putPage(kept);
    rmSync(kept, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

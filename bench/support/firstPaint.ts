import { writeFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';

/** A phone's screen (the page tests' PHONE) and the CPU slowdown issue 14 measures at. */
export const PHONE = { width: 390, height: 844 };
export const CPU_SLOWDOWN = 4;

/**
 * Runs before the page's code: marks the title of the first card put in a column for Element Timing,
 * whose entry says when the frame showing it was painted (ms since navigation started), and puts
 * that on the root element for the bench to read. Without Element Timing: the next frame's time.
 */
const NOTE_FIRST_CARDS = `(() => {
  const note = (at) => { document.documentElement.dataset.firstCards ??= String(at); };
  if (PerformanceObserver.supportedEntryTypes.includes('element')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.identifier === 'first-card') note(entry.renderTime || entry.loadTime);
    }).observe({ type: 'element', buffered: true });
  }
  const observer = new MutationObserver(() => {
    const title = document.querySelector('.column .card .card-title');
    if (!title) return;
    observer.disconnect();
    title.setAttribute('elementtiming', 'first-card');
    if (!PerformanceObserver.supportedEntryTypes.includes('element')) requestAnimationFrame(() => setTimeout(() => note(performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

export interface PaintFigures {
  /** A first visit: the sign-in link, nothing cached. */
  coldMs: number;
  /** The same board opened again (reload): page files cached, token kept. */
  warmMs: number;
  /** Card elements on the page once it is shown (the columns draw their first cards only). */
  cards: number;
  /** When the first visit got where (ms from navigation start): the page's own marks (`tayari:*`) and its files' arrival. */
  steps: Record<string, number>;
}

/** The page's User Timing marks, when its document and script arrived and when its first board (the preview) was asked for and answered, as JSON (CDP returns it by value). */
const STEPS = `JSON.stringify(Object.fromEntries([
  ['document', performance.getEntriesByType('navigation')[0]?.responseEnd ?? 0],
  ['app.js', performance.getEntriesByType('resource').find((r) => r.name.endsWith('/app.js'))?.responseEnd ?? 0],
  ...(() => {
    const preview = performance.getEntriesByType('resource').find((r) => r.name.includes('perColumn='));
    return preview ? [['preview sent', preview.requestStart], ['preview answered', preview.responseStart], ['preview came', preview.responseEnd]] : [];
  })(),
  ...performance.getEntriesByType('mark').filter((m) => m.name.startsWith('tayari:')).map((m) => [m.name.slice(7), m.startTime]),
].map(([name, at]) => [name, Math.round(at)])))`;

/** Asked this often whether the first cards are on screen. */
const POLL_MS = 50;

/**
 * Evaluates `expression` in the page over CDP: Playwright's own selectors would first inject its
 * script into the page, on the main thread being measured. (The page's CSP does not apply to CDP.)
 */
async function evaluate(cdp: CDPSession, expression: string): Promise<unknown> {
  const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
  return result.value;
}

async function firstCardsAt(cdp: CDPSession): Promise<number> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const at = await evaluate(cdp, 'document.documentElement.dataset.firstCards ?? null');
    if (typeof at === 'string') return Number(at);
    if (Date.now() > deadline) throw new Error('the first cards were never shown');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** How long no request may be on its way for the page's reads to count as finished. */
const QUIET_MS = 300;

/**
 * Resolves once none of the page's requests has been on its way for `QUIET_MS` (at most 30 s): the
 * whole board read after the first cards, answered by the same service, must not still be built and
 * compressed while the next visit is measured (each visit measures the page against a quiet service).
 */
function quietNetwork(page: Page): { settled(): Promise<void> } {
  let pending = 0;
  let lastChange = Date.now();
  const started = (): void => {
    pending += 1;
    lastChange = Date.now();
  };
  const ended = (): void => {
    pending -= 1;
    lastChange = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    async settled() {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && (pending > 0 || Date.now() - lastChange < QUIET_MS)) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      // Said on stderr with the bench's progress: the next visit may be measured against a busy service.
      if (pending > 0) console.error(`pageFirstPaint: ${pending} of the page's requests still on their way after 30 s`);
    },
  };
}

/** What a trace of the first visit records: the main thread's tasks with their JavaScript, and network requests. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'netlog'];

/**
 * Opens `link` (a sign-in link to a programme board) in a fresh phone-sized browser context whose CPU
 * runs `CPU_SLOWDOWN` times slower (CDP Emulation.setCPUThrottlingRate), then reloads it. With
 * `traceFile`, the first visit is traced there (Chrome trace format; `node bench/dist/tools/traceSummary.js`)
 * and its JavaScript profiled beside it (.cpuprofile; `node bench/dist/tools/topFrames.js`), the reload
 * the same with `-reload` in the names.
 */
export async function measureFirstPaint(browser: Browser, link: string, traceFile?: string): Promise<PaintFigures> {
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    timezoneId: 'Asia/Kolkata',
    locale: 'en-IN',
  });
  try {
    await context.addInitScript(NOTE_FIRST_CARDS);
    const page = await context.newPage();
    const network = quietNetwork(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    /** Runs `visit`, traced and profiled into `file` when given. */
    const traced = async (file: string | undefined, visit: () => Promise<unknown>): Promise<number> => {
      if (file) {
        await browser.startTracing(page, { path: file, categories: TRACE_CATEGORIES });
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      await visit();
      const at = await firstCardsAt(cdp);
      if (file) {
        await browser.stopTracing();
        const { profile } = await cdp.send('Profiler.stop');
        writeFileSync(file.replace(/\.json$/, '.cpuprofile'), JSON.stringify(profile));
      }
      return at;
    };
    const coldMs = await traced(traceFile, () => page.goto(link));
    const cards = Number(await evaluate(cdp, "document.querySelectorAll('.column .card').length"));
    const steps = JSON.parse(String(await evaluate(cdp, STEPS))) as Record<string, number>;
    await network.settled();
    const warmMs = await traced(traceFile?.replace(/\.json$/, '-reload.json'), () => page.reload());
    await network.settled();
    return { coldMs, warmMs, cards, steps: { ...steps, 'first card painted': coldMs } };
  } finally {
    await context.close();
  }
}

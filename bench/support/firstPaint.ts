import type { Browser, Page } from 'playwright-core';

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
}

async function firstCardsAt(page: Page): Promise<number> {
  // Read off an attribute: the page's CSP allows no eval, and the bench is compiled without the DOM's types.
  await page.waitForSelector('html[data-first-cards]', { state: 'attached', timeout: 120_000 });
  return Number(await page.getAttribute('html', 'data-first-cards'));
}

/**
 * Opens `link` (a sign-in link to a programme board) in a fresh phone-sized browser context whose CPU
 * runs `CPU_SLOWDOWN` times slower (CDP Emulation.setCPUThrottlingRate), then reloads it.
 */
export async function measureFirstPaint(browser: Browser, link: string): Promise<PaintFigures> {
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
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(link);
    const coldMs = await firstCardsAt(page);
    const cards = await page.locator('.column .card').count();
    await page.reload();
    const warmMs = await firstCardsAt(page);
    return { coldMs, warmMs, cards };
  } finally {
    await context.close();
  }
}

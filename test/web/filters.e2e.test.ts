import { join } from 'node:path';
import type { ProgrammeBoardPayload, WingBoardPayload } from '@tayari/projections/boards/types';
import { browserSuite, DESKTOP, PHONE, SHOTS, WebHarness } from './WebHarness';
import { nth } from '@tayari/shared/testing/nth';

/**
 * Filters and search on the programme and wing boards in a real browser: chosen on the page, kept in
 * the address, sent to the API and the socket as SPEC v2's filter, and the cards shown are exactly the
 * ones the API's filtered board has; "done" starts folded.
 */
const suite = browserSuite('test/web/filters.e2e.test.ts');

interface Subscribe {
  type: string;
  board: string;
  filter?: Record<string, unknown>;
}

/** Records what the page subscribes to, before its own code runs. */
const RECORD_SUBSCRIBES = `(() => {
  const Native = window.WebSocket;
  window.__subs = [];
  window.WebSocket = class extends Native {
    send(data) {
      try { const m = JSON.parse(String(data)); if (m.type === 'subscribe') window.__subs.push(m); } catch {}
      super.send(data);
    }
  };
})();`;

suite('filters and search in a real browser', () => {
  const web = new WebHarness();
  let tour: string;

  /** The ids of the cards on the page (every column, folded ones too), sorted. */
  const cardsShown = () => web.page.$$eval('.column .card, .wing-programme .card', (els) => els.map((el) => (el as HTMLElement).dataset.taskId ?? '?').sort());

  /** Waits until the page's cards are exactly the API's filtered board's (read at about the same moment). */
  async function expectCardsEqualServer(path: string, timeoutMs = 5000): Promise<string[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const [onPage, server] = await Promise.all([cardsShown(), web.api<ProgrammeBoardPayload | WingBoardPayload>(path)]);
      const ids = Object.keys(server.cards).sort();
      try {
        expect(onPage).toEqual(ids);
        return ids;
      } catch (error) {
        if (Date.now() > until) throw error;
      }
      await web.page.waitForTimeout(100);
    }
  }

  const lastSubscribe = (board: string) =>
    web.page.evaluate((b) => (window as unknown as { __subs: Subscribe[] }).__subs.filter((m) => m.board === b).pop() ?? null, board);

  /** The board's last subscription once it carries `filter` (a new filter is subscribed after its first read is in). */
  async function subscribedWith(board: string, filter: Record<string, unknown>): Promise<Subscribe | null> {
    await web.page
      .waitForFunction(
        ([b, f]) => {
          const last = (window as unknown as { __subs: Subscribe[] }).__subs.filter((m) => m.board === b).pop();
          return JSON.stringify(last?.filter) === JSON.stringify(f);
        },
        [board, filter] as const,
        { timeout: 5000 },
      )
      .catch(() => undefined);
    return lastSubscribe(board);
  }

  beforeAll(async () => {
    await web.start();
    await web.context.addInitScript(RECORD_SUBSCRIBES);
    tour = await web.biggestTour();
  }, 120_000);
  afterEach(() => expect(web.watch.take()).toEqual([]));
  afterAll(() => web.close());

  it('searches in Devanagari: the address, the GET and the socket carry q, and the cards are the API’s', async () => {
    await web.open('incharge', `/programme/${tour}`);
    await web.page.waitForSelector('.column .card');
    await web.page.fill('input[name="q"]', 'मंच');
    await web.page.press('input[name="q"]', 'Enter');
    await web.page.waitForFunction(() => location.hash.includes('q='));
    expect(decodeURIComponent(new URL(web.page.url()).hash)).toBe(`#/programme/${tour}?q=मंच`);
    const ids = await expectCardsEqualServer(`/api/boards/programme/${tour}?q=${encodeURIComponent('मंच')}`);
    expect(ids.length).toBeGreaterThan(1);
    expect(await web.page.textContent('.filter-matches')).toBe(`Showing ${ids.length} cards that match`);
    expect(await subscribedWith(`programme:${tour}`, { q: 'मंच' })).toMatchObject({ filter: { q: 'मंच' } });
    // The focus stays in the search box across the rebuild.
    expect(await web.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('q');
  });

  it('narrows by status and wing at once, kept in the address; a reload keeps it; clear brings every card back', async () => {
    await web.page.click('button.filter-clear');
    await web.page.waitForFunction(() => !location.hash.includes('?'));
    await web.page.check('input[name="status-blocked"]');
    await web.page.waitForFunction(() => location.hash.includes('status=blocked'));
    await web.page.selectOption('select[name="wing"]', 'adivasi');
    await web.page.waitForFunction(() => location.hash.includes('wing=adivasi'));
    expect(new URL(web.page.url()).hash).toBe(`#/programme/${tour}?wing=adivasi&status=blocked`);
    const ids = await expectCardsEqualServer(`/api/boards/programme/${tour}?wing=adivasi&status=blocked`);
    expect(ids.length).toBeGreaterThan(0);
    expect(await subscribedWith(`programme:${tour}`, { wing: 'adivasi', status: ['blocked'] })).toMatchObject({
      filter: { wing: 'adivasi', status: ['blocked'] },
    });
    await web.page.reload();
    await web.page.waitForSelector('.column .card');
    expect(await web.page.isChecked('input[name="status-blocked"]')).toBe(true);
    await expectCardsEqualServer(`/api/boards/programme/${tour}?wing=adivasi&status=blocked`);
    await web.page.click('button.filter-clear');
    await web.page.waitForFunction(() => !location.hash.includes('?'));
    await expectCardsEqualServer(`/api/boards/programme/${tour}`);
  });

  it('shows only overdue work, and only a stop’s, as the API filters them', async () => {
    await web.page.check('input[name="overdue"]');
    await web.page.waitForFunction(() => location.hash.includes('overdue=true'));
    const overdue = await expectCardsEqualServer(`/api/boards/programme/${tour}?overdue=true`);
    expect(overdue.length).toBeGreaterThan(0);
    await web.page.uncheck('input[name="overdue"]');
    await web.page.waitForFunction(() => !location.hash.includes('overdue'));
    const board = await web.api<ProgrammeBoardPayload>(`/api/boards/programme/${tour}`);
    if (board.programme.kind !== 'tour') throw new Error('not a tour');
    const stop = nth(board.programme.stops, 0);
    await web.page.selectOption('select[name="stop"]', stop.id);
    await web.page.waitForFunction((id) => location.hash.includes(`stop=${id}`), stop.id);
    await expectCardsEqualServer(`/api/boards/programme/${tour}?stop=${stop.id}`);
    await web.page.click('button.filter-clear');
    await web.page.waitForFunction(() => !location.hash.includes('?'));
  });

  it('folds "done" by default, and unfolds it on demand', async () => {
    await web.page.waitForSelector('.column-done .card', { state: 'attached' });
    expect(await web.page.locator('.column-done').getAttribute('class')).toContain('column-folded');
    expect(await web.page.locator('.column-done .card').first().isVisible()).toBe(false);
    const done = Object.values((await web.api<ProgrammeBoardPayload>(`/api/boards/programme/${tour}`)).cards).filter((c) => c.status === 'done').length;
    expect(await web.page.textContent('.column-done .col-fold')).toBe(`Show done (${done})`);
    await web.page.click('.column-done .col-fold');
    expect(await web.page.locator('.column-done .card').first().isVisible()).toBe(true);
    // Asking for done work shows it unfolded.
    await web.go(`#/programme/${tour}?status=done`);
    await web.page.waitForSelector('.column-done .card');
    expect(await web.page.locator('.column-done .card').first().isVisible()).toBe(true);
  });

  it('filters a wing’s board the same way, and leaves its done work folded', async () => {
    await web.go('#/wing/adivasi?q=bus');
    await web.page.waitForSelector('.wing-programme .card');
    const ids = await expectCardsEqualServer('/api/boards/wing/adivasi?q=bus');
    expect(ids.length).toBeGreaterThan(0);
    await web.go('#/wing/adivasi');
    await web.page.waitForSelector('.wing-programme .card');
    const board = await web.api<WingBoardPayload>('/api/boards/wing/adivasi');
    const open = Object.values(board.cards)
      .filter((c) => c.status !== 'done')
      .map((c) => c.id)
      .sort();
    expect(await cardsShown()).toEqual(open);
    await web.page.click('.view-wing .col-fold');
    await expectCardsEqualServer('/api/boards/wing/adivasi');
    // Its counts lead to the lists they count: the wing's own, and each programme's narrowed to the wing.
    expect(await web.page.getAttribute('.view-wing .panel-summary .count-overdue a', 'href')).toBe('#/wing/adivasi?overdue=true');
    const section = web.page.locator(`.wing-programme[data-programme-id="${tour}"]`);
    expect(await section.locator('.count-blocked a').getAttribute('href')).toBe(`#/programme/${tour}?cards=all&wing=adivasi&blocked=true`);
    await web.page.click('.view-wing .panel-summary .count-overdue a');
    await web.page.waitForFunction(() => location.hash === '#/wing/adivasi?overdue=true');
    await expectCardsEqualServer('/api/boards/wing/adivasi?overdue=true');
  });

  it('speaks Hindi and fits a phone', async () => {
    await web.page.setViewportSize(PHONE);
    try {
      await web.page.goto(`${web.url}/?lang=hi#/programme/${tour}?q=${encodeURIComponent('मंच')}`);
      await web.page.waitForSelector('.column .card');
      expect(await web.page.textContent('.filter-q label')).toBe('काम या व्यक्ति का नाम खोजें');
      const ids = await expectCardsEqualServer(`/api/boards/programme/${tour}?q=${encodeURIComponent('मंच')}`);
      expect(await web.page.textContent('.filter-matches')).toBe(`मेल खाते ${ids.length} कार्ड दिख रहे हैं`);
      expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await web.page.locator('.filters').scrollIntoViewIfNeeded();
      await web.page.screenshot({ path: join(SHOTS, 'programme-filtered-hi-390x844.png') });
      await web.page.setViewportSize(DESKTOP);
      await web.page.goto(`${web.url}/?lang=en#/programme/${tour}?status=blocked,todo`);
      await web.page.waitForSelector('.column .card');
      await web.page.screenshot({ path: join(SHOTS, 'programme-filtered-1366x900.png') });
    } finally {
      await web.page.setViewportSize(DESKTOP);
    }
  });
});

import { join } from 'node:path';
import type { ProgrammeBoardPayload } from '@tayari/projections/boards/types';
import { COLUMN_PAGE } from '../../services/web/page/views/Column';
import { t } from '../../services/web/page/i18n';
import { browserSuite, DESKTOP, PHONE, SHOTS, WebHarness } from './WebHarness';

/**
 * A long programme board (issue 14) in a real browser: each column draws its first cards and more on
 * "show more", "done" starts folded, and the counts and filters still cover every card. Timings are
 * the bench's (`npm run bench:page`), never a test's.
 */
const suite = browserSuite('test/web/longBoard.e2e.test.ts');

const TASKS = 140;
const DONE = 40;
const WINGS = ['adivasi', 'youth', 'mahila', 'kisan'];
/** Each wait fails on its own, naming itself, well before the test's limit (a loaded machine). */
const STEP_MS = 15_000;
const TEST_MS = 60_000;

suite('a long programme board in a real browser', () => {
  // The race test holds the whole board's read with page.route, which a service worker would bypass.
  const web = new WebHarness({ serviceWorkers: 'block' });
  let id: string;
  let board: ProgrammeBoardPayload;

  const batch = async (commands: { path: string; body: object }[]) => {
    const response = await fetch(`${web.url}/api/commands/batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${web.tokens.incharge}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ commands: commands.map((c, i) => ({ method: 'POST', ...c, idempotencyKey: `long-${Date.now()}-${i}` })) }),
    });
    if (response.status !== 200) throw new Error(`batch: ${response.status} ${await response.text()}`);
  };

  const count = (selector: string) => web.page.locator(selector).count();
  /** Waits until `n` elements match: a column draws a few cards in its first frame, the rest of its page just after. */
  const drawn = (selector: string, n: number) =>
    web.page.waitForFunction(([sel, want]) => document.querySelectorAll(sel).length === want, [selector, n] as const, { timeout: STEP_MS });

  beforeAll(async () => {
    await web.start();
    const startsAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    ({ id } = await web.post('/api/meetings', { title: 'Booth review (long board)', venue: 'Raipur office', startsAt, chairs: ['State in-charge'] }));
    const tasks = Array.from({ length: TASKS }, (_, i) => ({
      path: '/api/tasks',
      body: { id: `long-${i}`, programmeId: id, wing: WINGS[i % WINGS.length], title: `Booth ${i + 1} पर्चे बाँटना` },
    }));
    await batch(tasks);
    await batch(tasks.slice(0, DONE).map((_, i) => ({ path: `/api/tasks/long-${i}/status`, body: { status: 'done' } })));
    board = await web.api<ProgrammeBoardPayload>(`/api/boards/programme/${id}`);
  }, 120_000);
  afterEach(() => expect(web.watch.take()).toEqual([]));
  afterAll(() => web.close());

  it(
    'draws the first cards of each column, and more on "show more"; the counts are the whole column’s',
    async () => {
      expect(Object.keys(board.cards)).toHaveLength(TASKS);
      const open = TASKS - DONE;
      const reads: string[] = [];
      const onRequest = (request: { url(): string }) => {
        if (request.url().includes(`/api/boards/programme/${id}`)) reads.push(new URL(request.url()).search);
      };
      web.page.on('request', onRequest);
      // Where the To do column's first card is, frame by frame: nothing drawn later may move it (the
      // folded "Add a task" once came a frame after the cards and moved everything below by 48 px).
      await web.page.addInitScript(() => {
        // This test's page only: the suite's later pages are not watched frame by frame.
        if (sessionStorage.getItem('todoTopsRead')) return;
        const tops: number[] = [];
        Object.assign(window, { todoTops: tops });
        const look = (): void => {
          const card = document.querySelector<HTMLElement>('.column[data-column="todo"] .card');
          const top = card?.offsetParent ? Math.round(card.getBoundingClientRect().top + scrollY) : undefined;
          if (top !== undefined && tops.at(-1) !== top) tops.push(top);
          if (!sessionStorage.getItem('todoTopsRead')) requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
      await web.open('incharge', `/programme/${id}`);
      // The first frame draws a few cards per column, the rest of the first page follows.
      await drawn('.column[data-column="todo"] .card', COLUMN_PAGE);
      await web.page.waitForSelector('.view-programme[data-board="whole"]', { timeout: STEP_MS });
      expect(
        await web.page.evaluate(() => {
          sessionStorage.setItem('todoTopsRead', 'yes');
          return (window as unknown as { todoTops: number[] }).todoTops;
        }),
      ).toHaveLength(1);
      // Read first as each column's first cards (past SPEC perColumn), then whole.
      web.page.off('request', onRequest);
      expect(reads).toEqual([`?perColumn=${COLUMN_PAGE}`, '']);
      expect(await web.page.textContent('.column[data-column="todo"] .col-head .col-count')).toBe(String(open));
      const more = web.page.locator('.column[data-column="todo"] .col-more');
      expect(await more.textContent()).toBe(`Show ${COLUMN_PAGE} more (${open - COLUMN_PAGE} not shown)`);
      await more.click({ timeout: STEP_MS });
      await drawn('.column[data-column="todo"] .card', 2 * COLUMN_PAGE);
      // The button keeps the focus across the redraw, for the next press.
      expect(await web.page.evaluate(() => document.activeElement?.classList.contains('col-more'))).toBe(true);
      // "Done" is folded, draws at most a page (for print), and says how many there are.
      expect(await web.page.locator('.column-done').getAttribute('class')).toContain('column-folded');
      expect(await web.page.textContent('.column-done .col-fold')).toBe(`Show done (${DONE})`);
      // Folded, it still draws its first page (for print) once the first frame is past.
      expect(await count('.column-done .card')).toBe(Math.min(DONE, COLUMN_PAGE));
      expect(await web.page.locator('.column-done .col-more').isVisible()).toBe(false);
      // Bounded: two pages of To do, the first page of Done, never every card of the board.
      expect(await count('.column .card')).toBe(2 * COLUMN_PAGE + Math.min(DONE, COLUMN_PAGE));
    },
    TEST_MS,
  );

  it('filters count every matching card, not only those drawn', async () => {
    const q = 'Booth 1';
    const filtered = await web.api<ProgrammeBoardPayload>(`/api/boards/programme/${id}?q=${encodeURIComponent(q)}`);
    const n = Object.keys(filtered.cards).length;
    expect(n).toBeGreaterThan(COLUMN_PAGE);
    await web.page.fill('input[name="q"]', q);
    await web.page.press('input[name="q"]', 'Enter');
    await web.page.waitForFunction((text) => document.querySelector('.filter-matches')?.textContent === text, `Showing ${n} cards that match`);
    const counts = await web.page.$$eval('.column .col-head .col-count', (els) => els.map((el) => Number(el.textContent)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
    await drawn('.column[data-column="todo"] .card', COLUMN_PAGE);
    await web.page.screenshot({ path: join(SHOTS, 'long-board-filtered-1366x900.png') });
  });

  it('a board left and opened again while its whole read is on its way is read once, and not sent again by the socket', async () => {
    const reads: string[] = [];
    const snapshots: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await web.page.route(`**/api/boards/programme/${id}*`, async (route) => {
      const search = new URL(route.request().url()).search;
      reads.push(search);
      // The whole board's read is held until the page has gone away and come back.
      if (search === '') await held;
      await route.continue();
    });
    web.page.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        const message = JSON.parse(String(payload)) as { type?: string; board?: string };
        if (message.type === 'snapshot' && message.board === `programme:${id}`) snapshots.push(message.board);
      }),
    );
    try {
      await web.open('incharge', `/programme/${id}`);
      // No worker between the page and page.route (see the harness above): fail here, not on a 30 s wait.
      expect(await web.page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
      await web.page.waitForSelector('.column[data-column="todo"] .card');
      await web.go('#/');
      await web.page.waitForSelector('.view-readiness');
      await web.go(`#/programme/${id}`);
      await web.page.waitForSelector('.column[data-column="todo"] .card');
      const whole = web.page.waitForResponse((response) => {
        const url = new URL(response.url());
        return url.pathname === `/api/boards/programme/${id}` && url.search === '';
      });
      release();
      await whole;
      // Time for a second read or a snapshot, had the page asked for one.
      await web.page.waitForTimeout(500);
      expect(reads).toEqual([`?perColumn=${COLUMN_PAGE}`, '']);
      expect(snapshots).toEqual([]);
    } finally {
      release();
      await web.page.unroute(`**/api/boards/programme/${id}*`);
    }
  });

  it('on a phone in Hindi: the same paging, in Hindi words', async () => {
    await web.page.setViewportSize(PHONE);
    await web.open('incharge', `/programme/${id}`, 'hi');
    const open = TASKS - DONE;
    await drawn('.column[data-column="todo"] .card', COLUMN_PAGE);
    expect(await web.page.textContent('.column[data-column="todo"] .col-more')).toBe(t('hi', 'showMoreCards', { n: COLUMN_PAGE, left: open - COLUMN_PAGE }));
    await web.page.click('.column-done .col-fold');
    await web.page.waitForFunction(() => !document.querySelector('.column-done')?.classList.contains('column-folded'));
    expect(await count('.column-done .card:visible')).toBe(Math.min(DONE, COLUMN_PAGE));
    expect(await web.page.textContent('.column-done .col-more')).toBe(t('hi', 'showMoreCards', { n: DONE - COLUMN_PAGE, left: DONE - COLUMN_PAGE }));
    await web.page.screenshot({ path: join(SHOTS, 'long-board-hi-390x844.png') });
    await web.page.setViewportSize(DESKTOP);
  });
});

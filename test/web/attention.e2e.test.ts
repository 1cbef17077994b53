import { join } from 'node:path';
import type { AttentionBoardPayload, ProgrammeBoardPayload } from '@tayari/projections/boards/types';
import { nth } from '@tayari/shared/testing/nth';
import { browserSuite, DESKTOP, PHONE, SHOTS, WebHarness } from './WebHarness';

/**
 * The attention view in a real browser: the in-charge lands on it, it shows each list of GET
 * /api/boards/attention in the API's order, follows the live `attention` board, and every count on
 * it leads to the filtered list it counts; in English and Hindi, at desktop and phone width.
 */
const suite = browserSuite('test/web/attention.e2e.test.ts');

/** What the view shows, list by list, by the ids it keys its lines with. */
function shownOrder() {
  const ids = (part: string, attr: string) =>
    Array.from(document.querySelectorAll<HTMLElement>(`.att-${part} [${attr}]`)).map((el) => el.getAttribute(attr) ?? '?');
  return {
    programmes: ids('programmes', 'data-programme-id'),
    overdue: ids('overdue', 'data-task-id'),
    blocked: ids('blocked', 'data-task-id'),
    unacknowledged: ids('unacknowledged', 'data-responsibility-id'),
    wings: ids('wings', 'data-wing'),
  };
}

function expectedOrder(board: AttentionBoardPayload) {
  return {
    programmes: board.programmes.map((p) => p.id),
    overdue: board.overdue.map((c) => c.id),
    blocked: board.blocked.map((c) => c.id),
    unacknowledged: board.unacknowledged.map((r) => r.id),
    wings: board.wings.map((w) => w.wing),
  };
}

suite('the attention view in a real browser', () => {
  const web = new WebHarness();

  /** Waits until the page shows the lists in the order GET answers (both read at about the same moment). */
  async function expectOrderEqualsServer(query = '', timeoutMs = 5000): Promise<AttentionBoardPayload> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const [onPage, server] = await Promise.all([web.page.evaluate(shownOrder), web.api<AttentionBoardPayload>(`/api/boards/attention${query}`)]);
      try {
        expect(onPage).toEqual(expectedOrder(server));
        return server;
      } catch (error) {
        if (Date.now() > until) throw error;
      }
      await web.page.waitForTimeout(100);
    }
  }

  beforeAll(() => web.start(), 120_000);
  afterEach(() => expect(web.watch.take()).toEqual([]));
  afterAll(() => web.close());

  it('is where an in-charge’s link lands, with every list in the API’s order', async () => {
    await web.page.goto(`${web.url}/?lang=en#token=${web.tokens.incharge}`);
    await web.page.waitForSelector('.view-attention .att-item');
    expect(new URL(web.page.url()).hash).toBe('#/attention');
    expect(await web.page.textContent('h2.view-title')).toBe('What needs attention now');
    expect(await web.page.getAttribute('.nav a[href="#/attention"]', 'aria-current')).toBe('page');
    const board = await expectOrderEqualsServer();
    // The demo has something in every list, so the order is really compared.
    expect(board.overdue.length).toBeGreaterThan(1);
    expect(board.unacknowledged.length).toBeGreaterThan(1);
    expect(board.wings.length).toBeGreaterThan(1);
    // Headings say how many.
    expect(await web.page.textContent('.att-overdue .att-head .col-count')).toBe(String(board.overdue.length));
    // How long, in words, from the API's figure.
    expect(await web.page.textContent(`.att-overdue [data-task-id="${nth(board.overdue, 0).id}"] .att-age`)).toMatch(/^overdue by \d+ (d|h|min)/);
    // Coming back later by the bare address (the link kept on this device) lands there too.
    await web.page.goto(`${web.url}/?lang=en`);
    await web.page.waitForSelector('.view-attention .att-item');
    expect(new URL(web.page.url()).hash).toBe('#/attention');
  });

  it('links every count to the filtered list it counts', async () => {
    const board = await web.api<AttentionBoardPayload>('/api/boards/attention');
    const late = nth(board.overdue, 0);
    expect(await web.page.getAttribute(`.att-overdue [data-task-id="${late.id}"] a.att-programme`, 'href')).toBe(
      `#/programme/${late.programmeId}?cards=all&overdue=true`,
    );
    const worst = nth(board.wings, 0);
    if (worst.overdue > 0) {
      expect(await web.page.textContent(`.att-wings [data-wing="${worst.wing}"] a.att-count`)).toBe(`${worst.overdue} overdue`);
      expect(await web.page.getAttribute(`.att-wings [data-wing="${worst.wing}"] a.att-count`, 'href')).toBe(`#/wing/${worst.wing}?overdue=true`);
    }
    const duty = nth(board.unacknowledged, 0);
    expect(await web.page.getAttribute(`.att-unacknowledged [data-responsibility-id="${duty.id}"] a.att-programme`, 'href')).toBe(
      `#/programme/${duty.programmeId}?cards=all&wing=${duty.wing}`,
    );
    // An at-risk programme's "N overdue" opens its board narrowed to exactly those cards.
    const risky = board.programmes.find((p) => p.readiness.overdue > 0);
    if (!risky) throw new Error('the demo needs an at-risk programme with overdue work');
    await web.page.click(`.att-programmes [data-programme-id="${risky.id}"] .count-overdue a`);
    await web.page.waitForFunction(() => location.hash.includes('overdue=true'));
    expect(new URL(web.page.url()).hash).toBe(`#/programme/${risky.id}?cards=all&overdue=true`);
    await web.page.waitForSelector('.column .card');
    const filtered = await web.api<ProgrammeBoardPayload>(`/api/boards/programme/${risky.id}?overdue=true`);
    await web.page.waitForFunction((n) => document.querySelectorAll('.column .card').length === n, Object.keys(filtered.cards).length, { timeout: 5000 });
    // A meeting of a series counts the follow-ups it carries from the earlier ones (shown above its own cards).
    const carried = Object.keys(filtered.series?.followUps ?? {}).length;
    expect(Object.keys(filtered.cards).length + carried).toBe(risky.readiness.overdue);
  });

  it('follows the live attention board: a task blocked elsewhere shows up in the API’s place', async () => {
    await web.go('#/attention');
    await web.page.waitForSelector('.view-attention .att-item');
    const tour = await web.biggestTour();
    const board = await web.api<ProgrammeBoardPayload>(`/api/boards/programme/${tour}`);
    const open = Object.values(board.cards).find((c) => c.status === 'todo' && !c.stopCancelled);
    if (!open) throw new Error('the demo tour needs an open task');
    await web.post(`/api/tasks/${open.id}/status`, { status: 'blocked', reason: 'टेंट वाला नहीं आया — the tent supplier did not come' });
    await web.page.waitForSelector(`.att-blocked [data-task-id="${open.id}"]`, { timeout: 3000 });
    await expectOrderEqualsServer();
    expect(await web.page.textContent(`.att-blocked [data-task-id="${open.id}"] .card-blocked`)).toBe(
      'Blocked: टेंट वाला नहीं आया — the tent supplier did not come',
    );
    await web.page.screenshot({ path: join(SHOTS, 'attention-1366x900.png'), fullPage: true });
  });

  it('speaks Hindi and fits a phone, same order', async () => {
    await web.page.setViewportSize(PHONE);
    try {
      await web.page.goto(`${web.url}/?lang=hi#/attention`);
      await web.page.waitForSelector('.view-attention .att-item');
      expect(await web.page.textContent('h2.view-title')).toBe('अभी किस पर ध्यान देना है');
      expect(await web.page.textContent('.att-overdue .att-head span:first-child')).toBe('समय निकल चुके काम');
      expect(await web.page.textContent('.att-overdue .att-age')).toMatch(/से समय निकला$/);
      await expectOrderEqualsServer();
      expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await web.page.screenshot({ path: join(SHOTS, 'attention-hi-390x844.png') });
      await web.page.screenshot({ path: join(SHOTS, 'attention-hi-390x844-full.png'), fullPage: true });
    } finally {
      await web.page.setViewportSize(DESKTOP);
    }
  });

  it('shows a wing lead what needs attention in their own wing (the wing filter)', async () => {
    await web.open('lead', '/');
    await web.page.click('.nav a:first-child');
    await web.page.waitForFunction(() => location.hash === '#/attention?wing=adivasi');
    await web.page.waitForSelector('.view-attention .att-part');
    const board = await expectOrderEqualsServer('?wing=adivasi');
    expect(board.overdue.every((c) => c.wing === 'adivasi')).toBe(true);
  });

  it('asks before forgetting the link, forgets it only on yes, and then says how to get in', async () => {
    await web.open('incharge', '/attention');
    await web.page.click('.sign-out');
    expect(await web.page.isVisible('.sign-out-ask')).toBe(true);
    expect(await web.page.textContent('.sign-out-ask p')).toBe('Forget this link on this device? You will need the link again to come back.');
    await web.page.click('.sign-out-no');
    expect(await web.page.isHidden('.sign-out-ask')).toBe(true);
    expect(await web.page.evaluate(() => document.activeElement?.classList.contains('sign-out'))).toBe(true);
    expect(await web.page.evaluate(() => localStorage.getItem('tayari.token'))).toBe(web.tokens.incharge);
    await web.page.click('.sign-out');
    await Promise.all([web.page.waitForEvent('load'), web.page.click('.sign-out-yes')]);
    await web.page.waitForSelector('.notice');
    expect(await web.page.evaluate(() => localStorage.getItem('tayari.token'))).toBeNull();
    // Without a link: what Tayari is and how to get in, in plain words (Hindi too).
    expect(await web.page.textContent('.first-run')).toContain('Ask the state in-charge or your wing lead for your own link');
    await web.page.setViewportSize(PHONE);
    try {
      await web.page.goto(`${web.url}/?lang=hi`);
      await web.page.waitForSelector('.first-run');
      expect(await web.page.textContent('.first-run')).toContain('अपना लिंक माँगें');
      expect(await web.page.textContent('.notice')).not.toContain('टोकन');
      await web.page.screenshot({ path: join(SHOTS, 'first-run-hi-390x844.png') });
    } finally {
      await web.page.setViewportSize(DESKTOP);
    }
  });
});

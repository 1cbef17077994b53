import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import type { TaskStatus, WingsPayload } from '@tayari/projections/boards/types';
import { BoardPage, cards, column, type WsProbe } from './BoardPage';
import { browserSuite, SHOTS } from './WebHarness';
import { nth } from '@tayari/shared/testing/nth';

/**
 * What the readiness page's views show in a real browser: a screenshot of each at phone and desktop
 * width, a cancelled stop's cards muted and out of the counts, and a wing lead's own cards (filtered
 * socket and GET, whole readiness) with a toggle to every card.
 */
const suite = browserSuite('test/web/page.views.e2e.test.ts');

suite('the readiness page in a real browser', () => {
  const web = new BoardPage();

  beforeAll(() => web.start(), 120_000);
  afterEach(() => web.expectCleanConsole());
  afterAll(() => web.close());

  it('saves a screenshot of each view at phone and desktop width', async () => {
    mkdirSync(SHOTS, { recursive: true });
    await web.page.goto(`${web.url}/?lang=en#token=${web.tokens.incharge}`);
    await web.page.waitForSelector('.view-attention');
    for (const { width, height } of [
      { width: 390, height: 844 },
      { width: 1366, height: 900 },
    ]) {
      await web.page.setViewportSize({ width, height });
      for (const { view, hash, ready } of [
        { view: 'readiness', hash: '#/', ready: '.prog' },
        { view: 'programme', hash: `#/programme/${web.tourId}`, ready: '.column .card' },
        { view: 'wing', hash: '#/wing/adivasi', ready: '.wing-programme' },
      ]) {
        await web.go(hash);
        await web.page.waitForSelector(ready);
        await web.page.waitForSelector('.conn[data-state="live"]');
        // What a person sees first at that width, and the whole page.
        await web.page.evaluate(() => scrollTo(0, 0));
        await web.page.screenshot({ path: join(SHOTS, `${view}-${width}x${height}.png`) });
        await web.page.screenshot({ path: join(SHOTS, `${view}-${width}x${height}-full.png`), fullPage: true });
      }
    }
    // The Hindi programme board, as a wing's people would open it on a phone.
    await web.page.setViewportSize({ width: 390, height: 844 });
    await web.page.goto(`${web.url}/?lang=hi#/programme/${web.tourId}`);
    await web.page.waitForSelector('.column .card');
    await web.page.screenshot({ path: join(SHOTS, 'programme-hi-390x844.png') });
    await web.go('#/wing/adivasi');
    await web.page.waitForSelector('.wing-programme');
    await web.page.screenshot({ path: join(SHOTS, 'wing-hi-390x844.png') });
  });

  it('keeps the cards of a cancelled stop on the board, muted and labelled, out of the counts', async () => {
    await web.page.setViewportSize({ width: 1366, height: 900 });
    await web.page.goto(`${web.url}/?lang=en#/programme/${web.tourId}`);
    await web.page.waitForSelector('.column .card');
    await web.page.waitForSelector('.conn[data-state="live"]');
    const board = await web.boardOf(web.tourId);
    if (board.programme.kind !== 'tour') throw new Error('the demo tour is not a tour');
    const stop = board.programme.stops.find((s) => !s.cancelled && cards(board).some((c) => c.stopId === s.id));
    if (!stop) throw new Error('the demo tour needs a live stop with tasks');
    const onStop = cards(board)
      .filter((c) => c.stopId === stop.id)
      .map((c) => c.id);
    await web.post(`/api/tours/${web.tourId}/stops/${stop.id}/cancel`, { reason: 'भारी बारिश — heavy rain' });
    await web.page.waitForFunction(
      (ids) => ids.every((id) => document.querySelector(`.card[data-task-id="${id}"]`)?.classList.contains('card-stop-cancelled')),
      onStop,
      {
        timeout: 3000,
      },
    );
    expect(await web.card(nth(onStop, 0)).getByText('Stop cancelled', { exact: true }).isVisible()).toBe(true);
    await web.expectBoardEqualsServer(web.tourId);
    const after = await web.boardOf(web.tourId);
    expect(
      cards(after)
        .filter((c) => c.stopId === stop.id)
        .map((c) => c.stopCancelled),
    ).toEqual(onStop.map(() => true));
    expect(after.readiness.total).toBe(board.readiness.total - onStop.length);
    await web.card(nth(onStop, 0)).scrollIntoViewIfNeeded();
    await web.page.screenshot({ path: join(SHOTS, 'programme-stop-cancelled-1366x900.png') });
  });

  it('opens a wing lead on the wing’s own cards (socket and GET filtered), readiness whole, live while filtered, with a toggle to all cards', async () => {
    await web.page.setViewportSize({ width: 1366, height: 900 });
    const WING = 'adivasi';
    const wingQuery = `?wing=${WING}`;
    const filterOf = (search: string) => {
      const params = new URLSearchParams(search);
      params.delete('perColumn');
      return params.size > 0 ? `?${params}` : '';
    };
    const whole = await web.boardOf(web.tourId);
    const wingBoard = await web.boardOf(web.tourId, wingQuery);
    const wings = new Set(cards(whole).map((c) => c.wing));
    if (!wings.has(WING) || wings.size < 2) throw new Error('the demo tour needs tribal-wing tasks and another wing’s');
    const wingName = (await web.api<WingsPayload>('/api/wings')).wings.find((w) => w.code === WING)?.name;
    if (!wingName) throw new Error('the demo has no tribal wing');
    const boardReads: string[] = [];
    const onRequest = (request: Request) => {
      // Read by its filter: a short board's first cards (past SPEC perColumn) are its one read.
      if (request.url().includes(`/api/boards/programme/${web.tourId}`)) boardReads.push(filterOf(new URL(request.url()).search));
    };
    web.page.on('request', onRequest);
    const subscribes = async () =>
      (await web.page.evaluate(() => (window as unknown as { __ws: WsProbe }).__ws.sent))
        .map((raw) => JSON.parse(raw) as { type: string; board: string; filter?: Record<string, unknown>; since?: string })
        .filter((m) => m.type === 'subscribe' && m.board === `programme:${web.tourId}`);

    try {
      await web.page.goto(`${web.url}/?lang=en#token=${web.tokens.lead}`);
      await web.page.waitForSelector('.prog');
      await web.go(`#/programme/${web.tourId}`);
      await web.page.waitForSelector('.column .card');
      await web.page.waitForSelector('.conn[data-state="live"]');

      // Only the wing's cards, exactly as the filtered GET has them; the readiness is the whole programme's.
      await web.expectBoardEqualsServer(web.tourId, 5000, wingQuery);
      const onPage = Object.values((await web.shown()).columns).flat();
      expect(onPage.length).toBe(cards(wingBoard).length);
      expect(onPage.every((id) => whole.cards[id]?.wing === WING)).toBe(true);
      expect(
        cards(whole)
          .filter((c) => c.wing !== WING)
          .some((c) => onPage.includes(c.id)),
      ).toBe(false);
      expect(wingBoard.readiness).toEqual(whole.readiness);
      expect(await web.page.textContent('.panel-summary .count-done .num')).toBe(`${whole.readiness.done}/${whole.readiness.total}`);
      expect(whole.readiness.total).toBeGreaterThan(onPage.length);
      // The socket and the GET both asked for the wing's board.
      expect((await subscribes())[0]).toMatchObject({ filter: { wing: WING } });
      expect(boardReads).toContain(wingQuery);
      expect(boardReads).not.toContain('');
      // Said in words, with a toggle (pressed: my wing's cards).
      expect(await web.page.textContent('.scope-line')).toBe(`Showing only the cards and duties of ${wingName.en}. Readiness above counts every wing.`);
      const mine = web.page.getByRole('button', { name: 'My wing’s cards' });
      const all = web.page.getByRole('button', { name: 'All cards' });
      expect(await mine.getAttribute('aria-pressed')).toBe('true');
      expect(await all.getAttribute('aria-pressed')).toBe('false');
      // Duties are the wing's too.
      const duties = await web.page.$$eval('.resp', (els) => els.map((el) => (el as HTMLElement).dataset.responsibilityId ?? ''));
      expect(duties.sort()).toEqual(Object.keys(wingBoard.responsibilities).sort());

      // A change to one of the wing's tasks arrives live, as a patch of the filtered board.
      const own = [...column(wingBoard, 'todo'), ...column(wingBoard, 'in_progress')].find((c) => !c.stopCancelled);
      if (!own) throw new Error('the demo tour needs an open tribal-wing task');
      const target: TaskStatus = own.status === 'todo' ? 'in_progress' : 'todo';
      const moved = await web.post(`/api/tasks/${own.id}/status`, { status: target });
      await web.page.waitForSelector(`.column[data-column="${target}"] .card[data-task-id="${own.id}"]`, { timeout: 2000 });
      const received = await web.page.evaluate(() => (window as unknown as { __ws: WsProbe }).__ws.received);
      const patch = received.find((m) => m.type === 'patch' && m.board === `programme:${web.tourId}` && m.patch?.cards?.[own.id]?.status === target);
      expect(patch).toBeDefined();
      expect(BigInt(patch?.position ?? '0')).toBeGreaterThanOrEqual(BigInt(moved.position));
      // Another wing's change moves the readiness, never a card onto this board.
      const foreign = column(whole, 'todo').find((c) => c.wing !== WING && !c.stopCancelled);
      if (foreign) {
        await web.post(`/api/tasks/${foreign.id}/status`, { status: 'in_progress' });
        await web.expectBoardEqualsServer(web.tourId, 5000, wingQuery);
        expect(await web.card(foreign.id).count()).toBe(0);
      }
      await web.expectBoardEqualsServer(web.tourId, 5000, wingQuery);

      // All cards: both wings', whole-board socket (no filter) and GET, kept in the address, focus kept.
      const before = await web.page.evaluate(() => (window as unknown as { __ws: WsProbe }).__ws.sockets.length);
      await web.page.evaluate(() => {
        (window as unknown as { __ws: WsProbe }).__ws.sent.length = 0;
      });
      await all.click();
      await web.page.waitForFunction(() => document.querySelector('.scope')?.getAttribute('data-scope') === 'all');
      expect(new URL(web.page.url()).hash).toBe(`#/programme/${web.tourId}?cards=all`);
      expect(await all.getAttribute('aria-pressed')).toBe('true');
      expect(await all.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await web.page.textContent('.scope-line')).toBe('Showing the cards and duties of every wing.');
      await web.expectBoardEqualsServer(web.tourId);
      const shownWings = new Set(
        Object.values((await web.shown()).columns)
          .flat()
          .map((id) => whole.cards[id]?.wing),
      );
      expect(shownWings.has(WING)).toBe(true);
      expect(shownWings.size).toBeGreaterThan(1);
      // A new socket carries the new choice: nothing of the filtered board can come in under it.
      expect(await web.page.evaluate(() => (window as unknown as { __ws: WsProbe }).__ws.sockets.length)).toBe(before + 1);
      await web.page.waitForFunction(
        (b) => (window as unknown as { __ws: WsProbe }).__ws.sent.some((raw) => raw.includes(`"board":"${b}"`)),
        `programme:${web.tourId}`,
      );
      const again = await subscribes();
      expect(again).toHaveLength(1);
      expect(nth(again, 0).filter).toBeUndefined();
      expect(boardReads).toContain('');
      // Live while showing all, too.
      const next = column(await web.boardOf(web.tourId), 'todo').find((c) => c.wing !== WING && !c.stopCancelled);
      if (next) {
        await web.post(`/api/tasks/${next.id}/status`, { status: 'in_progress' });
        await web.page.waitForSelector(`.column[data-column="in_progress"] .card[data-task-id="${next.id}"]`, { timeout: 2000 });
      }

      // A reload keeps the choice (it is in the address); back to my wing's cards.
      await web.page.reload();
      await web.page.waitForSelector('.scope[data-scope="all"]');
      await web.page.waitForSelector('.column .card');
      await web.expectBoardEqualsServer(web.tourId);
      await web.page.getByRole('button', { name: 'My wing’s cards' }).click();
      await web.page.waitForFunction(() => document.querySelector('.scope')?.getAttribute('data-scope') === 'wing');
      expect(new URL(web.page.url()).hash).toBe(`#/programme/${web.tourId}`);
      await web.expectBoardEqualsServer(web.tourId, 5000, wingQuery);

      // At phone width: the line and the toggle fit, nothing runs off the side; in Hindi too.
      await web.page.setViewportSize({ width: 390, height: 844 });
      await web.page.locator('.scope').scrollIntoViewIfNeeded();
      expect(await web.page.locator('.scope-toggle').isVisible()).toBe(true);
      expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const box = await web.page.locator('.scope-toggle').boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
      mkdirSync(SHOTS, { recursive: true });
      await web.page.screenshot({ path: join(SHOTS, 'programme-wing-lead-390x844.png') });
      await web.page.goto(`${web.url}/?lang=hi#/programme/${web.tourId}`);
      await web.page.waitForSelector('.column .card');
      expect(await web.page.$$eval('.scope-btn', (els) => els.map((el) => el.textContent))).toEqual(['मेरी विंग', 'सभी कार्ड']);
      expect(await web.page.textContent('.scope-line')).toContain(wingName.hi);
      expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await web.page.locator('.scope').scrollIntoViewIfNeeded();
      await web.page.screenshot({ path: join(SHOTS, 'programme-wing-lead-hi-390x844.png') });
    } finally {
      web.page.off('request', onRequest);
      await web.page.setViewportSize({ width: 1366, height: 900 });
    }
  });
});

import { join } from 'node:path';
import type { Locator, Route } from 'playwright-core';
import type { Card, ProgrammeBoardPayload } from '@tayari/projections/boards/types';
import { browserSuite, PHONE, SHOTS, WebHarness } from './WebHarness';

/**
 * The page in the field (issue 13), at phone width: what a person does offline is kept in IndexedDB
 * across a reload, the page opens offline on its last state, and when the network is back the queue
 * lands as one batch, each change exactly once; conflicts are judged by meaning and said on the card;
 * the indicator comes back to live within 10 s.
 */
const suite = browserSuite('test/web/field.e2e.test.ts');

/** What an offline browser logs by itself: failed sockets and reads. The page logs nothing of its own. */
const OFFLINE_NOISE = [/WebSocket connection to .* failed/, /Failed to load resource: net::ERR_(INTERNET_DISCONNECTED|FAILED)$/];

suite('the page in the field: an offline queue, conflicts by meaning, opening offline', () => {
  const web = new WebHarness();
  let tour: string;

  const board = () => web.api<ProgrammeBoardPayload>(`/api/boards/programme/${tour}`);
  const card = (id: string): Locator => web.page.locator(`.card[data-task-id="${id}"]`);
  const eventsOf = async (type: string, taskId: string) =>
    (await web.historyOf(tour)).filter((e) => e.type === type && (e.data as { taskId?: string }).taskId === taskId);
  /** Open tribal-wing cards (the lead's own), oldest first, none already used by an earlier test. */
  const used = new Set<string>();
  async function openCards(count: number): Promise<Card[]> {
    const found = Object.values((await board()).cards)
      .filter((c) => c.wing === 'adivasi' && (c.status === 'todo' || c.status === 'in_progress') && !c.stopCancelled && !used.has(c.id))
      .slice(0, count);
    if (found.length < count) throw new Error(`the demo tour needs ${count} more open tribal-wing tasks`);
    for (const c of found) used.add(c.id);
    return found;
  }
  const waiting = (n: number) => web.page.waitForSelector(`.conn[data-waiting="${n}"]`, { timeout: 10_000 });
  /**
   * Offline as Chromium emulates it, and the API refused as a dead network would be: a document that
   * has just been reloaded can, for a moment, be told it is online before the emulation reaches it.
   */
  const dead = (route: Route) => route.abort('internetdisconnected');
  async function goOffline(): Promise<void> {
    await web.context.route('**/api/**', dead);
    await web.context.setOffline(true);
    await web.page.waitForSelector('.conn[data-state="offline"]');
  }
  /** Back online: the indicator must say live again within 10 s, whatever the socket did meanwhile. */
  async function goOnline(): Promise<number> {
    const started = Date.now();
    await web.context.unroute('**/api/**', dead);
    await web.context.setOffline(false);
    await web.page.waitForSelector('.conn[data-state="live"]', { timeout: 10_000 });
    return Date.now() - started;
  }
  async function moveTo(id: string, status: string): Promise<void> {
    await card(id).locator('select[name="status"]').selectOption(status);
    await card(id)
      .getByRole('button', { name: /Move|बदलें/ })
      .click();
  }
  async function addNote(id: string, text: string): Promise<void> {
    await card(id).locator('.card-add-note summary').click();
    await card(id).locator('textarea').fill(text);
    await card(id)
      .getByRole('button', { name: /Save note|टिप्पणी सहेजें/ })
      .click();
  }

  beforeAll(async () => {
    await web.start();
    tour = await web.biggestTour();
    await web.page.setViewportSize(PHONE);
    await web.open('lead', `/programme/${tour}`);
    // The service worker takes the page over on its first visit; the second visit runs through it.
    await web.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 });
    await web.page.reload();
    await web.page.waitForSelector('.conn[data-state="live"]');
  }, 120_000);
  afterEach(() => expect(web.watch.take()).toEqual([]));
  afterAll(() => web.close());

  it('keeps a move and a note made offline across a reload, opens offline on the last state, then lands each once', async () => {
    web.watch.expect(...OFFLINE_NOISE);
    const [moved, noted] = await openCards(2);
    if (!moved || !noted) throw new Error('unreachable');
    await card(moved.id).waitFor();
    // The page keeps the board it shows for opening offline (written a moment after it changes).
    const kept = () =>
      web.page.evaluate(async (id) => {
        const cache = await caches.open('tayari-boards-v1');
        return (await cache.keys()).some((r) => r.url.includes(`/api/boards/programme/${id}`));
      }, tour);
    for (let tries = 0; !(await kept()) && tries < 50; tries++) await web.page.waitForTimeout(100);
    expect(await kept()).toBe(true);

    await goOffline();
    await moveTo(moved.id, 'done');
    await card(moved.id).locator('.card-msg', { hasText: 'Kept on this phone' }).waitFor();
    await waiting(1);
    const text = 'ढोल वाले तय — drummers booked (offline)';
    await addNote(noted.id, text);
    await waiting(2);
    expect(await web.page.locator('.conn-waiting').textContent()).toBe(' · 2 changes waiting');

    await web.page.reload();
    await web.page.waitForSelector(`.card[data-task-id="${moved.id}"].card-pending`, { timeout: 10_000 });
    await waiting(2);
    expect(await card(noted.id).getAttribute('class')).toContain('card-pending');
    expect(await card(moved.id).locator('.card-waiting').textContent()).toBe('Not sent yet: waiting for the connection (1)');
    expect(await web.page.locator('.conn-text').textContent()).toMatch(/^Offline · showing data as of \d{1,2}:\d{2}/);
    expect(await web.page.getByRole('button', { name: 'Send now' }).isVisible()).toBe(true);
    await web.page.screenshot({ path: join(SHOTS, 'field-offline-390.png'), fullPage: true });
    expect(await eventsOf('TaskCompleted', moved.id)).toHaveLength(0);

    const back = await goOnline();
    expect(back).toBeLessThan(10_000);
    await waiting(0);
    await web.page.locator('.sync-summary', { hasText: 'Sent: 2 saved, 0 not saved.' }).waitFor();
    expect(await eventsOf('TaskCompleted', moved.id)).toHaveLength(1);
    expect((await eventsOf('TaskNoteAdded', noted.id)).filter((e) => (e.data as { text?: string }).text === text)).toHaveLength(1);
    await web.page.waitForSelector(`.column[data-column="done"] .card[data-task-id="${moved.id}"]`, { state: 'attached', timeout: 5000 });
    expect(await web.page.locator('.card-pending').count()).toBe(0);
    // Nothing is left in IndexedDB: a reload has nothing to send.
    await web.page.reload();
    await web.page.waitForSelector('.conn[data-state="live"]');
    await waiting(0);
    expect(await eventsOf('TaskCompleted', moved.id)).toHaveLength(1);
  });

  it('says on the card who got there first; resends a move that only a note raced; names a task cancelled meanwhile', async () => {
    web.watch.expect(...OFFLINE_NOISE);
    const [lost, raced, cancelled] = await openCards(3);
    if (!lost || !raced || !cancelled) throw new Error('unreachable');
    await card(lost.id).waitFor();
    await goOffline();
    await moveTo(lost.id, 'done');
    await moveTo(raced.id, 'done');
    await addNote(cancelled.id, 'posters printed');
    await waiting(3);
    // Another person, online meanwhile.
    await web.post(`/api/tasks/${lost.id}/status`, { status: 'blocked', reason: 'no tent available' });
    await web.post(`/api/tasks/${raced.id}/notes`, { text: 'office: call the printer first' });
    await web.post(`/api/tasks/${cancelled.id}/cancel`, { reason: 'not needed any more' });

    expect(await goOnline()).toBeLessThan(10_000);
    await waiting(0);
    await web.page.waitForFunction(
      (id) =>
        document.querySelector(`.card[data-task-id="${id}"] .card-msg`)?.textContent === 'Someone moved this card to “Blocked” before your change arrived.',
      lost.id,
      { timeout: 10_000 },
    );
    expect(await card(lost.id).locator('.card-msg').getAttribute('role')).toBe('alert');
    expect(await eventsOf('TaskCompleted', lost.id)).toHaveLength(0);
    expect(await eventsOf('TaskCompleted', raced.id)).toHaveLength(1);
    expect(await eventsOf('TaskNoteAdded', cancelled.id)).toHaveLength(0);
    await web.page.locator('.sync-summary', { hasText: 'Sent: 1 saved, 2 not saved.' }).waitFor();
    expect(await web.page.locator(`.sync-item[data-target-id="${cancelled.id}"]`).textContent()).toBe(
      `“${cancelled.title}”: Someone cancelled this task before your change arrived.`,
    );
    await web.page.screenshot({ path: join(SHOTS, 'field-conflict-390.png'), fullPage: true });
  }, 60_000);

  it('speaks Hindi: the waiting count and the words on the card', async () => {
    web.watch.expect(...OFFLINE_NOISE);
    const [target] = await openCards(1);
    if (!target) throw new Error('unreachable');
    await web.open('lead', `/programme/${tour}`, 'hi');
    await card(target.id).waitFor();
    await goOffline();
    await addNote(target.id, 'बैनर तैयार');
    await waiting(1);
    expect(await web.page.locator('.conn-waiting').textContent()).toBe(' · 1 बदलाव भेजना बाकी');
    expect(await card(target.id).locator('.card-msg').textContent()).toBe('इस फ़ोन पर रख लिया गया। कनेक्शन आते ही भेज दिया जाएगा।');
    expect(await web.page.getByRole('button', { name: 'अभी भेजें' }).isVisible()).toBe(true);
    await goOnline();
    await waiting(0);
    await web.page.locator('.sync-summary', { hasText: 'भेजे गए: 1 सहेजे गए, 0 नहीं सहेजे गए।' }).waitFor();
    expect(await eventsOf('TaskNoteAdded', target.id)).toHaveLength(1);
  });
});

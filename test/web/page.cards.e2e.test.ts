import { BoardPage, cards, column, ordered, UUID, WS_FAILED } from './BoardPage';
import { browserSuite } from './WebHarness';
import { nth } from '@tayari/shared/testing/nth';

/**
 * The readiness page in a real browser sends safe commands from the cards: a wing lead moves its own
 * cards and acknowledges its duties (Idempotency-Key, If-Match, a 412 judged by meaning, retries),
 * observers get no controls, and no token reaches the console.
 */
const suite = browserSuite('test/web/page.cards.e2e.test.ts');

suite('the readiness page in a real browser', () => {
  const web = new BoardPage();

  beforeAll(() => web.start(), 120_000);
  afterEach(() => web.expectCleanConsole());
  afterAll(() => web.close());

  it('lets a wing lead move a card: a reason for blocked, Idempotency-Key and If-Match sent, one event recorded', async () => {
    await web.page.goto(`${web.url}/?lang=en#token=${web.tokens.lead}`);
    await web.page.waitForSelector('.prog');
    expect(web.page.url()).toBe(`${web.url}/?lang=en#/`);
    expect(await web.page.evaluate(() => localStorage.getItem('tayari.token'))).toBe(web.tokens.lead);
    // A wing lead opens on the wing's own cards; all cards here, so other wings' cards are on the page too.
    await web.go(`#/programme/${web.tourId}?cards=all`);
    await web.page.waitForSelector('.column .card');

    const board = await web.boardOf(web.tourId);
    const own = [...column(board, 'todo'), ...column(board, 'in_progress')].find((c) => c.wing === 'adivasi');
    const other = cards(board).find((c) => c.wing !== 'adivasi');
    if (!own || !other) throw new Error('the demo tour needs an open tribal-wing task and another wing’s task');
    await web.card(other.id).waitFor();
    expect(await web.card(other.id).locator('select').count()).toBe(0);

    const posts: string[] = [];
    web.page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    const target = web.card(own.id);
    await target.locator('select[name="status"]').selectOption('blocked');
    await target.getByRole('button', { name: 'Move' }).click();
    expect(await target.locator('.card-msg').textContent()).toBe('A blocked task needs a reason.');
    expect(await target.locator('input[name="reason"]').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(posts).toEqual([]);

    const reason = 'मंच का ठेका अटका <b>not bold</b> — stage contract held up';
    await target.locator('input[name="reason"]').fill(reason);
    const [response] = await Promise.all([
      web.page.waitForResponse((r) => r.url().endsWith(`/api/tasks/${own.id}/status`)),
      target.getByRole('button', { name: 'Move' }).click(),
    ]);
    expect(response.status()).toBe(200);
    const headers = response.request().headers();
    expect(headers['idempotency-key']).toMatch(UUID);
    expect(headers['if-match']).toBe(`"${own.version}"`);
    expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({ status: 'blocked', reason });

    await web.page.waitForSelector(`.column[data-column="blocked"] .card[data-task-id="${own.id}"]`, { timeout: 2000 });
    // User text is text: the markup in the reason is shown, not interpreted.
    expect(await web.card(own.id).locator('.card-blocked').textContent()).toBe(`Blocked: ${reason}`);
    expect(await web.card(own.id).locator('.card-blocked b').count()).toBe(0);

    const blocked = (await web.historyOf(web.tourId)).filter((e) => e.type === 'TaskBlocked' && (e.data as { taskId?: string }).taskId === own.id);
    expect(blocked).toHaveLength(1);
    expect(nth(blocked, 0).data).toMatchObject({ reason });
    expect(nth(blocked, 0).actor).toMatchObject({ sub: 'demo-adivasi-lead', role: 'wing-lead' });
  });

  it('lets a wing lead acknowledge a duty given to the wing', async () => {
    const board = await web.boardOf(web.tourId);
    const duty = ordered(board.responsibilities).find((r) => r.wing === 'adivasi' && !r.acknowledged && !r.cancelled);
    if (!duty) throw new Error('the demo tour needs an unacknowledged tribal-wing duty');
    const row = web.page.locator(`.resp[data-responsibility-id="${duty.id}"]`);
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await web.page.waitForFunction(
      (id) => document.querySelector(`.resp[data-responsibility-id="${id}"] .resp-ack`)?.textContent?.startsWith('Acknowledged by Tribal wing lead'),
      duty.id,
      {
        timeout: 3000,
      },
    );
    expect(await row.getByRole('button', { name: 'Acknowledge' }).isHidden()).toBe(true);
  });

  it('judges a 412 by meaning: a move raced only by a note goes through; one raced by a move says who got there first', async () => {
    web.watch.expect(WS_FAILED, /status of 412/);
    const board = await web.boardOf(web.tourId);
    const [own, other] = column(board, 'todo').filter((c) => c.wing === 'adivasi');
    if (!own || !other) throw new Error('the demo tour needs two more open tribal-wing tasks');
    // Held away from live updates, the page keeps the versions it had.
    await web.dropSocket();
    const note = 'Office: venue changed, call before moving this';
    await web.post(`/api/tasks/${own.id}/notes`, { text: note });

    const target = web.card(own.id);
    await target.locator('select[name="status"]').selectOption('in_progress');
    const statuses: number[] = [];
    const seen = (r: { url(): string; status(): number }) => {
      if (r.url().endsWith(`/api/tasks/${own.id}/status`)) statuses.push(r.status());
    };
    web.page.on('response', seen);
    await target.getByRole('button', { name: 'Move' }).click();
    await web.page.waitForFunction((id) => document.querySelector(`.card[data-task-id="${id}"] .card-msg`)?.textContent === 'Moved to “In progress”.', own.id, {
      timeout: 10_000,
    });
    web.page.off('response', seen);
    // The note changed the version, not the status the person saw: read again, sent again, once.
    expect(statuses).toEqual([412, 200]);
    expect((await web.historyOf(web.tourId)).filter((e) => e.type === 'TaskStarted' && (e.data as { taskId?: string }).taskId === own.id)).toHaveLength(1);

    await web.post(`/api/tasks/${other.id}/status`, { status: 'done' });
    const lost = web.card(other.id);
    await lost.locator('select[name="status"]').selectOption('in_progress');
    await lost.getByRole('button', { name: 'Move' }).click();
    await web.page.waitForFunction(
      (id) => document.querySelector(`.card[data-task-id="${id}"] .card-msg`)?.textContent === 'Someone moved this card to “Done” before your change arrived.',
      other.id,
      { timeout: 10_000 },
    );
    expect(await lost.locator('.card-msg').getAttribute('role')).toBe('alert');
    expect((await web.historyOf(web.tourId)).filter((e) => e.type === 'TaskStarted' && (e.data as { taskId?: string }).taskId === other.id)).toHaveLength(0);
    await web.restoreSocket();
    await web.expectBoardEqualsServer(web.tourId);
  });

  it('retries a failed send with the same Idempotency-Key, and the note lands once', async () => {
    web.watch.expect(/status of 503/);
    const board = await web.boardOf(web.tourId);
    const own = cards(board).find((c) => c.wing === 'adivasi');
    if (!own) throw new Error('the demo tour needs a tribal-wing task');
    let calls = 0;
    const keys: string[] = [];
    await web.page.route(`**/api/tasks/${own.id}/notes`, async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (calls++ === 0) await route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"title":"unavailable","status":503}' });
      else await route.continue();
    });
    const target = web.card(own.id);
    await target.locator('.card-add-note summary').click();
    const text = 'बसें तय — buses confirmed for Saturday';
    await target.locator('textarea').fill(text);
    await target.getByRole('button', { name: 'Save note' }).click();
    await web.page.waitForFunction((id) => document.querySelector(`.card[data-task-id="${id}"] .card-msg`)?.textContent === 'Note saved.', own.id, {
      timeout: 10_000,
    });
    await web.page.unroute(`**/api/tasks/${own.id}/notes`);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toBe(keys[0]);
    const notes = (await web.historyOf(web.tourId)).filter((e) => e.type === 'TaskNoteAdded' && (e.data as { text?: string }).text === text);
    expect(notes).toHaveLength(1);
  });

  it('shows observers no edit controls', async () => {
    await web.page.goto(`${web.url}/?lang=en#token=${web.tokens.observer}`);
    await web.page.waitForSelector('.prog');
    await web.go(`#/programme/${web.tourId}`);
    await web.page.waitForSelector('.column .card');
    expect(await web.page.locator('.card select, .card textarea, .card button').count()).toBe(0);
    expect(await web.page.locator('.resp button:visible').count()).toBe(0);
    expect(await web.page.textContent('.who')).toContain('View only');
  });

  it('never writes the token to the console', () => {
    const ours = web.watch.messages.filter((m) => !WS_FAILED.test(m));
    for (const token of Object.values(web.tokens)) expect(ours.filter((m) => m.includes(token))).toEqual([]);
  });
});

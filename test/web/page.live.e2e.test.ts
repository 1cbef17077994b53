import type { ReadinessBoardPayload } from '@tayari/projections/boards/types';
import { nth } from '@tayari/shared/testing/nth';
import { BoardPage, column, ordered, WS_FAILED, type WsProbe } from './BoardPage';
import { browserSuite } from './WebHarness';
import { COLUMN_PAGE } from '../../services/web/page/views/Column';

/**
 * The readiness page in a real browser (Debian's Chromium driven by playwright-core) against the real
 * service with the demo loaded: it is served with a strict policy, renders the readiness board, follows
 * commands live, survives a dropped socket or a missed patch, and speaks Hindi.
 */
const suite = browserSuite('test/web/page.live.e2e.test.ts');

suite('the readiness page in a real browser', () => {
  const web = new BoardPage();

  beforeAll(() => web.start(), 120_000);
  afterEach(() => web.expectCleanConsole());
  afterAll(() => web.close());

  it('is served by the service itself at /, with a strict Content-Security-Policy', async () => {
    const home = await fetch(`${web.url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.headers.get('cache-control')).toBe('no-cache');
    expect(home.headers.get('content-security-policy')).toContain(
      "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; script-src 'self'",
    );
    const script = await fetch(`${web.url}/app.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });

  it('takes the token from the link, keeps it out of the address bar, and shows the readiness board', async () => {
    await web.page.goto(`${web.url}/?lang=en#token=${web.tokens.incharge}`);
    // An in-charge lands on what needs attention (attention.e2e.test.ts); the readiness board is one link away.
    await web.page.waitForSelector('.view-attention');
    expect(web.page.url()).toBe(`${web.url}/?lang=en#/attention`);
    await web.go('#/');
    await web.page.waitForSelector('.view-readiness .prog');
    expect(await web.page.evaluate(() => localStorage.getItem('tayari.token'))).toBe(web.tokens.incharge);
    await web.page.waitForSelector('.conn[data-state="live"]');

    const server = await web.api<ReadinessBoardPayload>('/api/boards/readiness');
    const rows = await web.page.$$eval('.prog', (els) =>
      els.map((el) => ({ id: (el as HTMLElement).dataset.programmeId, percent: el.querySelector('.meter-pct')?.textContent })),
    );
    // Keyed by id (SPEC v2): the page shows them by `order`.
    expect(rows).toEqual(ordered(server.programmes).map((p) => ({ id: p.id, percent: `${p.readiness.percent}% ready` })));
    const risky = ordered(server.programmes)
      .filter((p) => p.readiness.atRisk)
      .map((p) => p.id);
    const badges = await web.page.$$eval('.prog', (els) =>
      els.filter((el) => !el.querySelector('.badge-risk')?.hasAttribute('hidden')).map((el) => (el as HTMLElement).dataset.programmeId),
    );
    expect(badges).toEqual(risky);
    // Titles are shown as written (Devanagari included), as text.
    expect(await web.page.textContent(`.prog[data-programme-id="${web.tourId}"] .prog-title`)).toBe(server.programmes[web.tourId]?.title);
    // Programme times in the programme's own zone, labelled with it.
    expect(await web.page.textContent(`.prog[data-programme-id="${web.tourId}"] .range`)).toMatch(/ IST$/);
  });

  it('follows commands sent through the API within 2 s, without a reload', async () => {
    await web.page.evaluate(() => Object.assign(window, { tayariSameDocument: true }));
    const board = await web.boardOf(web.tourId);
    const todo = nth(column(board, 'todo'), 0);
    // The readiness board: completing a task moves the tour's percent.
    const before = board.readiness.percent;
    await web.post(`/api/tasks/${todo.id}/status`, { status: 'done' });
    const after = (await web.boardOf(web.tourId)).readiness.percent;
    expect(after).not.toBe(before);
    await web.page.waitForFunction(
      ([id, text]) => document.querySelector(`.prog[data-programme-id="${id}"] .meter-pct`)?.textContent === text,
      [web.tourId, `${after}% ready`] as const,
      { timeout: 2000 },
    );
    // The task board: a started task changes column.
    await web.go(`#/programme/${web.tourId}`);
    await web.page.waitForSelector('.column .card');
    const next = nth(column(await web.boardOf(web.tourId), 'todo'), 0);
    const moved = await web.post(`/api/tasks/${next.id}/status`, { status: 'in_progress' });
    await web.page.waitForSelector(`.column[data-column="in_progress"] .card[data-task-id="${next.id}"]`, { timeout: 2000 });
    await web.expectBoardEqualsServer(web.tourId);
    // It came as a merge patch (protocol v2), naming the card's new status; `update` is gone.
    const received = await web.page.evaluate(() => (window as unknown as { __ws: WsProbe }).__ws.received);
    const patch = received.find((m) => m.type === 'patch' && m.board === `programme:${web.tourId}` && m.patch?.cards?.[next.id]?.status === 'in_progress');
    expect(patch).toBeDefined();
    expect(BigInt(patch?.position ?? '0')).toBeGreaterThanOrEqual(BigInt(moved.position));
    expect(received.filter((m) => m.type === 'update')).toEqual([]);
    expect(await web.page.evaluate(() => (window as unknown as { tayariSameDocument?: boolean }).tayariSameDocument)).toBe(true);
  });

  it('opens a board with one GET and subscribes from its position: the socket sends no second copy, then patches', async () => {
    const name = `programme:${web.tourId}`;
    const reads: string[] = [];
    const onRequest = (request: { url(): string }) => {
      const url = new URL(request.url());
      if (url.pathname === `/api/boards/programme/${web.tourId}`) reads.push(url.search);
    };
    web.page.on('request', onRequest);
    // A fresh document (the token is kept from the link): the board is read first, the socket follows.
    await web.page.goto('about:blank');
    await web.page.goto(`${web.url}/?lang=en#/programme/${web.tourId}`);
    await web.page.waitForSelector('.column .card');
    await web.page.waitForSelector('.conn[data-state="live"]');
    const read = await web.boardOf(web.tourId);
    const probe = () => web.page.evaluate(() => (window as unknown as { __ws: WsProbe }).__ws);
    await web.page.waitForFunction(
      (b) => (window as unknown as { __ws: WsProbe }).__ws.sent.some((raw) => (JSON.parse(raw) as { board?: string }).board === b),
      name,
      { timeout: 3000 },
    );
    const subscribe = (await probe()).sent.map((raw) => JSON.parse(raw) as { type: string; board: string; since?: string }).find((m) => m.board === name);
    expect(subscribe?.type).toBe('subscribe');
    expect(subscribe?.since).toBe(read.position);
    web.page.off('request', onRequest);
    // Its first cards (past SPEC perColumn) were the whole board when no column is longer than a page: one read.
    const fits = (['todo', 'in_progress', 'blocked', 'done'] as const).every((s) => column(read, s).length <= COLUMN_PAGE);
    expect(reads).toEqual(fits ? [`?perColumn=${COLUMN_PAGE}`] : [`?perColumn=${COLUMN_PAGE}`, '']);
    const next = nth(column(read, 'todo'), 0);
    await web.post(`/api/tasks/${next.id}/status`, { status: 'in_progress' });
    await web.page.waitForSelector(`.column[data-column="in_progress"] .card[data-task-id="${next.id}"]`, { timeout: 2000 });
    await web.expectBoardEqualsServer(web.tourId);
    const received = (await probe()).received.filter((m) => m.board === name);
    expect(received.filter((m) => m.type === 'snapshot')).toEqual([]);
    expect(received.find((m) => m.type === 'patch' && m.patch?.cards?.[next.id]?.status === 'in_progress')?.from).toBe(read.position);
  });

  it('shows "reconnecting" when the socket drops, resubscribes with since, and ends equal to the server', async () => {
    web.watch.expect(WS_FAILED);
    await web.dropSocket();
    expect(await web.page.textContent('.conn')).toMatch(/^Reconnecting… · showing data as of \d{1,2}:\d{2}:\d{2}\s?[ap]m$/i);

    // The board changes while the page is away.
    const board = await web.boardOf(web.tourId);
    const todo = column(board, 'todo');
    const [first, second] = [nth(todo, 0), nth(todo, 1)];
    await web.post(`/api/tasks/${first.id}/status`, { status: 'blocked', reason: 'बारिश से मैदान गीला — the ground is waterlogged' });
    await web.post(`/api/tasks/${second.id}/status`, { status: 'done' });
    await web.page.waitForTimeout(800);
    expect((await web.shown()).columns.blocked).not.toContain(first.id);

    await web.restoreSocket();
    const sent = (await web.page.evaluate(() => (window as unknown as { __ws: WsProbe }).__ws.sent)).map(
      (raw) => JSON.parse(raw) as { type: string; board: string; since?: string },
    );
    const resubscribe = sent.find((m) => m.type === 'subscribe' && m.board === `programme:${web.tourId}`);
    expect(resubscribe?.since).toMatch(/^\d+$/);
    await web.expectBoardEqualsServer(web.tourId);
    expect(await web.page.textContent('.conn')).toBe('Live');
  });

  it('resubscribes without since when a patch was missed, and ends equal to the server', async () => {
    const name = `programme:${web.tourId}`;
    // The page will not see the next patch of the board: the one after it starts from a position it does not hold.
    await web.page.evaluate((b) => {
      const ws = (window as unknown as { __ws: WsProbe }).__ws;
      ws.sent.length = 0;
      ws.drop = { board: b, patches: 1 };
    }, name);
    const todo = column(await web.boardOf(web.tourId), 'todo');
    const [first, second] = [nth(todo, 0), nth(todo, 1)];
    await web.post(`/api/tasks/${first.id}/status`, { status: 'in_progress' });
    await web.page.waitForFunction(() => (window as unknown as { __ws: WsProbe }).__ws.drop.patches === 0, undefined, { timeout: 3000 });
    await web.post(`/api/tasks/${second.id}/status`, { status: 'in_progress' });
    await web.page.waitForSelector(`.column[data-column="in_progress"] .card[data-task-id="${first.id}"]`, { timeout: 3000 });
    await web.expectBoardEqualsServer(web.tourId);
    const sent = (await web.page.evaluate(() => (window as unknown as { __ws: WsProbe }).__ws.sent)).map(
      (raw) => JSON.parse(raw) as { type: string; board: string; since?: string },
    );
    expect(sent).toContainEqual({ type: 'subscribe', board: name });
  });

  it('speaks Hindi with ?lang=hi, and switches language in place', async () => {
    await web.page.goto(`${web.url}/?lang=hi#/`);
    await web.page.waitForSelector('.prog');
    expect(await web.page.getAttribute('html', 'lang')).toBe('hi');
    expect(await web.page.textContent('h2.view-title')).toBe('कार्यक्रमों की तैयारी');
    expect(await web.page.$$eval('.nav a', (links) => links.map((a) => a.textContent))).toEqual([
      'ध्यान दें',
      'तैयारी की स्थिति',
      'विंग',
      'सदस्यता अभियान',
      'पद',
      'बीते कार्यक्रम',
    ]);
    expect(await web.page.textContent('.prog .meter-pct')).toMatch(/^\d+% तैयार$/);
    await web.go(`#/programme/${web.tourId}`);
    await web.page.waitForSelector('.column .card');
    expect(await web.page.$$eval('.col-head > span:first-child', (els) => els.map((el) => el.textContent))).toEqual(['करना है', 'जारी', 'रुका हुआ', 'पूरा']);
    // Dates the Indian way in Hindi (hi-IN), in the programme's zone, labelled with it (the same digits).
    expect(await web.page.textContent('.view-head .when')).toMatch(/[\u0900-\u097F]/);
    expect(await web.page.textContent('.view-head .when')).toMatch(/\d{1,2}:\d{2} [ap]m IST/);

    await web.page.click('.lang-switch');
    await web.page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await web.page.$$eval('.col-head > span:first-child', (els) => els.map((el) => el.textContent))).toEqual([
      'To do',
      'In progress',
      'Blocked',
      'Done',
    ]);
    expect(new URL(web.page.url()).searchParams.get('lang')).toBe('en');
  });
});

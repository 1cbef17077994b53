import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core';
import { configFromEnv } from '@tayari/app/config';
import { createTayari, type Tayari } from '@tayari/app/createTayari';
import { DEMO_PEOPLE } from '@tayari/app/demoTokens';
import type { Card, HistoryPayload, ProgrammeBoardPayload, ReadinessBoardPayload, TaskStatus, WingsPayload } from '@tayari/projections/boards/types';
import { ensurePageBuilt } from './ensurePageBuilt';
import { CHROMIUM_ARGS, findChromium } from './findChromium';
import { PageWatch } from './PageWatch';

/**
 * The readiness page in a real browser (Debian's Chromium driven by playwright-core) against the real
 * service with the demo loaded: it renders, follows commands live, survives a dropped socket, speaks
 * Hindi, and sends safe commands (Idempotency-Key, If-Match, retries) from the cards.
 */
const chromiumPath = findChromium();
if (!chromiumPath) {
  console.log(
    '\n##########################################################################\n' +
      '# SKIPPED test/web/page.e2e.test.ts: no Chromium at /usr/bin/chromium\n' +
      '# (apt-get install -y chromium, or set CHROMIUM_PATH). The page is NOT tested.\n' +
      '##########################################################################\n',
  );
}
const suite = chromiumPath ? describe : describe.skip;

const SECRET = 'tayari-web-e2e-secret-0123456789abcdefghij';
const SHOTS = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');
const STATUSES: readonly TaskStatus[] = ['todo', 'in_progress', 'blocked', 'done'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const WS_FAILED = /WebSocket connection to .* failed/;

/**
 * Runs before the page's own code: records every socket, what was sent on it and what came in, can
 * point new sockets at a path the server refuses, so a test can hold the page disconnected for a
 * while, and can hide the next patches of a board from the page, so a test can make it miss one.
 */
const INSTRUMENT_WEBSOCKET = `(() => {
  const Native = window.WebSocket;
  const state = { sockets: [], sent: [], received: [], blocked: false, drop: { board: '', patches: 0 } };
  const hidden = new WeakSet();
  window.__ws = state;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(state.blocked ? String(url).replace('/ws?', '/ws-refused?') : url, protocols);
      state.sockets.push(this);
      // Registered before the page's own listener, so it sees each frame first.
      super.addEventListener('message', (event) => {
        let message;
        try {
          message = JSON.parse(event.data);
        } catch {
          return;
        }
        state.received.push(message);
        if (message.type === 'patch' && message.board === state.drop.board && state.drop.patches > 0) {
          state.drop.patches--;
          hidden.add(event);
        }
      });
    }
    addEventListener(type, listener, options) {
      if (type !== 'message') return super.addEventListener(type, listener, options);
      super.addEventListener(type, (event) => {
        if (!hidden.has(event)) typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event);
      }, options);
    }
    send(data) {
      state.sent.push(String(data));
      super.send(data);
    }
  };
})();`;

/** A live message as the page received it (SPEC "Live boards", v2). */
interface Received {
  type: string;
  board?: string;
  from?: string;
  position?: string;
  patch?: { cards?: Record<string, Partial<Card> | null> };
}

interface WsProbe {
  sockets: WebSocket[];
  sent: string[];
  received: Received[];
  blocked: boolean;
  /** The next `patches` patches of `board` are hidden from the page. */
  drop: { board: string; patches: number };
}
const _probe = () => (window as unknown as { __ws: WsProbe }).__ws;

/** Keyed board parts in their `order` (plain string compare, as SPEC v2 says a client sorts them). */
function ordered<T extends { order: string }>(items: Record<string, T>): T[] {
  return Object.values(items).sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
}

type Role = 'incharge' | 'lead' | 'observer';

suite('the readiness page in a real browser', () => {
  let dataDir: string;
  let profileDir: string;
  let tayari: Tayari;
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;
  let url: string;
  const tokens = {} as Record<Role, string>;
  let tourId: string;

  async function api<T>(path: string, token = tokens.incharge): Promise<T> {
    const response = await fetch(`${tayari.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async function post(path: string, body: object, token = tokens.incharge): Promise<{ version: number; position: string }> {
    const response = await fetch(`${tayari.url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { version: number; position: string };
  }

  /** The board as GET answers it; `query` narrows it (SPEC v2 board filters, e.g. `?wing=adivasi`). */
  const boardOf = (id: string, query = '') => api<ProgrammeBoardPayload>(`/api/boards/programme/${id}${query}`);
  const cards = (board: ProgrammeBoardPayload) => Object.values(board.cards);
  /** A column of the board as a client draws it: the cards of that status, by `order`. */
  const column = (board: ProgrammeBoardPayload, status: TaskStatus) => ordered(board.cards).filter((c) => c.status === status);

  /** Every event of a programme, following `next`. */
  async function historyOf(programmeId: string): Promise<HistoryPayload['events']> {
    const events: HistoryPayload['events'] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await api<HistoryPayload>(`/api/programmes/${programmeId}/history${after ? `?after=${after}` : ''}`);
      events.push(...page.events);
      if (!page.next || page.events.length === 0) return events;
      after = page.next;
    }
    return events;
  }

  /** What the board shows: card ids per column, blocked reasons, the overall percent. */
  async function shown(p: Page) {
    return p.evaluate(() => {
      const columns: Record<string, string[]> = {};
      for (const column of Array.from(document.querySelectorAll<HTMLElement>('.column'))) {
        columns[column.dataset.column ?? '?'] = Array.from(column.querySelectorAll<HTMLElement>('.card')).map((card) => card.dataset.taskId ?? '?');
      }
      const reasons = Array.from(document.querySelectorAll<HTMLElement>('.card[data-status="blocked"]')).map(
        (card) => card.querySelector('.card-blocked')?.textContent ?? '',
      );
      return { columns, reasons, percent: document.querySelector('.panel-summary .meter-pct')?.textContent ?? '' };
    });
  }

  function expected(board: ProgrammeBoardPayload) {
    return {
      columns: Object.fromEntries(STATUSES.map((s) => [s, column(board, s).map((card) => card.id)])),
      reasons: column(board, 'blocked').map((card) => `Blocked: ${card.blockedReason ?? ''}`),
      percent: `${board.readiness.percent}% ready`,
    };
  }

  /** Waits until the page shows exactly what GET says (both read at about the same moment), with the same filter. */
  async function expectBoardEqualsServer(p: Page, id: string, timeoutMs = 5000, query = ''): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const [onPage, server] = await Promise.all([shown(p), boardOf(id, query)]);
      try {
        expect(onPage).toEqual(expected(server));
        return;
      } catch (error) {
        if (Date.now() > until) throw error;
      }
      await p.waitForTimeout(100);
    }
  }

  const card = (p: Page, id: string): Locator => p.locator(`.card[data-task-id="${id}"]`);
  const go = (p: Page, hash: string) => p.evaluate((h) => (location.hash = h), hash);

  async function dropSocket(p: Page): Promise<void> {
    await p.evaluate(() => {
      const ws = (window as unknown as { __ws: WsProbe }).__ws;
      ws.blocked = true;
      ws.sent.length = 0;
      ws.sockets[ws.sockets.length - 1]?.close();
    });
    await p.waitForSelector('.conn[data-state="reconnecting"]', { timeout: 3000 });
  }

  async function restoreSocket(p: Page): Promise<void> {
    await p.evaluate(() => {
      (window as unknown as { __ws: WsProbe }).__ws.blocked = false;
    });
    await p.waitForSelector('.conn[data-state="live"]', { timeout: 20_000 });
  }

  beforeAll(async () => {
    ensurePageBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'tayari-web-e2e-'));
    profileDir = mkdtempSync(join(tmpdir(), 'tayari-web-chromium-'));
    const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', TAYARI_DATA: dataDir, TAYARI_JWT_SECRET: SECRET, TAYARI_RATE_LIMIT: '0' });
    // The whole service as `npm start` runs it: the page at /, the API, /ws, and the demo on the empty store.
    tayari = await createTayari({ config });
    const head = await tayari.store.headPosition();
    if (head === undefined) throw new Error('createTayari did not load the demo into the empty store');
    if (!(await tayari.reads.waitFor(head, 10_000))) throw new Error('the read models did not catch up with the demo');
    url = tayari.url;
    const person = (role: string) => {
      const found = DEMO_PEOPLE.find((p) => p.role === role);
      if (!found) throw new Error(`the demo has no ${role}`);
      return found;
    };
    tokens.incharge = await tayari.verifier.issue(person('incharge'), 3600);
    tokens.lead = await tayari.verifier.issue(person('wing-lead'), 3600);
    tokens.observer = await tayari.verifier.issue(person('observer'), 3600);
    const readiness = await api<ReadinessBoardPayload>('/api/boards/readiness');
    const tour = Object.values(readiness.programmes)
      .filter((p) => p.kind === 'tour')
      .sort((a, b) => b.readiness.total - a.readiness.total)[0];
    if (!tour) throw new Error('the demo has no tour on the readiness board');
    tourId = tour.id;

    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      args: CHROMIUM_ARGS,
      timezoneId: 'Asia/Kolkata',
      locale: 'en-IN',
      viewport: { width: 1366, height: 900 },
    });
    await context.addInitScript(INSTRUMENT_WEBSOCKET);
    page = context.pages()[0] ?? (await context.newPage());
    watch = new PageWatch(page);
  }, 120_000);

  afterEach(() => {
    expect(watch?.take() ?? []).toEqual([]);
  });

  afterAll(async () => {
    await context?.close();
    await tayari?.close();
    for (const dir of [dataDir, profileDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is served by the service itself at /, with a strict Content-Security-Policy', async () => {
    const home = await fetch(`${url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.headers.get('cache-control')).toBe('no-cache');
    expect(home.headers.get('content-security-policy')).toContain(
      "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; script-src 'self'",
    );
    const script = await fetch(`${url}/app.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });

  it('takes the token from the link, keeps it out of the address bar, and shows the readiness board', async () => {
    await page.goto(`${url}/?lang=en#token=${tokens.incharge}`);
    // An in-charge lands on what needs attention (attention.e2e.test.ts); the readiness board is one link away.
    await page.waitForSelector('.view-attention');
    expect(page.url()).toBe(`${url}/?lang=en#/attention`);
    await go(page, '#/');
    await page.waitForSelector('.view-readiness .prog');
    expect(await page.evaluate(() => localStorage.getItem('tayari.token'))).toBe(tokens.incharge);
    await page.waitForSelector('.conn[data-state="live"]');

    const server = await api<ReadinessBoardPayload>('/api/boards/readiness');
    const rows = await page.$$eval('.prog', (els) =>
      els.map((el) => ({ id: (el as HTMLElement).dataset.programmeId, percent: el.querySelector('.meter-pct')?.textContent })),
    );
    // Keyed by id (SPEC v2): the page shows them by `order`.
    expect(rows).toEqual(ordered(server.programmes).map((p) => ({ id: p.id, percent: `${p.readiness.percent}% ready` })));
    const risky = ordered(server.programmes)
      .filter((p) => p.readiness.atRisk)
      .map((p) => p.id);
    const badges = await page.$$eval('.prog', (els) =>
      els.filter((el) => !el.querySelector('.badge-risk')?.hasAttribute('hidden')).map((el) => (el as HTMLElement).dataset.programmeId),
    );
    expect(badges).toEqual(risky);
    // Titles are shown as written (Devanagari included), as text.
    expect(await page.textContent(`.prog[data-programme-id="${tourId}"] .prog-title`)).toBe(server.programmes[tourId]?.title);
    // Programme times in the programme's own zone, labelled with it.
    expect(await page.textContent(`.prog[data-programme-id="${tourId}"] .range`)).toMatch(/ IST$/);
  });

  it('follows commands sent through the API within 2 s, without a reload', async () => {
    await page.evaluate(() => Object.assign(window, { tayariSameDocument: true }));
    const board = await boardOf(tourId);
    const todo = column(board, 'todo')[0];
    // The readiness board: completing a task moves the tour's percent.
    const before = board.readiness.percent;
    await post(`/api/tasks/${todo.id}/status`, { status: 'done' });
    const after = (await boardOf(tourId)).readiness.percent;
    expect(after).not.toBe(before);
    await page.waitForFunction(
      ([id, text]) => document.querySelector(`.prog[data-programme-id="${id}"] .meter-pct`)?.textContent === text,
      [tourId, `${after}% ready`] as const,
      { timeout: 2000 },
    );
    // The task board: a started task changes column.
    await go(page, `#/programme/${tourId}`);
    await page.waitForSelector('.column .card');
    const next = column(await boardOf(tourId), 'todo')[0];
    const moved = await post(`/api/tasks/${next.id}/status`, { status: 'in_progress' });
    await page.waitForSelector(`.column[data-column="in_progress"] .card[data-task-id="${next.id}"]`, { timeout: 2000 });
    await expectBoardEqualsServer(page, tourId);
    // It came as a merge patch (protocol v2), naming the card's new status; `update` is gone.
    const received = await page.evaluate(() => (window as unknown as { __ws: WsProbe }).__ws.received);
    const patch = received.find((m) => m.type === 'patch' && m.board === `programme:${tourId}` && m.patch?.cards?.[next.id]?.status === 'in_progress');
    expect(patch).toBeDefined();
    expect(BigInt(patch?.position ?? '0')).toBeGreaterThanOrEqual(BigInt(moved.position));
    expect(received.filter((m) => m.type === 'update')).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { tayariSameDocument?: boolean }).tayariSameDocument)).toBe(true);
  });

  it('shows "reconnecting" when the socket drops, resubscribes with since, and ends equal to the server', async () => {
    watch.expect(WS_FAILED);
    await dropSocket(page);
    expect(await page.textContent('.conn')).toMatch(/^Reconnecting… · showing data as of \d{1,2}:\d{2}:\d{2}\s?[ap]m$/i);

    // The board changes while the page is away.
    const board = await boardOf(tourId);
    const [first, second] = column(board, 'todo');
    await post(`/api/tasks/${first.id}/status`, { status: 'blocked', reason: 'बारिश से मैदान गीला — the ground is waterlogged' });
    await post(`/api/tasks/${second.id}/status`, { status: 'done' });
    await page.waitForTimeout(800);
    expect((await shown(page)).columns.blocked).not.toContain(first.id);

    await restoreSocket(page);
    const sent = (await page.evaluate(() => (window as unknown as { __ws: WsProbe }).__ws.sent)).map(
      (raw) => JSON.parse(raw) as { type: string; board: string; since?: string },
    );
    const resubscribe = sent.find((m) => m.type === 'subscribe' && m.board === `programme:${tourId}`);
    expect(resubscribe?.since).toMatch(/^\d+$/);
    await expectBoardEqualsServer(page, tourId);
    expect(await page.textContent('.conn')).toBe('Live');
  });

  it('resubscribes without since when a patch was missed, and ends equal to the server', async () => {
    const name = `programme:${tourId}`;
    // The page will not see the next patch of the board: the one after it starts from a position it does not hold.
    await page.evaluate((b) => {
      const ws = (window as unknown as { __ws: WsProbe }).__ws;
      ws.sent.length = 0;
      ws.drop = { board: b, patches: 1 };
    }, name);
    const [first, second] = column(await boardOf(tourId), 'todo');
    await post(`/api/tasks/${first.id}/status`, { status: 'in_progress' });
    await page.waitForFunction(() => (window as unknown as { __ws: WsProbe }).__ws.drop.patches === 0, undefined, { timeout: 3000 });
    await post(`/api/tasks/${second.id}/status`, { status: 'in_progress' });
    await page.waitForSelector(`.column[data-column="in_progress"] .card[data-task-id="${first.id}"]`, { timeout: 3000 });
    await expectBoardEqualsServer(page, tourId);
    const sent = (await page.evaluate(() => (window as unknown as { __ws: WsProbe }).__ws.sent)).map(
      (raw) => JSON.parse(raw) as { type: string; board: string; since?: string },
    );
    expect(sent).toContainEqual({ type: 'subscribe', board: name });
  });

  it('speaks Hindi with ?lang=hi, and switches language in place', async () => {
    await page.goto(`${url}/?lang=hi#/`);
    await page.waitForSelector('.prog');
    expect(await page.getAttribute('html', 'lang')).toBe('hi');
    expect(await page.textContent('h2.view-title')).toBe('कार्यक्रमों की तैयारी');
    expect(await page.$$eval('.nav a', (links) => links.map((a) => a.textContent))).toEqual(['ध्यान दें', 'तैयारी की स्थिति', 'विंग', 'बीते कार्यक्रम']);
    expect(await page.textContent('.prog .meter-pct')).toMatch(/^\d+% तैयार$/);
    await go(page, `#/programme/${tourId}`);
    await page.waitForSelector('.column .card');
    expect(await page.$$eval('.col-head > span:first-child', (els) => els.map((el) => el.textContent))).toEqual(['करना है', 'जारी', 'रुका हुआ', 'पूरा']);
    // Dates the Indian way in Hindi (hi-IN), in the programme's zone, labelled with it (the same digits).
    expect(await page.textContent('.view-head .when')).toMatch(/[\u0900-\u097F]/);
    expect(await page.textContent('.view-head .when')).toMatch(/\d{1,2}:\d{2} [ap]m IST/);

    await page.click('.lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.$$eval('.col-head > span:first-child', (els) => els.map((el) => el.textContent))).toEqual(['To do', 'In progress', 'Blocked', 'Done']);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
  });

  it('lets a wing lead move a card: a reason for blocked, Idempotency-Key and If-Match sent, one event recorded', async () => {
    await page.goto(`${url}/?lang=en#token=${tokens.lead}`);
    await page.waitForSelector('.prog');
    expect(page.url()).toBe(`${url}/?lang=en#/`);
    expect(await page.evaluate(() => localStorage.getItem('tayari.token'))).toBe(tokens.lead);
    // A wing lead opens on the wing's own cards; all cards here, so other wings' cards are on the page too.
    await go(page, `#/programme/${tourId}?cards=all`);
    await page.waitForSelector('.column .card');

    const board = await boardOf(tourId);
    const own = [...column(board, 'todo'), ...column(board, 'in_progress')].find((c) => c.wing === 'adivasi');
    const other = cards(board).find((c) => c.wing !== 'adivasi');
    if (!own || !other) throw new Error('the demo tour needs an open tribal-wing task and another wing’s task');
    await card(page, other.id).waitFor();
    expect(await card(page, other.id).locator('select').count()).toBe(0);

    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    const target = card(page, own.id);
    await target.locator('select[name="status"]').selectOption('blocked');
    await target.getByRole('button', { name: 'Move' }).click();
    expect(await target.locator('.card-msg').textContent()).toBe('A blocked task needs a reason.');
    expect(await target.locator('input[name="reason"]').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(posts).toEqual([]);

    const reason = 'मंच का ठेका अटका <b>not bold</b> — stage contract held up';
    await target.locator('input[name="reason"]').fill(reason);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/tasks/${own.id}/status`)),
      target.getByRole('button', { name: 'Move' }).click(),
    ]);
    expect(response.status()).toBe(200);
    const headers = response.request().headers();
    expect(headers['idempotency-key']).toMatch(UUID);
    expect(headers['if-match']).toBe(`"${own.version}"`);
    expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({ status: 'blocked', reason });

    await page.waitForSelector(`.column[data-column="blocked"] .card[data-task-id="${own.id}"]`, { timeout: 2000 });
    // User text is text: the markup in the reason is shown, not interpreted.
    expect(await card(page, own.id).locator('.card-blocked').textContent()).toBe(`Blocked: ${reason}`);
    expect(await card(page, own.id).locator('.card-blocked b').count()).toBe(0);

    const blocked = (await historyOf(tourId)).filter((e) => e.type === 'TaskBlocked' && (e.data as { taskId?: string }).taskId === own.id);
    expect(blocked).toHaveLength(1);
    expect(blocked[0].data).toMatchObject({ reason });
    expect(blocked[0].actor).toMatchObject({ sub: 'demo-adivasi-lead', role: 'wing-lead' });
  });

  it('lets a wing lead acknowledge a duty given to the wing', async () => {
    const board = await boardOf(tourId);
    const duty = ordered(board.responsibilities).find((r) => r.wing === 'adivasi' && !r.acknowledged && !r.cancelled);
    if (!duty) throw new Error('the demo tour needs an unacknowledged tribal-wing duty');
    const row = page.locator(`.resp[data-responsibility-id="${duty.id}"]`);
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await page.waitForFunction(
      (id) => document.querySelector(`.resp[data-responsibility-id="${id}"] .resp-ack`)?.textContent?.startsWith('Acknowledged by Tribal wing lead'),
      duty.id,
      {
        timeout: 3000,
      },
    );
    expect(await row.getByRole('button', { name: 'Acknowledge' }).isHidden()).toBe(true);
  });

  it('judges a 412 by meaning: a move raced only by a note goes through; one raced by a move says who got there first', async () => {
    watch.expect(WS_FAILED, /status of 412/);
    const board = await boardOf(tourId);
    const [own, other] = column(board, 'todo').filter((c) => c.wing === 'adivasi');
    if (!own || !other) throw new Error('the demo tour needs two more open tribal-wing tasks');
    // Held away from live updates, the page keeps the versions it had.
    await dropSocket(page);
    const note = 'Office: venue changed, call before moving this';
    await post(`/api/tasks/${own.id}/notes`, { text: note });

    const target = card(page, own.id);
    await target.locator('select[name="status"]').selectOption('in_progress');
    const statuses: number[] = [];
    const seen = (r: { url(): string; status(): number }) => {
      if (r.url().endsWith(`/api/tasks/${own.id}/status`)) statuses.push(r.status());
    };
    page.on('response', seen);
    await target.getByRole('button', { name: 'Move' }).click();
    await page.waitForFunction((id) => document.querySelector(`.card[data-task-id="${id}"] .card-msg`)?.textContent === 'Moved to “In progress”.', own.id, {
      timeout: 10_000,
    });
    page.off('response', seen);
    // The note changed the version, not the status the person saw: read again, sent again, once.
    expect(statuses).toEqual([412, 200]);
    expect((await historyOf(tourId)).filter((e) => e.type === 'TaskStarted' && (e.data as { taskId?: string }).taskId === own.id)).toHaveLength(1);

    await post(`/api/tasks/${other.id}/status`, { status: 'done' });
    const lost = card(page, other.id);
    await lost.locator('select[name="status"]').selectOption('in_progress');
    await lost.getByRole('button', { name: 'Move' }).click();
    await page.waitForFunction(
      (id) => document.querySelector(`.card[data-task-id="${id}"] .card-msg`)?.textContent === 'Someone moved this card to “Done” before your change arrived.',
      other.id,
      { timeout: 10_000 },
    );
    expect(await lost.locator('.card-msg').getAttribute('role')).toBe('alert');
    expect((await historyOf(tourId)).filter((e) => e.type === 'TaskStarted' && (e.data as { taskId?: string }).taskId === other.id)).toHaveLength(0);
    await restoreSocket(page);
    await expectBoardEqualsServer(page, tourId);
  });

  it('retries a failed send with the same Idempotency-Key, and the note lands once', async () => {
    watch.expect(/status of 503/);
    const board = await boardOf(tourId);
    const own = cards(board).find((c) => c.wing === 'adivasi');
    if (!own) throw new Error('the demo tour needs a tribal-wing task');
    let calls = 0;
    const keys: string[] = [];
    await page.route(`**/api/tasks/${own.id}/notes`, async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (calls++ === 0) await route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{"title":"unavailable","status":503}' });
      else await route.continue();
    });
    const target = card(page, own.id);
    await target.locator('.card-add-note summary').click();
    const text = 'बसें तय — buses confirmed for Saturday';
    await target.locator('textarea').fill(text);
    await target.getByRole('button', { name: 'Save note' }).click();
    await page.waitForFunction((id) => document.querySelector(`.card[data-task-id="${id}"] .card-msg`)?.textContent === 'Note saved.', own.id, {
      timeout: 10_000,
    });
    await page.unroute(`**/api/tasks/${own.id}/notes`);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toBe(keys[0]);
    const notes = (await historyOf(tourId)).filter((e) => e.type === 'TaskNoteAdded' && (e.data as { text?: string }).text === text);
    expect(notes).toHaveLength(1);
  });

  it('shows observers no edit controls', async () => {
    await page.goto(`${url}/?lang=en#token=${tokens.observer}`);
    await page.waitForSelector('.prog');
    await go(page, `#/programme/${tourId}`);
    await page.waitForSelector('.column .card');
    expect(await page.locator('.card select, .card textarea, .card button').count()).toBe(0);
    expect(await page.locator('.resp button:visible').count()).toBe(0);
    expect(await page.textContent('.who')).toContain('View only');
  });

  it('never writes the token to the console', () => {
    const ours = watch.messages.filter((m) => !WS_FAILED.test(m));
    for (const token of Object.values(tokens)) expect(ours.filter((m) => m.includes(token))).toEqual([]);
  });

  it('saves a screenshot of each view at phone and desktop width', async () => {
    mkdirSync(SHOTS, { recursive: true });
    await page.goto(`${url}/?lang=en#token=${tokens.incharge}`);
    await page.waitForSelector('.view-attention');
    for (const [width, height] of [
      [390, 844],
      [1366, 900],
    ]) {
      await page.setViewportSize({ width, height });
      for (const [view, hash, ready] of [
        ['readiness', '#/', '.prog'],
        ['programme', `#/programme/${tourId}`, '.column .card'],
        ['wing', '#/wing/adivasi', '.wing-programme'],
      ]) {
        await go(page, hash);
        await page.waitForSelector(ready);
        await page.waitForSelector('.conn[data-state="live"]');
        // What a person sees first at that width, and the whole page.
        await page.evaluate(() => scrollTo(0, 0));
        await page.screenshot({ path: join(SHOTS, `${view}-${width}x${height}.png`) });
        await page.screenshot({ path: join(SHOTS, `${view}-${width}x${height}-full.png`), fullPage: true });
      }
    }
    // The Hindi programme board, as a wing's people would open it on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${url}/?lang=hi#/programme/${tourId}`);
    await page.waitForSelector('.column .card');
    await page.screenshot({ path: join(SHOTS, 'programme-hi-390x844.png') });
    await go(page, '#/wing/adivasi');
    await page.waitForSelector('.wing-programme');
    await page.screenshot({ path: join(SHOTS, 'wing-hi-390x844.png') });
  });

  it('keeps the cards of a cancelled stop on the board, muted and labelled, out of the counts', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${url}/?lang=en#/programme/${tourId}`);
    await page.waitForSelector('.column .card');
    await page.waitForSelector('.conn[data-state="live"]');
    const board = await boardOf(tourId);
    if (board.programme.kind !== 'tour') throw new Error('the demo tour is not a tour');
    const stop = board.programme.stops.find((s) => !s.cancelled && cards(board).some((c) => c.stopId === s.id));
    if (!stop) throw new Error('the demo tour needs a live stop with tasks');
    const onStop = cards(board)
      .filter((c) => c.stopId === stop.id)
      .map((c) => c.id);
    await post(`/api/tours/${tourId}/stops/${stop.id}/cancel`, { reason: 'भारी बारिश — heavy rain' });
    await page.waitForFunction(
      (ids) => ids.every((id) => document.querySelector(`.card[data-task-id="${id}"]`)?.classList.contains('card-stop-cancelled')),
      onStop,
      {
        timeout: 3000,
      },
    );
    expect(await card(page, onStop[0]).getByText('Stop cancelled', { exact: true }).isVisible()).toBe(true);
    await expectBoardEqualsServer(page, tourId);
    const after = await boardOf(tourId);
    expect(
      cards(after)
        .filter((c) => c.stopId === stop.id)
        .map((c) => c.stopCancelled),
    ).toEqual(onStop.map(() => true));
    expect(after.readiness.total).toBe(board.readiness.total - onStop.length);
    await card(page, onStop[0]).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'programme-stop-cancelled-1366x900.png') });
  });

  it('opens a wing lead on the wing’s own cards (socket and GET filtered), readiness whole, live while filtered, with a toggle to all cards', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    const WING = 'adivasi';
    const wingQuery = `?wing=${WING}`;
    const whole = await boardOf(tourId);
    const wingBoard = await boardOf(tourId, wingQuery);
    const wings = new Set(cards(whole).map((c) => c.wing));
    if (!wings.has(WING) || wings.size < 2) throw new Error('the demo tour needs tribal-wing tasks and another wing’s');
    const wingName = (await api<WingsPayload>('/api/wings')).wings.find((w) => w.code === WING)?.name;
    if (!wingName) throw new Error('the demo has no tribal wing');
    const boardReads: string[] = [];
    const onRequest = (request: Request) => {
      if (request.url().includes(`/api/boards/programme/${tourId}`)) boardReads.push(new URL(request.url()).search);
    };
    page.on('request', onRequest);
    const subscribes = async () =>
      (await page.evaluate(() => (window as unknown as { __ws: WsProbe }).__ws.sent))
        .map((raw) => JSON.parse(raw) as { type: string; board: string; filter?: Record<string, unknown>; since?: string })
        .filter((m) => m.type === 'subscribe' && m.board === `programme:${tourId}`);

    try {
      await page.goto(`${url}/?lang=en#token=${tokens.lead}`);
      await page.waitForSelector('.prog');
      await go(page, `#/programme/${tourId}`);
      await page.waitForSelector('.column .card');
      await page.waitForSelector('.conn[data-state="live"]');

      // Only the wing's cards, exactly as the filtered GET has them; the readiness is the whole programme's.
      await expectBoardEqualsServer(page, tourId, 5000, wingQuery);
      const onPage = Object.values((await shown(page)).columns).flat();
      expect(onPage.length).toBe(cards(wingBoard).length);
      expect(onPage.every((id) => whole.cards[id]?.wing === WING)).toBe(true);
      expect(
        cards(whole)
          .filter((c) => c.wing !== WING)
          .some((c) => onPage.includes(c.id)),
      ).toBe(false);
      expect(wingBoard.readiness).toEqual(whole.readiness);
      expect(await page.textContent('.panel-summary .count-done .num')).toBe(`${whole.readiness.done}/${whole.readiness.total}`);
      expect(whole.readiness.total).toBeGreaterThan(onPage.length);
      // The socket and the GET both asked for the wing's board.
      expect((await subscribes())[0]).toMatchObject({ filter: { wing: WING } });
      expect(boardReads).toContain(wingQuery);
      expect(boardReads).not.toContain('');
      // Said in words, with a toggle (pressed: my wing's cards).
      expect(await page.textContent('.scope-line')).toBe(`Showing only the cards and duties of ${wingName.en}. Readiness above counts every wing.`);
      const mine = page.getByRole('button', { name: 'My wing’s cards' });
      const all = page.getByRole('button', { name: 'All cards' });
      expect(await mine.getAttribute('aria-pressed')).toBe('true');
      expect(await all.getAttribute('aria-pressed')).toBe('false');
      // Duties are the wing's too.
      const duties = await page.$$eval('.resp', (els) => els.map((el) => (el as HTMLElement).dataset.responsibilityId ?? ''));
      expect(duties.sort()).toEqual(Object.keys(wingBoard.responsibilities).sort());

      // A change to one of the wing's tasks arrives live, as a patch of the filtered board.
      const own = [...column(wingBoard, 'todo'), ...column(wingBoard, 'in_progress')].find((c) => !c.stopCancelled);
      if (!own) throw new Error('the demo tour needs an open tribal-wing task');
      const target: TaskStatus = own.status === 'todo' ? 'in_progress' : 'todo';
      const moved = await post(`/api/tasks/${own.id}/status`, { status: target });
      await page.waitForSelector(`.column[data-column="${target}"] .card[data-task-id="${own.id}"]`, { timeout: 2000 });
      const received = await page.evaluate(() => (window as unknown as { __ws: WsProbe }).__ws.received);
      const patch = received.find((m) => m.type === 'patch' && m.board === `programme:${tourId}` && m.patch?.cards?.[own.id]?.status === target);
      expect(patch).toBeDefined();
      expect(BigInt(patch?.position ?? '0')).toBeGreaterThanOrEqual(BigInt(moved.position));
      // Another wing's change moves the readiness, never a card onto this board.
      const foreign = column(whole, 'todo').find((c) => c.wing !== WING && !c.stopCancelled);
      if (foreign) {
        await post(`/api/tasks/${foreign.id}/status`, { status: 'in_progress' });
        await expectBoardEqualsServer(page, tourId, 5000, wingQuery);
        expect(await card(page, foreign.id).count()).toBe(0);
      }
      await expectBoardEqualsServer(page, tourId, 5000, wingQuery);

      // All cards: both wings', whole-board socket (no filter) and GET, kept in the address, focus kept.
      const before = await page.evaluate(() => (window as unknown as { __ws: WsProbe }).__ws.sockets.length);
      await page.evaluate(() => {
        (window as unknown as { __ws: WsProbe }).__ws.sent.length = 0;
      });
      await all.click();
      await page.waitForFunction(() => document.querySelector('.scope')?.getAttribute('data-scope') === 'all');
      expect(new URL(page.url()).hash).toBe(`#/programme/${tourId}?cards=all`);
      expect(await all.getAttribute('aria-pressed')).toBe('true');
      expect(await all.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await page.textContent('.scope-line')).toBe('Showing the cards and duties of every wing.');
      await expectBoardEqualsServer(page, tourId);
      const shownWings = new Set(
        Object.values((await shown(page)).columns)
          .flat()
          .map((id) => whole.cards[id]?.wing),
      );
      expect(shownWings.has(WING)).toBe(true);
      expect(shownWings.size).toBeGreaterThan(1);
      // A new socket carries the new choice: nothing of the filtered board can come in under it.
      expect(await page.evaluate(() => (window as unknown as { __ws: WsProbe }).__ws.sockets.length)).toBe(before + 1);
      await page.waitForFunction(
        (b) => (window as unknown as { __ws: WsProbe }).__ws.sent.some((raw) => raw.includes(`"board":"${b}"`)),
        `programme:${tourId}`,
      );
      const again = await subscribes();
      expect(again).toHaveLength(1);
      expect(again[0].filter).toBeUndefined();
      expect(boardReads).toContain('');
      // Live while showing all, too.
      const next = column(await boardOf(tourId), 'todo').find((c) => c.wing !== WING && !c.stopCancelled);
      if (next) {
        await post(`/api/tasks/${next.id}/status`, { status: 'in_progress' });
        await page.waitForSelector(`.column[data-column="in_progress"] .card[data-task-id="${next.id}"]`, { timeout: 2000 });
      }

      // A reload keeps the choice (it is in the address); back to my wing's cards.
      await page.reload();
      await page.waitForSelector('.scope[data-scope="all"]');
      await page.waitForSelector('.column .card');
      await expectBoardEqualsServer(page, tourId);
      await page.getByRole('button', { name: 'My wing’s cards' }).click();
      await page.waitForFunction(() => document.querySelector('.scope')?.getAttribute('data-scope') === 'wing');
      expect(new URL(page.url()).hash).toBe(`#/programme/${tourId}`);
      await expectBoardEqualsServer(page, tourId, 5000, wingQuery);

      // At phone width: the line and the toggle fit, nothing runs off the side; in Hindi too.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.locator('.scope').scrollIntoViewIfNeeded();
      expect(await page.locator('.scope-toggle').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const box = await page.locator('.scope-toggle').boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'programme-wing-lead-390x844.png') });
      await page.goto(`${url}/?lang=hi#/programme/${tourId}`);
      await page.waitForSelector('.column .card');
      expect(await page.$$eval('.scope-btn', (els) => els.map((el) => el.textContent))).toEqual(['मेरी विंग', 'सभी कार्ड']);
      expect(await page.textContent('.scope-line')).toContain(wingName.hi);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.locator('.scope').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'programme-wing-lead-hi-390x844.png') });
    } finally {
      page.off('request', onRequest);
      await page.setViewportSize({ width: 1366, height: 900 });
    }
  });
});

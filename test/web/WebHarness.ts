import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { configFromEnv } from '@tayari/app/config';
import { createTayari, type Tayari } from '@tayari/app/createTayari';
import { DEMO_PEOPLE } from '@tayari/app/demoTokens';
import type { HistoryPayload, ReadinessBoardPayload } from '@tayari/projections/boards/types';
import { ensurePageBuilt } from './ensurePageBuilt';
import { chromiumLaunch, findChromium } from '@tayari/shared/testing/chromium';
import { PageWatch } from './PageWatch';

export type Who = 'incharge' | 'lead' | 'organiser' | 'observer';

/** Where the page tests save their screenshots (test-artifacts/ is ignored by git). */
export const SHOTS = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

const SECRET = 'tayari-web-e2e-secret-0123456789abcdefghij';

/** A suite that runs only where Chromium is, and says loudly when it is skipped. */
export function browserSuite(file: string): jest.Describe {
  if (findChromium()) return describe;
  console.log(`\n# SKIPPED ${file}: no Chromium at /usr/bin/chromium (apt-get install -y chromium, or set CHROMIUM_PATH). The page is NOT tested.\n`);
  return describe.skip;
}

/**
 * The whole service as `npm start` runs it (the page at /, the API, /ws, the demo on an empty store),
 * on a free port with its own data folder, and one Chromium profile at a fixed time zone and locale,
 * as every page test sets them up (BoardPage adds the socket probe); each suite that uses it starts its own.
 */
export class WebHarness {
  tayari!: Tayari;
  context!: BrowserContext;
  page!: Page;
  watch!: PageWatch;
  readonly tokens = {} as Record<Who, string>;
  private readonly dirs: string[] = [];

  /**
   * `serviceWorkers: 'block'` for a suite that holds or rewrites the page's GETs with `page.route`:
   * once the page's worker controls it (it registers 2 s after load), its reads go through the worker
   * and `page.route` never sees them (Playwright's documented limit).
   */
  constructor(private readonly options: { serviceWorkers?: 'allow' | 'block' } = {}) {}

  get url(): string {
    return this.tayari.url;
  }

  async start(): Promise<void> {
    ensurePageBuilt();
    const dataDir = mkdtempSync(join(tmpdir(), 'tayari-web-e2e-'));
    const profileDir = mkdtempSync(join(tmpdir(), 'tayari-web-chromium-'));
    this.dirs.push(dataDir, profileDir);
    const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', TAYARI_DATA: dataDir, TAYARI_JWT_SECRET: SECRET, TAYARI_RATE_LIMIT: '0' });
    // Open sockets are checked against revocations every second here (every 15 s by default).
    // The demo's programmes only: its drive's 23,000 enrolments would keep a core busy under every suite.
    this.tayari = await createTayari({ config, live: { accessCheckMs: 1000 }, demoDrive: false });
    const head = await this.tayari.store.headPosition();
    if (head === undefined) throw new Error('createTayari did not load the demo into the empty store');
    if (!(await this.tayari.reads.waitFor(head, 10_000))) throw new Error('the read models did not catch up with the demo');
    const person = (role: string) => {
      const found = DEMO_PEOPLE.find((p) => p.role === role);
      if (!found) throw new Error(`the demo has no ${role}`);
      return found;
    };
    this.tokens.incharge = await this.tayari.verifier.issue(person('incharge'), 3600);
    this.tokens.lead = await this.tayari.verifier.issue(person('wing-lead'), 3600);
    this.tokens.organiser = await this.tayari.verifier.issue(person('organiser'), 3600);
    this.tokens.observer = await this.tayari.verifier.issue(person('observer'), 3600);
    this.context = await chromium.launchPersistentContext(profileDir, {
      ...chromiumLaunch(),
      timezoneId: 'Asia/Kolkata',
      locale: 'en-IN',
      viewport: DESKTOP,
      acceptDownloads: true,
      serviceWorkers: this.options.serviceWorkers ?? 'allow',
    });
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.watch = new PageWatch(this.page);
    mkdirSync(SHOTS, { recursive: true });
  }

  /**
   * A second browser whose clock is set to another zone (e.g. 'UTC': a laptop not set to India), with
   * its own PageWatch; close it when done.
   */
  async browserIn(timezoneId: string): Promise<{ page: Page; watch: PageWatch; close: () => Promise<void> }> {
    const browser = await chromium.launch(chromiumLaunch());
    const context = await browser.newContext({ timezoneId, locale: 'en-IN', viewport: DESKTOP });
    const page = await context.newPage();
    return { page, watch: new PageWatch(page), close: () => browser.close() };
  }

  async close(): Promise<void> {
    await this.context?.close();
    await this.tayari?.close();
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }

  async api<T>(path: string, who: Who = 'incharge'): Promise<T> {
    const response = await fetch(`${this.url}${path}`, { headers: { Authorization: `Bearer ${this.tokens[who]}` } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async post(path: string, body: object, who: Who = 'incharge'): Promise<{ id: string; version: number; position: string }> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.tokens[who]}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; version: number; position: string };
  }

  /** Every event of a programme, following `next`. */
  async historyOf(programmeId: string): Promise<HistoryPayload['events']> {
    const events: HistoryPayload['events'] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await this.api<HistoryPayload>(`/api/programmes/${programmeId}/history${after ? `?after=${after}` : ''}`);
      events.push(...page.events);
      if (!page.next || page.events.length === 0) return events;
      after = page.next;
    }
    return events;
  }

  /** The demo's biggest tour (most tasks) on the readiness board. */
  async biggestTour(): Promise<string> {
    const readiness = await this.api<ReadinessBoardPayload>('/api/boards/readiness');
    const tour = Object.values(readiness.programmes)
      .filter((p) => p.kind === 'tour')
      .sort((a, b) => b.readiness.total - a.readiness.total)[0];
    if (!tour) throw new Error('the demo has no tour on the readiness board');
    return tour.id;
  }

  /** Opens the page signed in as `who` (the token in the link), at `route`, in `lang`. */
  async open(who: Who, route: string, lang: 'en' | 'hi' = 'en'): Promise<void> {
    await this.page.goto(`${this.url}/?lang=${lang}#token=${this.tokens[who]}&route=${encodeURIComponent(route)}`);
    // Well inside a test's 30 s, so that a page that never goes live fails here, saying so.
    await this.page.waitForSelector('.conn[data-state="live"]', { timeout: 20_000 });
  }

  /** Moves within the open page (a new fragment, no reload). */
  async go(hash: string): Promise<void> {
    await this.page.evaluate((h) => (location.hash = h), hash);
  }
}

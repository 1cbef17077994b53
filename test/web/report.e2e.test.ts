import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgrammeBoardPayload, WingBoardPayload } from '@tayari/projections/boards/types';
import { nth } from '@tayari/shared/testing/nth';
import { browserSuite, DESKTOP, PHONE, SHOTS, WebHarness } from './WebHarness';

/**
 * The readiness report in a real browser: printing a programme board or the attention view shows the
 * report (readiness by stop and wing, blocked and overdue work, duties) with no controls and no
 * navigation; the CSV download of a board view has one row per card the view shows, in its order.
 */
const suite = browserSuite('test/web/report.e2e.test.ts');

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF), after the byte-order mark. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

/** Controls a person could press or type into, that are on screen. */
const visibleControls = () =>
  Array.from(document.querySelectorAll<HTMLElement>('button, select, input, textarea, summary, nav, .top')).filter(
    (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
  ).length;

suite('the readiness report in a real browser', () => {
  const web = new WebHarness();
  let tour: string;

  /** What a browser does as it prints: print media, and `beforeprint` (which stamps the report with the time). */
  async function printing(): Promise<void> {
    await web.page.emulateMedia({ media: 'print' });
    await web.page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  }

  async function downloadCsv(): Promise<{ name: string; rows: string[][] }> {
    const [download] = await Promise.all([web.page.waitForEvent('download'), web.page.click('a.report-csv')]);
    const path = await download.path();
    return { name: download.suggestedFilename(), rows: parseCsv(readFileSync(path, 'utf8')) };
  }

  beforeAll(async () => {
    await web.start();
    tour = await web.biggestTour();
  }, 120_000);
  afterEach(async () => {
    await web.page.emulateMedia({ media: 'screen' });
    expect(web.watch.take()).toEqual([]);
  });
  afterAll(() => web.close());

  it('prints a programme board as a report: readiness by stop and wing, every column, the duties; no controls, no nav', async () => {
    await web.open('incharge', `/programme/${tour}`);
    await web.page.waitForSelector('.column .card');
    expect(await web.page.evaluate(visibleControls)).toBeGreaterThan(10);
    // Nothing is stamped until the page is printed: the stamp is the time of printing.
    expect(await web.page.textContent('.report-stamp')).toBe('');
    await printing();
    expect(await web.page.evaluate(visibleControls)).toBe(0);
    expect(await web.page.isVisible('.report-stamp')).toBe(true);
    expect(await web.page.textContent('.report-stamp')).toMatch(/^Readiness report · /);
    const board = await web.api<ProgrammeBoardPayload>(`/api/boards/programme/${tour}`);
    expect(await web.page.locator('.panel-by-stop .bd-row:visible').count()).toBe(Object.keys(board.readiness.byStop ?? {}).length);
    expect(await web.page.locator('.panel-by-wing .bd-row:visible').count()).toBe(Object.keys(board.readiness.byWing).length);
    // Done work, folded on screen, is on paper; so are the blocked reasons and every duty.
    expect(await web.page.locator('.column-done .card:visible').count()).toBe(Object.values(board.cards).filter((c) => c.status === 'done').length);
    expect(await web.page.locator('.column-blocked .card-blocked:visible').count()).toBe(
      Object.values(board.cards).filter((c) => c.status === 'blocked' && c.blockedReason).length,
    );
    expect(await web.page.locator('.resp:visible').count()).toBe(Object.keys(board.responsibilities).length);
    await web.page.screenshot({ path: join(SHOTS, 'report-programme-print-1366x900.png'), fullPage: true });
    await web.page.pdf({ path: join(SHOTS, 'report-programme.pdf'), format: 'A4' });
  });

  it('prints the board of a phone the same way (breakdowns folded on screen are open on paper)', async () => {
    await web.page.setViewportSize(PHONE);
    try {
      await web.page.goto(`${web.url}/?lang=hi#/programme/${tour}`);
      await web.page.waitForSelector('.column .card');
      expect(await web.page.locator('.panel-by-wing .bd-row:visible').count()).toBe(0);
      await printing();
      expect(await web.page.evaluate(visibleControls)).toBe(0);
      expect(await web.page.locator('.panel-by-wing .bd-row:visible').count()).toBeGreaterThan(1);
      expect(await web.page.textContent('.report-stamp')).toMatch(/^तैयारी की रिपोर्ट · /);
      await web.page.screenshot({ path: join(SHOTS, 'report-programme-print-hi-390x844.png'), fullPage: true });
    } finally {
      await web.page.setViewportSize(DESKTOP);
    }
  });

  it('prints the attention view as the review meeting’s list: at-risk programmes, overdue, blocked, unacknowledged, wings', async () => {
    await web.page.goto(`${web.url}/?lang=en#/attention`);
    await web.page.waitForSelector('.view-attention .att-item');
    await printing();
    expect(await web.page.evaluate(visibleControls)).toBe(0);
    expect(await web.page.textContent('.view-attention .report-stamp')).toMatch(/^Readiness report · .*\d:\d\d [ap]m /);
    for (const part of ['programmes', 'overdue', 'blocked', 'unacknowledged', 'wings']) expect(await web.page.isVisible(`.att-${part}`)).toBe(true);
    await web.page.screenshot({ path: join(SHOTS, 'report-attention-print-1366x900.png'), fullPage: true });
  });

  it('downloads the board view as CSV: one row per card shown, in the page’s order, Devanagari intact', async () => {
    await web.page.goto(`${web.url}/?lang=en#/programme/${tour}`);
    await web.page.waitForSelector('.column .card');
    const csv = await downloadCsv();
    expect(csv.name).toMatch(new RegExp(`^tayari-${tour}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(csv.rows[0]).toEqual(['id', 'What needs doing', 'Status', 'Wing', 'Stop', 'Assignee', 'Due', 'Overdue', 'Reason for blocking']);
    const shown = await web.page.$$eval('.column .card', (els) =>
      els.map((el) => [(el as HTMLElement).dataset.taskId ?? '', el.querySelector('.card-title')?.textContent ?? '']),
    );
    expect(csv.rows.slice(1).map((r) => [r[0], r[1]])).toEqual(shown);
    expect(csv.rows.slice(1).some((r) => /[\u0900-\u097F]/.test(nth(r, 1)))).toBe(true);

    // Narrowed, in Hindi: the rows are the narrowed board's.
    await web.page.goto(`${web.url}/?lang=hi#/programme/${tour}?status=blocked,todo`);
    await web.page.waitForSelector('.column .card');
    const narrowed = await downloadCsv();
    expect(narrowed.rows[0]?.[2]).toBe('स्थिति');
    const ids = await web.page.$$eval('.column .card', (els) => els.map((el) => (el as HTMLElement).dataset.taskId ?? ''));
    expect(narrowed.rows.slice(1).map((r) => r[0])).toEqual(ids);
    const server = await web.api<ProgrammeBoardPayload>(`/api/boards/programme/${tour}?status=blocked,todo`);
    expect([...ids].sort()).toEqual(Object.keys(server.cards).sort());
  });

  it('downloads a wing’s board as CSV, with each card’s programme', async () => {
    await web.page.goto(`${web.url}/?lang=en#/wing/adivasi?overdue=true`);
    await web.page.waitForSelector('.wing-programme .card');
    const csv = await downloadCsv();
    const server = await web.api<WingBoardPayload>('/api/boards/wing/adivasi?overdue=true');
    expect(
      csv.rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(Object.keys(server.cards).sort());
    const programmeTitleOf = (id: string) => {
      const card = server.cards[id];
      return card && server.programmes[card.programmeId]?.title;
    };
    expect(csv.rows.slice(1).every((r) => nth(r, 1) === programmeTitleOf(nth(r, 0)))).toBe(true);
  });
});

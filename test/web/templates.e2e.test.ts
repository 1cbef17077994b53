import { join } from 'node:path';
import type { ProgrammeBoardPayload } from '@tayari/projections/boards/types';
import { dueFrom } from '@tayari/shared/contract/templateOffset';
import { browserSuite, PHONE, SHOTS, WebHarness } from './WebHarness';

/**
 * Applying a checklist template from the page (SPEC v2 templates), on a phone: a meeting's checklist
 * from its page, a stop's from the tour's stop list (in Hindi). The picker lists the templates of the
 * matching kind and previews their tasks with due times; applying logs the tasks (read back from the
 * board), and applying again adds none and says so.
 */
const suite = browserSuite('test/web/templates.e2e.test.ts');

const istDay = (days: number) => new Date(Date.now() + 330 * 60_000 + days * 86_400_000).toISOString().slice(0, 10);
const ist = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+05:30`).toISOString();

/** The demo's checklists (services/app/demo/demoTemplates.ts). */
const REVIEW_ITEMS = [
  { title: 'Hall booking at the party office', wing: 'seva-dal', offset: '-P2D' },
  { title: 'District-wise readiness figures for the chair', wing: 'data', offset: '-P1D' },
  { title: 'Attendance sheet and seating', wing: 'it-cell', offset: '-PT3H' },
];
const STOP_TASKS = 5;

suite('checklist templates, from the page', () => {
  const web = new WebHarness();
  const board = (id: string) => web.api<ProgrammeBoardPayload>(`/api/boards/programme/${id}`);
  const applied = async (id: string) => (await web.historyOf(id)).filter((e) => e.type === 'TaskLogged');

  beforeAll(async () => {
    await web.start();
    await web.page.setViewportSize(PHONE);
  }, 120_000);
  afterEach(() => expect(web.watch.take()).toEqual([]));
  afterAll(() => web.close());

  it('at 390 px: previews a meeting’s checklist with its due times, applies it, and applying again adds nothing', async () => {
    const startsAt = ist(istDay(8), '11:00');
    const meeting = (await web.post('/api/meetings', { title: 'Monthly review — मासिक समीक्षा', venue: 'Rajiv Bhawan', startsAt, chairs: ['State in-charge'] }))
      .id;
    await web.open('incharge', `/programme/${meeting}`);
    const picker = web.page.locator('.panel-meeting-changes .form-apply-template');
    await picker.locator('summary').click();
    await picker.locator('.template-item').first().waitFor();
    // Meeting checklists only (the demo's stop checklist is not offered here), named in English.
    expect(await picker.locator('select[name="templateId"] option').allTextContents()).toEqual(['Review meeting']);
    expect(await picker.locator('.template-preview > p').textContent()).toBe('3 tasks, due before the start:');
    expect(await picker.locator('.template-item-title').allTextContents()).toEqual(REVIEW_ITEMS.map((item) => item.title));
    const hall = new Date(dueFrom(startsAt, '-P2D'));
    const dayMonth = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', timeZone: 'Asia/Kolkata' }).format(hall);
    expect(await picker.locator('.template-item').first().textContent()).toContain(dayMonth);
    expect(await picker.locator('.template-item').first().textContent()).toContain('11:00 am IST');

    await picker.getByRole('button', { name: 'Apply' }).click();
    await picker.locator('.form-msg', { hasText: 'Checklist applied: 3 tasks added.' }).waitFor();
    await web.page.locator('.column-todo .card').nth(2).waitFor({ timeout: 5000 });
    const cards = Object.values((await board(meeting)).cards);
    expect(cards.map((card) => [card.title, card.wing, card.dueAt]).sort()).toEqual(
      REVIEW_ITEMS.map((item) => [item.title, item.wing, dueFrom(startsAt, item.offset)]).sort(),
    );

    await picker.getByRole('button', { name: 'Apply' }).click();
    await picker.locator('.form-msg', { hasText: 'Already applied: nothing new was added.' }).waitFor();
    expect(Object.keys((await board(meeting)).cards)).toHaveLength(3);
    expect(await applied(meeting)).toHaveLength(3);
    expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await web.page.screenshot({ path: join(SHOTS, 'template-meeting-390x844.png'), fullPage: true });
  });

  it('in Hindi at 390 px: applies a stop’s checklist from the tour’s stop list, once', async () => {
    const tour = await web.biggestTour();
    const day = istDay(12);
    const stopBody = { place: 'Jagdalpur (जगदलपुर)', district: 'Bastar', venue: 'Lalbagh ground', startsAt: ist(day, '14:00'), endsAt: ist(day, '17:00') };
    const stopId = 'jagdalpur-rally';
    await web.post(`/api/tours/${tour}/stops`, { stopId, ...stopBody });
    const before = Object.keys((await board(tour)).cards).length;
    await web.open('incharge', `/programme/${tour}`, 'hi');
    const row = web.page.locator(`.stop-row[data-stop-id="${stopId}"]`);
    const picker = row.locator('.form-apply-template');
    expect(await picker.locator('summary').textContent()).toBe('तैयारी की सूची लगाएँ');
    await picker.locator('summary').click();
    await picker.locator('.template-item').first().waitFor();
    expect(await picker.locator('select[name="templateId"] option').allTextContents()).toEqual(['आमसभा पड़ाव']);
    expect(await picker.locator('.template-item').count()).toBe(STOP_TASKS);
    expect(await picker.locator('.template-preview > p').textContent()).toBe(`${STOP_TASKS} काम, शुरू होने से पहले पूरे करने हैं:`);
    await picker.getByRole('button', { name: 'लगाएँ' }).click();
    await picker.locator('.form-msg', { hasText: `सूची लग गई: ${STOP_TASKS} काम जुड़े।` }).waitFor();
    // The page holds the board with the new tasks before applying again (so it can tell nothing was added).
    await web.page.waitForFunction(
      (n) => Array.from(document.querySelectorAll('.column .col-head .col-count')).reduce((sum, el) => sum + Number(el.textContent), 0) >= n,
      before + STOP_TASKS,
      { timeout: 5000 },
    );
    const planted = () => board(tour).then((b) => Object.values(b.cards).filter((card) => card.stopId === stopId));
    const first = await planted();
    expect(first).toHaveLength(STOP_TASKS);
    for (const card of first) expect(Date.parse(card.dueAt ?? '')).toBeLessThan(Date.parse(stopBody.startsAt));

    await picker.getByRole('button', { name: 'लगाएँ' }).click();
    await picker.locator('.form-msg', { hasText: 'यह सूची पहले ही लग चुकी है: कुछ नया नहीं जुड़ा।' }).waitFor();
    expect(await planted()).toHaveLength(STOP_TASKS);
    expect(Object.keys((await board(tour)).cards)).toHaveLength(before + STOP_TASKS);
    expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await row.screenshot({ path: join(SHOTS, 'template-stop-hi-390.png') });
  });
});

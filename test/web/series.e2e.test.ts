import { join } from 'node:path';
import type { ProgrammeBoardPayload } from '@tayari/projections/boards/types';
import { browserSuite, PHONE, SHOTS, WebHarness } from './WebHarness';

/**
 * Meetings of a series on the page (SPEC v2 "meeting follow-ups"), on a phone: the next meeting is
 * scheduled from the page with its series, and its page shows "since the last meeting" above its own
 * cards: the previous meeting, how its follow-ups stand, and the follow-up cards, open ones first,
 * each naming the meeting it came from and its wing; live as a follow-up is done.
 */
const suite = browserSuite('test/web/series.e2e.test.ts');

const istDay = (days: number) => new Date(Date.now() + 330 * 60_000 + days * 86_400_000).toISOString().slice(0, 10);
const ist = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+05:30`).toISOString();

suite('a meeting of a series, and what it carries since the last one', () => {
  const web = new WebHarness();
  const first = 'ब्लॉक समीक्षा — October block review';
  let earlier: string;

  beforeAll(async () => {
    await web.start();
    earlier = (
      await web.post('/api/meetings', {
        title: first,
        venue: 'Rajiv Bhawan',
        startsAt: ist(istDay(1), '11:00'),
        chairs: ['State in-charge'],
        series: 'block-review',
      })
    ).id;
    const overdue = new Date(Date.now() - 3_600_000).toISOString();
    await web.post(`/api/meetings/${earlier}/minutes`, {
      decisions: [
        { text: 'Booth lists to every district', wing: 'youth' },
        { text: 'Press note on the review', wing: 'media', dueAt: overdue },
        { text: 'Book the hall for next month', wing: 'seva-dal' },
        'Thank the district presidents',
      ],
    });
    await web.page.setViewportSize(PHONE);
  }, 120_000);
  afterEach(() => expect(web.watch.take()).toEqual([]));
  afterAll(() => web.close());

  it('at 390 px: schedules the next meeting of the series from the page, and shows the earlier one’s follow-ups above its own cards, live', async () => {
    await web.open('incharge', '/');
    const form = web.page.locator('.form-schedule-meeting');
    await form.locator('summary').click();
    const day = istDay(9);
    await form.locator('input[name="title"]').fill('November block review — नवंबर समीक्षा');
    await form.locator('input[name="venue"]').fill('Rajiv Bhawan');
    await form.locator('input[name="startsAt"]').fill(`${day}T11:00`);
    await form.locator('textarea[name="chairs"]').fill('State in-charge');
    // The series seen among the meetings are offered (the demo's reviews are one).
    await form.locator('input[name="series"]').focus();
    await form.locator('datalist option[value="monthly-review"]').waitFor({ state: 'attached', timeout: 5000 });
    // Typed as people say it: the page makes the id the series is known by.
    await form.locator('input[name="series"]').fill('block review');
    await form.getByRole('button', { name: 'Save' }).click();
    await web.page.waitForFunction(() => location.hash.startsWith('#/programme/'));
    const next = decodeURIComponent(new URL(web.page.url()).hash.replace(/^#\/programme\//, '').replace(/\?.*$/, ''));
    const scheduled = (await web.historyOf(next)).filter((e) => e.type === 'MeetingScheduled');
    expect(scheduled.map((e) => e.data)).toMatchObject([{ series: 'block-review', startsAt: ist(day, '11:00') }]);

    const section = web.page.locator('.panel-series');
    await section.waitFor({ timeout: 5000 });
    expect(await section.locator('h3').textContent()).toBe('Since the last meeting');
    expect(await section.locator('.series-previous a').textContent()).toMatch(new RegExp(`^Last meeting: ${first}, `));
    expect(await section.locator('.series-previous a').getAttribute('href')).toBe(`#/programme/${earlier}`);
    expect(await section.locator('.series-counts li').allTextContents()).toEqual(['0 done', '3 still open', '1 overdue']);
    const ids = () => section.locator('.card').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.taskId));
    expect(await ids()).toHaveLength(3);
    const press = section.locator(`.card[data-task-id="${earlier}-m1-d2"]`);
    expect(await press.locator('.card-programme a').textContent()).toMatch(new RegExp(`^From ${first}, `));
    expect(await press.locator('.chip-wing').textContent()).toBe('Communications department');
    expect(await press.locator('.badge-overdue').count()).toBe(1);
    // Above the meeting's own cards.
    expect(
      await web.page.evaluate(() => {
        const series = document.querySelector('.panel-series');
        const board = document.querySelector('.programme-body .board');
        return !!series && !!board && (series.compareDocumentPosition(board) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      }),
    ).toBe(true);

    // A follow-up done: the counts follow, and it goes after the open ones, without a reload.
    await web.post(`/api/tasks/${earlier}-m1-d1/status`, { status: 'done' }, 'incharge');
    await section.locator('.series-counts li', { hasText: '1 done' }).waitFor({ timeout: 5000 });
    expect(await section.locator('.series-counts li').allTextContents()).toEqual(['1 done', '2 still open', '1 overdue']);
    expect((await ids()).at(-1)).toBe(`${earlier}-m1-d1`);
    const board = await web.api<ProgrammeBoardPayload>(`/api/boards/programme/${next}`);
    expect(board.series?.counts).toEqual({ done: 1, open: 2, overdue: 1 });
    expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await web.page.screenshot({ path: join(SHOTS, 'series-since-last-meeting-390x844.png'), fullPage: true });
  });

  it('in Hindi: names the section, the counts and where each follow-up came from in Hindi', async () => {
    const list = await web.api<{ programmes: { id: string; title: string }[] }>('/api/programmes?kind=meeting');
    const next = list.programmes.find((p) => p.title.startsWith('November block review'));
    if (!next) throw new Error('the meeting scheduled by the first test is missing');
    await web.open('incharge', `/programme/${next.id}`, 'hi');
    const section = web.page.locator('.panel-series');
    await section.waitFor({ timeout: 5000 });
    expect(await section.locator('h3').textContent()).toBe('पिछली बैठक के बाद से');
    expect(await section.locator('.series-counts li').allTextContents()).toEqual(['1 पूरे', '2 अभी बाकी', '1 समय से पीछे']);
    expect(await section.locator('.card-programme a').first().textContent()).toMatch(new RegExp(`^${first} से, `));
    expect(await web.page.locator('.facts').textContent()).toContain('block-review');
    await section.screenshot({ path: join(SHOTS, 'series-since-last-meeting-hi-390.png') });
  });
});

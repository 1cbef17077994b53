import { join } from 'node:path';
import { PeoplePage } from './PeoplePage';
import { browserSuite, PHONE, SHOTS } from './WebHarness';

/**
 * "My tasks" (SPEC v2 "people and access": the `mine` board) in a real browser at phone width: an
 * organiser's link opens on their own tasks, overdue first, with the usual card actions, live.
 */
const suite = browserSuite('test/web/page.mine.e2e.test.ts');

const ME = 'demo-adivasi-organiser';

suite('my tasks', () => {
  const web = new PeoplePage();

  beforeAll(async () => {
    await web.start();
    await web.page.setViewportSize(PHONE);
  }, 120_000);
  afterEach(() => web.expectCleanConsole());
  afterAll(() => web.close());

  it('opens an organiser on their own tasks, overdue first, and moves one live', async () => {
    const day = 24 * 3600_000;
    const log = async (id: string, title: string, dueAt: Date) =>
      web.command('/api/tasks', { id, programmeId: web.tourId, wing: 'adivasi', title, assignee: { personId: ME }, dueAt: dueAt.toISOString() });
    await log('mine-later', 'Book the buses for Bastar', new Date(Date.now() + 3 * day));
    await log('mine-late', 'Print the posters', new Date(Date.now() - day));

    await web.page.goto(`${web.url}/?lang=en#token=${web.tokens.organiser}`);
    await web.page.waitForSelector('.view-mine .card');
    await web.page.waitForSelector('.conn[data-state="live"]');
    expect(await web.page.evaluate(() => location.hash)).toBe('#/mine');
    expect(await web.page.locator('.nav-mine').getAttribute('aria-current')).toBe('page');
    const shown = await web.page.locator('.view-mine .card').evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.taskId));
    expect(shown.indexOf('mine-late')).toBe(0);
    expect(shown).toContain('mine-later');
    // Each card names its programme.
    expect(await web.card('mine-late').locator('.card-programme').isVisible()).toBe(true);
    await web.page.screenshot({ path: join(SHOTS, 'mine-390x844.png') });

    const card = web.card('mine-later');
    await card.locator('select[name="status"]').selectOption('in_progress');
    await card.getByRole('button', { name: 'Move' }).click();
    await web.page.waitForFunction(() => document.querySelector('.card[data-task-id="mine-later"]')?.getAttribute('data-status') === 'in_progress', null, {
      timeout: 10_000,
    });
    // A task given to them elsewhere arrives live.
    await log('mine-new', 'Arrange drinking water', new Date(Date.now() + day));
    await web.card('mine-new').waitFor({ timeout: 5000 });
  });
});

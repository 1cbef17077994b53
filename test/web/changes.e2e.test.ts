import { join } from 'node:path';
import type { Card } from '@tayari/projections/boards/types';
import { t } from '../../services/web/page/i18n';
import { COLUMN_PAGE } from '../../services/web/page/views/Column';
import { BoardPage, column, WS_FAILED } from './BoardPage';
import { DESKTOP, PHONE, SHOTS } from './WebHarness';
import { browserSuite } from './WebHarness';

/**
 * "What changed" (issue 14) in a real browser: a card someone else changed since the person last
 * looked at the board is marked with who and when, until it is seen; and acting on a card that was
 * cancelled meanwhile says so plainly, though the card leaves the board.
 */
const suite = browserSuite('test/web/changes.e2e.test.ts');

const LEAD = 'Tribal wing lead';

suite('what changed, in a real browser', () => {
  const web = new BoardPage();
  /** Open cards near the top of the todo column (drawn, whatever the page size). */
  let todo: Card[];
  /** Of those, the tribal wing's: the wing lead may change them. */
  let tribal: Card[];

  const programme = () => `/programme/${web.tourId}`;
  const marks = () => web.page.$$eval('.card.card-is-new', (els) => els.map((el) => (el as HTMLElement).dataset.taskId ?? '?'));

  beforeAll(async () => {
    await web.start();
    todo = column(await web.boardOf(web.tourId), 'todo').slice(0, COLUMN_PAGE);
    tribal = todo.filter((card) => card.wing === 'adivasi');
    if (todo.length < 6 || tribal.length < 2) throw new Error('the demo tour needs six open cards, two of them the tribal wing’s');
  }, 120_000);
  afterEach(() => web.expectCleanConsole());
  afterAll(() => web.close());

  it('marks a card someone else changed after the last look, with who and when; not one’s own; "mark all seen" clears', async () => {
    const [theirs] = tribal;
    const mine = todo.find((card) => card.wing !== 'adivasi');
    if (!theirs || !mine) throw new Error('no cards');
    await web.open('incharge', programme());
    await web.page.waitForSelector('.column .card');
    // The first look marks nothing: all of it is new to this browser.
    expect(await marks()).toEqual([]);
    expect(await web.page.locator('.seen-bar').isHidden()).toBe(true);

    await web.go('#/');
    await web.page.waitForSelector('.prog');
    await web.post(`/api/tasks/${theirs.id}/notes`, { text: 'Tent contractor called back' }, 'lead');
    await web.post(`/api/tasks/${mine.id}/status`, { status: 'in_progress' }, 'incharge');
    await web.go(`#${programme()}`);
    await web.page.waitForSelector(`.card[data-task-id="${theirs.id}"] .card-new:visible`, { timeout: 5000 });
    expect(await web.card(theirs.id).locator('.card-new').textContent()).toMatch(new RegExp(`^Changed since you last looked: ${LEAD}, .*\\d:\\d\\d`));
    // The plain "updated by" line gives way to the mark.
    expect(await web.card(theirs.id).locator('.card-changed').isHidden()).toBe(true);
    await web.page.waitForSelector(`.column[data-column="in_progress"] .card[data-task-id="${mine.id}"]`);
    expect(await marks()).toEqual([theirs.id]);
    expect(await web.page.textContent('.seen-bar .seen-count')).toBe('Cards changed since you last looked: 1');
    await web.page.screenshot({ path: join(SHOTS, 'changes-marked-1366x900.png') });

    await web.page.getByRole('button', { name: 'Mark all seen' }).click();
    await web.page.waitForFunction(() => document.querySelectorAll('.card-is-new').length === 0);
    expect(await web.page.locator('.seen-bar').isHidden()).toBe(true);
    // Looked at: a later visit marks it no more.
    await web.page.reload();
    await web.page.waitForSelector('.column .card');
    expect(await marks()).toEqual([]);
  });

  it('marks it on a phone in Hindi too, and keeps the marks of the visit when a filter changes', async () => {
    const theirs = tribal[1];
    if (!theirs) throw new Error('no card');
    await web.page.setViewportSize(PHONE);
    await web.go('#/');
    await web.page.waitForSelector('.prog');
    await web.post(`/api/tasks/${theirs.id}/assign`, { assignee: 'Sunita Markam' }, 'lead');
    await web.page.goto(`${web.url}/?lang=hi#${programme()}`);
    await web.page.waitForSelector(`.card[data-task-id="${theirs.id}"] .card-new:visible`, { timeout: 5000 });
    const hindi = t('hi', 'changedSince', { name: LEAD, time: '' });
    expect(await web.card(theirs.id).locator('.card-new').textContent()).toContain(hindi.trim());
    expect(await web.page.textContent('.seen-bar .seen-count')).toBe(t('hi', 'changedCount', { n: 1 }));
    await web.card(theirs.id).screenshot({ path: join(SHOTS, 'changes-marked-card-hi-390x844.png') });
    // A filter makes the view anew (the address replaced, no navigation): the visit's marks stay.
    await web.page.fill('input[name="q"]', theirs.title);
    await web.page.press('input[name="q"]', 'Enter');
    await web.page.waitForFunction(() => location.hash.includes('q='));
    await web.page.waitForSelector(`.card[data-task-id="${theirs.id}"] .card-new:visible`, { timeout: 5000 });
    await web.page.setViewportSize(DESKTOP);
  });

  it('says plainly when a card moved on was cancelled meanwhile, though the card leaves the board', async () => {
    web.watch.expect(WS_FAILED, /status of 4(09|12)/);
    const gone = todo.filter((card) => !tribal.slice(0, 2).includes(card))[2];
    if (!gone) throw new Error('no card');
    await web.open('incharge', programme());
    await web.page.waitForSelector(`.card[data-task-id="${gone.id}"]`);
    await web.dropSocket();
    await web.post(`/api/tasks/${gone.id}/cancel`, { reason: 'Merged with another task' });
    await web.card(gone.id).locator('select[name="status"]').selectOption('in_progress');
    await web.card(gone.id).getByRole('button', { name: 'Move' }).click();
    await web.page.waitForSelector('.gone-notice:visible', { timeout: 10_000 });
    expect(await web.page.textContent('.gone-notice .gone-text')).toBe(`“${gone.title}”: Someone cancelled this task before your change arrived.`);
    expect(await web.page.getAttribute('.gone-notice', 'role')).toBe('alert');
    await web.card(gone.id).waitFor({ state: 'detached', timeout: 5000 });
    await web.page.click('.gone-notice .gone-ok');
    expect(await web.page.locator('.gone-notice').isHidden()).toBe(true);
    await web.restoreSocket();
  });

  it('says it in Hindi on a phone for the card’s other changes too (giving it to someone)', async () => {
    web.watch.expect(WS_FAILED, /status of 4(09|12)/);
    const gone = todo.filter((card) => !tribal.slice(0, 2).includes(card))[3];
    if (!gone) throw new Error('no card');
    await web.page.setViewportSize(PHONE);
    await web.page.goto(`${web.url}/?lang=hi#${programme()}`);
    await web.page.waitForSelector(`.card[data-task-id="${gone.id}"]`);
    await web.page.waitForSelector('.conn[data-state="live"]');
    await web.dropSocket();
    await web.post(`/api/tasks/${gone.id}/cancel`, { reason: 'No longer needed' });
    await web.card(gone.id).locator('.card-actions summary').click();
    await web.card(gone.id).locator('.task-assign input').fill('Asha Netam');
    await web.card(gone.id).locator('.task-assign button[type="submit"]').click();
    await web.page.waitForSelector('.gone-notice:visible', { timeout: 10_000 });
    expect(await web.page.textContent('.gone-notice .gone-text')).toBe(`“${gone.title}”: ${t('hi', 'goneTask')}`);
    await web.page.screenshot({ path: join(SHOTS, 'changes-gone-hi-390x844.png') });
    await web.restoreSocket();
    await web.page.setViewportSize(DESKTOP);
  });
});

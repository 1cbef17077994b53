import { join } from 'node:path';
import type { Card } from '@tayari/projections/boards/types';
import { t } from '../../services/web/page/i18n';
import { COLUMN_PAGE } from '../../services/web/page/views/Column';
import { BoardPage, column } from './BoardPage';
import { browserSuite, DESKTOP, PHONE, SHOTS } from './WebHarness';

/**
 * A programme's activity list and a card's notes (issue 14) in a real browser: the activity is the
 * API's history, latest first, in sentences of either language, followed live and paged with "show
 * older"; a card's notes are its history's notes, newest first.
 */
const suite = browserSuite('test/web/activity.e2e.test.ts');

const PAGE = 25;
const LEAD = 'Tribal wing lead';

interface Note {
  text: string;
  by: string;
}

suite('the activity list and a card’s notes in a real browser', () => {
  const web = new BoardPage();
  let tribal: Card[];

  const programme = () => `/programme/${web.tourId}`;
  const positionsShown = () => web.page.$$eval('.activity-item', (els) => els.map((el) => (el as HTMLElement).dataset.position ?? '?'));
  const latestPositions = async (n: number) =>
    (await web.historyOf(web.tourId))
      .map((e) => e.position)
      .reverse()
      .slice(0, n);

  /** A task's notes as its history tells them, newest first. */
  async function notesOf(taskId: string): Promise<Note[]> {
    const notes: Note[] = [];
    for (const event of await web.historyOf(web.tourId)) {
      const data = event.data as { taskId?: string; text?: string; note?: string };
      const text = event.type === 'TaskNoteAdded' ? data.text : data.note;
      if (data.taskId === taskId && text !== undefined) notes.push({ text, by: (event.actor as { name: string }).name });
    }
    return notes.reverse();
  }

  const notesShown = (taskId: string) =>
    web
      .card(taskId)
      .locator('.note-item')
      .evaluateAll((els) =>
        els.map((el) => ({
          text: el.querySelector('.note-text')?.textContent ?? '',
          by: (el.querySelector('.note-by')?.firstChild?.textContent ?? '').replace(/^ — |, $/g, ''),
        })),
      );

  beforeAll(async () => {
    await web.start();
    const board = await web.boardOf(web.tourId);
    tribal = [...column(board, 'todo').slice(0, COLUMN_PAGE), ...column(board, 'in_progress').slice(0, COLUMN_PAGE)].filter((c) => c.wing === 'adivasi');
    if (tribal.length < 2) throw new Error('the demo tour needs two open tribal-wing cards');
  }, 120_000);
  afterEach(() => web.expectCleanConsole());
  afterAll(() => web.close());

  it('lists the programme’s history latest first, as the API answers it, and pages older events', async () => {
    await web.open('incharge', programme());
    await web.page.waitForSelector('.column .card');
    await web.page.click('.panel-activity summary');
    await web.page.waitForSelector('.activity-item');
    const latest = await latestPositions(2 * PAGE);
    expect(await positionsShown()).toEqual(latest.slice(0, PAGE));
    const texts = await web.page.$$eval('.activity-item .activity-text', (els) => els.map((el) => el.textContent ?? ''));
    for (const text of texts) expect(text).not.toMatch(/[{}]|undefined/);
    await web.page.click('.activity-older');
    await web.page.waitForFunction((n) => document.querySelectorAll('.activity-item').length === n, 2 * PAGE);
    expect(await positionsShown()).toEqual(latest);
  });

  it('follows the board: a note added elsewhere comes to the top, worded', async () => {
    const card = tribal[0];
    if (!card) throw new Error('no card');
    const text = 'Generator booked for the Jagdalpur stage';
    await web.post(`/api/tasks/${card.id}/notes`, { text }, 'lead');
    const sentence = `${LEAD} noted on “${card.title}”: ${text}`;
    await web.page.waitForFunction((s) => document.querySelector('.activity-item .activity-text')?.textContent === s, sentence, { timeout: 5000 });
    expect(await positionsShown()).toEqual(await latestPositions(2 * PAGE));
    await web.page.locator('.panel-activity').screenshot({ path: join(SHOTS, 'activity-1366x900.png') });
  });

  it('lists a card’s notes, newest first, and adds one written on the card', async () => {
    const card = tribal[0];
    if (!card) throw new Error('no card');
    await web.card(card.id).locator('.card-notes summary').click();
    await web.card(card.id).locator('.note-item').first().waitFor();
    const expected = await notesOf(card.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(await notesShown(card.id)).toEqual(expected);

    const text = 'पानी के टैंकर तय — water tankers confirmed';
    await web.card(card.id).locator('.card-add-note summary').click();
    await web.card(card.id).locator('textarea[name="note"]').fill(text);
    await web.card(card.id).getByRole('button', { name: 'Save note' }).click();
    await web.page.waitForFunction(
      ({ id, note }) => document.querySelector(`.card[data-task-id="${id}"] .note-item .note-text`)?.textContent === note,
      { id: card.id, note: text },
      { timeout: 5000 },
    );
    expect(await notesShown(card.id)).toEqual(await notesOf(card.id));
  });

  it('says a card without notes has none', async () => {
    const board = await web.boardOf(web.tourId);
    const history = await web.historyOf(web.tourId);
    const quiet = column(board, 'todo')
      .slice(0, COLUMN_PAGE)
      .find((c) => !history.some((e) => (e.data as { taskId?: string }).taskId === c.id && (e.type === 'TaskNoteAdded' || (e.data as { note?: string }).note)));
    if (!quiet) throw new Error('the demo tour needs an open card without notes');
    await web.card(quiet.id).locator('.card-notes summary').click();
    await web.page.waitForFunction((id) => document.querySelector(`.card[data-task-id="${id}"] .note-list-state`)?.textContent === 'No notes yet.', quiet.id);
    expect(await web.card(quiet.id).locator('.note-item').count()).toBe(0);
  });

  it('words the activity and the notes in Hindi on a phone', async () => {
    const card = tribal[1];
    if (!card) throw new Error('no card');
    await web.page.setViewportSize(PHONE);
    const text = 'मंच की बिजली जाँची गई';
    await web.post(`/api/tasks/${card.id}/notes`, { text }, 'lead');
    await web.page.goto(`${web.url}/?lang=hi#${programme()}`);
    await web.page.waitForSelector('.column .card');
    await web.page.click('.panel-activity summary');
    const sentence = t('hi', 'act_TaskNoteAdded', { who: LEAD, task: card.title, text });
    await web.page.waitForFunction((s) => document.querySelector('.activity-item .activity-text')?.textContent === s, sentence, { timeout: 10_000 });
    expect(await positionsShown()).toEqual(await latestPositions(PAGE));
    expect(await web.page.textContent('.activity-older')).toBe(t('hi', 'showOlder', { n: PAGE }));
    await web.page.locator('.panel-activity').screenshot({ path: join(SHOTS, 'activity-hi-390x844.png') });
    await web.card(card.id).locator('.card-notes summary').click();
    await web.card(card.id).locator('.note-item').first().waitFor();
    expect(await notesShown(card.id)).toEqual(await notesOf(card.id));
    await web.card(card.id).screenshot({ path: join(SHOTS, 'card-notes-hi-390x844.png') });
    await web.page.setViewportSize(DESKTOP);
  });
});

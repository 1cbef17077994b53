import { join } from 'node:path';
import type { Card } from '@tayari/projections/boards/types';
import { HISTORY_PAGE } from '../../services/web/page/history/ProgrammeHistory';
import { t } from '../../services/web/page/i18n';
import { SEEK_PAGES } from '../../services/web/page/views/changes/CardNotes';
import { COLUMN_PAGE } from '../../services/web/page/views/Column';
import { BoardPage, column } from './BoardPage';
import { browserSuite, DESKTOP, PHONE, SHOTS } from './WebHarness';

/**
 * A programme's activity list and a card's notes (issue 14) in a real browser: the activity is the
 * API's history, latest first, in sentences of either language, read a page at a time newest first
 * (`order=desc`), followed live and paged back with "Show earlier"; a card's notes are its history's
 * notes, newest first.
 */
const suite = browserSuite('test/web/activity.e2e.test.ts');

const PAGE = HISTORY_PAGE;
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

  /** The history reads the page made since `from` (their query strings). */
  const historyReads: string[] = [];
  const readsSince = (from: number) => historyReads.slice(from).map((url) => new URL(url).searchParams);

  /** Opens a card's notes and asks for earlier ones while the card offers them. */
  async function openNotes(taskId: string): Promise<void> {
    const card = web.card(taskId);
    await card.locator('.card-notes summary').click();
    for (let asked = 0; asked < 50; asked++) {
      await card.locator('.note-list[aria-busy="false"]').waitFor({ state: 'attached', timeout: 10_000 });
      if (!(await card.locator('.note-earlier').isVisible())) return;
      await card.locator('.note-earlier').click();
    }
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
    web.page.on('request', (request) => {
      if (/\/api\/programmes\/[^/]+\/history/.test(request.url())) historyReads.push(request.url());
    });
    const board = await web.boardOf(web.tourId);
    tribal = [...column(board, 'todo').slice(0, COLUMN_PAGE), ...column(board, 'in_progress').slice(0, COLUMN_PAGE)].filter((c) => c.wing === 'adivasi');
    if (tribal.length < 2) throw new Error('the demo tour needs two open tribal-wing cards');
  }, 120_000);
  afterEach(() => web.expectCleanConsole());
  afterAll(() => web.close());

  it('lists the programme’s history latest first, reading its newest page only, and reads earlier pages when asked', async () => {
    const all = await web.historyOf(web.tourId);
    expect(all.length).toBeGreaterThan(2 * PAGE);
    await web.open('incharge', programme());
    await web.page.waitForSelector('.column .card');
    const from = historyReads.length;
    await web.page.click('.panel-activity summary');
    await web.page.waitForSelector('.activity-item');
    const latest = await latestPositions(3 * PAGE);
    expect(await positionsShown()).toEqual(latest.slice(0, PAGE));
    // One read, newest first, however long the history.
    expect(readsSince(from).map((q) => [q.get('order'), q.get('limit'), q.get('after'), q.get('before')])).toEqual([['desc', String(PAGE), null, null]]);
    const texts = await web.page.$$eval('.activity-item .activity-text', (els) => els.map((el) => el.textContent ?? ''));
    for (const text of texts) expect(text).not.toMatch(/[{}]|undefined/);
    expect(await web.page.textContent('.activity-earlier')).toBe('Show earlier');
    await web.page.click('.activity-earlier');
    await web.page.waitForFunction((n) => document.querySelectorAll('.activity-item').length === n, 2 * PAGE);
    expect(await positionsShown()).toEqual(latest.slice(0, 2 * PAGE));
    const earlier = readsSince(from + 1);
    expect(earlier.map((q) => [q.get('order'), q.get('before')])).toEqual([['desc', latest[PAGE - 1]]]);
  });

  it('follows the board: a note added elsewhere comes to the top, worded', async () => {
    const card = tribal[0];
    if (!card) throw new Error('no card');
    const text = 'Generator booked for the Jagdalpur stage';
    const from = historyReads.length;
    await web.post(`/api/tasks/${card.id}/notes`, { text }, 'lead');
    const sentence = `${LEAD} noted on “${card.title}”: ${text}`;
    await web.page.waitForFunction((s) => document.querySelector('.activity-item .activity-text')?.textContent === s, sentence, { timeout: 5000 });
    expect(await positionsShown()).toEqual(await latestPositions(2 * PAGE));
    // Only what came after the newest event held was read.
    const since = readsSince(from);
    expect(since.length).toBeGreaterThan(0);
    for (const q of since) expect([q.get('order'), q.get('after') !== null]).toEqual([null, true]);
    await web.page.locator('.panel-activity').screenshot({ path: join(SHOTS, 'activity-1366x900.png') });
  });

  it('lists a card’s notes, newest first, and adds one written on the card', async () => {
    const card = tribal[0];
    if (!card) throw new Error('no card');
    await openNotes(card.id);
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
    expect(await web.page.textContent('.activity-earlier')).toBe(t('hi', 'showEarlier'));
    await web.page.locator('.panel-activity').screenshot({ path: join(SHOTS, 'activity-hi-390x844.png') });
    await openNotes(card.id);
    expect(await notesShown(card.id)).toEqual(await notesOf(card.id));
    await web.card(card.id).screenshot({ path: join(SHOTS, 'card-notes-hi-390x844.png') });
    await web.page.setViewportSize(DESKTOP);
  });

  it('reads older pages for the notes a card counts, a few at most, and the rest when asked', async () => {
    const board = await web.boardOf(web.tourId);
    const [quiet, busy] = column(board, 'todo')
      .slice(0, COLUMN_PAGE)
      .filter((c) => c.notes === 0);
    if (!quiet || !busy) throw new Error('the demo tour needs two open cards without notes');
    const early = 'Permission letter filed with the collector';
    await web.post(`/api/tasks/${quiet.id}/notes`, { text: early }, 'incharge');
    // More events since than the card's first look reads on its own.
    const calls = Array.from({ length: (SEEK_PAGES + 1) * PAGE + 5 }, (_, i) => ({
      method: 'POST',
      path: `/api/tasks/${busy.id}/notes`,
      body: { text: `call ${i}` },
      idempotencyKey: `call-${i}`,
    }));
    for (let at = 0; at < calls.length; at += 200) await web.post('/api/commands/batch', { commands: calls.slice(at, at + 200) });
    await web.open('incharge', programme());
    await web.page.waitForSelector(`.card[data-task-id="${quiet.id}"]`);
    const from = historyReads.length;
    const notes = web.card(quiet.id).locator('.card-notes');
    await notes.locator('summary').click();
    await notes.locator('.note-earlier').waitFor({ state: 'visible', timeout: 10_000 });
    expect(readsSince(from).map((q) => q.get('order'))).toEqual(Array.from({ length: SEEK_PAGES + 1 }, () => 'desc'));
    expect(await notes.locator('.note-item').count()).toBe(0);
    expect(await notes.locator('.note-list-state').isVisible()).toBe(false);
    await notes.locator('.note-earlier').click();
    await notes.locator('.note-item').first().waitFor({ timeout: 10_000 });
    expect(await notesShown(quiet.id)).toEqual(await notesOf(quiet.id));
    expect((await notesShown(quiet.id)).map((note) => note.text)).toEqual([early]);
    expect(await notes.locator('.note-earlier').isHidden()).toBe(true);
  });
});

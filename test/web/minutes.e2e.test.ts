import { join } from 'node:path';
import type { ProgrammeBoardPayload } from '@tayari/projections/boards/types';
import { browserSuite, DESKTOP, PHONE, SHOTS, WebHarness } from './WebHarness';

/**
 * Recording a meeting's minutes from its page (SPEC v2 "meeting follow-ups"), on a phone: decisions
 * are lines, each may go to a wing (with someone from the directory or by name, and a due time), and
 * each decision given to a wing becomes that wing's task on the meeting's board, live.
 */
const suite = browserSuite('test/web/minutes.e2e.test.ts');

/** The IST calendar day `days` from now, as `YYYY-MM-DD`, and an instant on it. */
const istDay = (days: number) => new Date(Date.now() + 330 * 60_000 + days * 86_400_000).toISOString().slice(0, 10);
const ist = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+05:30`).toISOString();

suite('minutes that lead to work, from the meeting’s page', () => {
  const web = new WebHarness();
  const day = istDay(6);
  const meetingTitle = 'ज़िला प्रभारियों की बैठक — district in-charges’ meeting';
  const meena = 'Meena Sahu (मीना साहू)';
  let meeting: string;
  let person: string;
  const eventsOf = async (type: string) => (await web.historyOf(meeting)).filter((e) => e.type === type);

  beforeAll(async () => {
    await web.start();
    const body = { title: meetingTitle, venue: 'Rajiv Bhawan, Raipur', startsAt: ist(day, '11:00'), chairs: ['State in-charge'] };
    meeting = (await web.post('/api/meetings', body)).id;
    person = (await web.post('/api/people', { name: meena, role: 'organiser', wing: 'youth' })).id;
    await web.page.setViewportSize(PHONE);
  }, 120_000);
  afterEach(() => expect(web.watch.take()).toEqual([]));
  afterAll(() => web.close());

  it('at 390 px: gives decisions to wings (the API’s message at the row), lands one MinutesRecorded, and the wings’ tasks appear live', async () => {
    web.watch.expect(/status of 400/);
    await web.open('incharge', `/programme/${meeting}`);
    await web.page.waitForSelector('.panel-meeting-changes');
    const form = web.page.locator('.form-record-minutes');
    await form.locator('summary').click();
    await form
      .locator('textarea[name="decisions"]')
      .fill('Booth committees in every block by Friday\n\nसदस्यता अभियान सोमवार से — membership drive from Monday\nThank the district presidents\n');
    const row = (i: number) => form.locator(`.decision-row[data-decision="${i}"]`);
    expect(await form.locator('.decision-row').count()).toBe(3);
    expect(await row(1).locator('.decision-text').textContent()).toBe('सदस्यता अभियान सोमवार से — membership drive from Monday');
    // For whom and by when only once the decision goes to a wing (the API refuses them alone).
    expect(await row(0).locator('input[name="decision-assignee"]').isHidden()).toBe(true);
    await row(0).locator('select[name="decision-wing"]').selectOption('youth');
    expect(await row(0).locator('.field-decision-due label').textContent()).toBe('Due by (IST, optional)');
    await form.locator(`datalist option[value="${meena}"]`).waitFor({ state: 'attached' });
    await row(0).locator('input[name="decision-assignee"]').fill(meena);
    await row(0).locator('input[name="decision-due"]').fill(`${day}T18:00`);
    await row(1).locator('select[name="decision-wing"]').selectOption('media');
    // Too long for the API (the box stops typing at 120; a value set by script is not stopped): its words, at that row.
    await row(1)
      .locator('input[name="decision-assignee"]')
      .evaluate((el) => ((el as HTMLInputElement).value = 'x'.repeat(121)));
    await form.getByRole('button', { name: 'Save' }).click();
    await row(1).locator('.field-decision-assignee .field-error:not(:empty)').waitFor();
    expect(await row(1).locator('.field-decision-assignee .field-error').textContent()).toMatch(/120/);
    expect(await row(0).locator('.field-error:not(:empty)').count()).toBe(0);
    expect(await eventsOf('MinutesRecorded')).toHaveLength(0);

    await row(1).locator('input[name="decision-assignee"]').fill('District media cell');
    await form.screenshot({ path: join(SHOTS, 'minutes-form-390.png') });
    await form.getByRole('button', { name: 'Save' }).click();
    await form.locator('.form-msg', { hasText: 'Minutes saved: 2 tasks for the wings.' }).waitFor();
    const recorded = await eventsOf('MinutesRecorded');
    expect(recorded.map((e) => e.data)).toMatchObject([
      {
        decisions: [
          {
            text: 'Booth committees in every block by Friday',
            wing: 'youth',
            assignee: { personId: person, name: meena },
            dueAt: ist(day, '18:00'),
            taskId: `${meeting}-m1-d1`,
          },
          { text: 'सदस्यता अभियान सोमवार से — membership drive from Monday', wing: 'media', assignee: 'District media cell', taskId: `${meeting}-m1-d2` },
          'Thank the district presidents',
        ],
      },
    ]);

    // The wings' tasks, on the page without a reload and on the board the API answers.
    await web.page.locator(`.column-todo .card[data-task-id="${meeting}-m1-d1"]`).waitFor({ timeout: 5000 });
    await web.page.locator(`.column-todo .card[data-task-id="${meeting}-m1-d2"]`).waitFor({ timeout: 5000 });
    const board = await web.api<ProgrammeBoardPayload>(`/api/boards/programme/${meeting}`);
    expect(board.cards[`${meeting}-m1-d1`]).toMatchObject({
      wing: 'youth',
      title: 'Booth committees in every block by Friday',
      status: 'todo',
      assignee: { personId: person, name: meena },
      dueAt: ist(day, '18:00'),
    });
    expect(board.cards[`${meeting}-m1-d2`]).toMatchObject({ wing: 'media', assignee: 'District media cell', status: 'todo' });
    expect(Object.keys(board.cards)).toHaveLength(2);

    // The form is empty again; the minutes say which decisions became tasks, and of which wing.
    expect(await form.locator('.decision-row').count()).toBe(0);
    await web.page.locator('.decisions .chip-follow-up').nth(1).waitFor();
    expect(await web.page.locator('.decisions .chip-follow-up').allTextContents()).toEqual([
      expect.stringMatching(/^task for /),
      expect.stringMatching(/^task for /),
    ]);
    expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await web.page.screenshot({ path: join(SHOTS, 'minutes-follow-ups-390x844.png'), fullPage: true });
  });

  it('refuses a decision for a wing the catalogue does not know, and records nothing', async () => {
    web.watch.expect(/status of 400/);
    await web.page.setViewportSize(DESKTOP);
    const form = web.page.locator('.form-record-minutes');
    await form.locator('textarea[name="decisions"]').fill('A wing that does not exist');
    const select = form.locator('.decision-row[data-decision="0"] select[name="decision-wing"]');
    // An old page offering a wing since removed from the catalogue.
    await select.evaluate((el) => el.append(new Option('Gone wing', 'gone-wing')));
    await select.selectOption('gone-wing');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.locator('.form-msg.msg-error').waitFor();
    // The API names the row's wing (`decisions.0.wing`): the message sits at that row's wing field.
    expect(await form.locator('.decision-row[data-decision="0"] .field-decision-wing .field-error').textContent()).toMatch(/gone-wing/);
    expect(await select.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.form-msg').textContent()).toBe('Please correct the marked fields.');
    expect(await eventsOf('MinutesRecorded')).toHaveLength(1);
  });
});

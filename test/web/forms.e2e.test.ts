import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ProgrammeBoardPayload } from '@tayari/projections/boards/types';
import { browserSuite, PHONE, DESKTOP, SHOTS, WebHarness } from './WebHarness';
import { nth } from '@tayari/shared/testing/nth';
import { MONTHS, WEEKDAYS } from '../../services/web/page/FixedZoneFormat';

/**
 * The forms for tasks and duties in a real browser: each lands as one event (read back from the
 * programme's history), the API's validation messages show at the field, times are read in the
 * programme's zone, and each person is offered only what their role may do.
 */
const suite = browserSuite('test/web/forms.e2e.test.ts');

/** A datetime-local value for the IST day after tomorrow at 18:30, and the instant it stands for. */
function dueInIst(): { local: string; instant: string } {
  const ist = new Date(Date.now() + 330 * 60_000 + 2 * 86_400_000);
  const day = ist.toISOString().slice(0, 10);
  return { local: `${day}T18:30`, instant: new Date(`${day}T18:30:00+05:30`).toISOString() };
}

suite('forms for tasks and duties in a real browser', () => {
  const web = new WebHarness();
  let tour: string;
  const posts: string[] = [];
  // Read once: the tests that set a due time and the one that reads it back must agree on the day.
  const due = dueInIst();

  const board = () => web.api<ProgrammeBoardPayload>(`/api/boards/programme/${tour}`);
  const eventsOf = async (type: string) => (await web.historyOf(tour)).filter((e) => e.type === type);
  const cardTitled = (p: Page, title: string) => p.locator('.column .card', { has: p.locator('.card-title', { hasText: title }) });

  beforeAll(async () => {
    await web.start();
    tour = await web.biggestTour();
    web.page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(new URL(request.url()).pathname);
    });
  }, 120_000);
  afterEach(() => expect(web.watch.take()).toEqual([]));
  afterAll(() => web.close());

  it('logs a task inline in the To do column: required fields first, the API’s message at the field, then one TaskLogged', async () => {
    web.watch.expect(/status of 400/);
    await web.open('incharge', `/programme/${tour}`);
    await web.page.waitForSelector('.column .card');
    const form = web.page.locator('.column-todo .form-log-task');
    await form.locator('summary').click();
    posts.length = 0;
    await form.getByRole('button', { name: 'Save' }).click();
    expect(await form.locator('.field-title .field-error').textContent()).toBe('Fill this in.');
    expect(await form.locator('.field-wing .field-error').textContent()).toBe('Fill this in.');
    expect(await form.locator('input[name="title"]').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(posts).toEqual([]);

    // Too long for the API (the box stops typing at 200; a pasted value set by script is not stopped): its words, at the field.
    await form.locator('input[name="title"]').evaluate((el) => ((el as HTMLInputElement).value = 'x'.repeat(201)));
    await form.locator('select[name="wing"]').selectOption('adivasi');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.locator('.field-title .field-error:not(:empty)').waitFor();
    expect(await form.locator('.field-title .field-error').textContent()).toMatch(/200/);
    expect(await form.locator('input[name="title"]').getAttribute('aria-invalid')).toBe('true');

    const title = 'बस्तर के गाँवों में पर्चे बाँटना — leaflets in Bastar villages';
    const stops = (await board()).programme;
    if (stops.kind !== 'tour') throw new Error('not a tour');
    await form.locator('input[name="title"]').fill(title);
    await form.locator('select[name="stopId"]').selectOption(nth(stops.stops, 0).id);
    await form.locator('input[name="assignee"]').fill('Meena Netam');
    expect(await form.locator('.field-dueAt label').textContent()).toBe('Due (date and time, IST)');
    await form.locator('input[name="dueAt"]').fill(due.local);
    await form.getByRole('button', { name: 'Save' }).click();
    await cardTitled(web.page, title).waitFor({ timeout: 3000 });
    expect(await form.locator('.form-msg').textContent()).toBe('Task added.');
    const logged = (await eventsOf('TaskLogged')).filter((e) => (e.data as { title?: string }).title === title);
    expect(logged).toHaveLength(1);
    expect(nth(logged, 0).data).toMatchObject({ wing: 'adivasi', stopId: nth(stops.stops, 0).id, assignee: 'Meena Netam', dueAt: due.instant });
  });

  it('assigns, moves the due time and cancels a task from its card, each one event', async () => {
    const title = 'बस्तर के गाँवों में पर्चे बाँटना — leaflets in Bastar villages';
    const card = cardTitled(web.page, title);
    const id = await card.getAttribute('data-task-id');
    await card.locator('.card-actions summary').click();
    await card.locator('input[name="new-assignee"]').fill('Sukhram Mandavi');
    await card.getByRole('button', { name: 'Assign' }).click();
    await web.page.waitForFunction(
      (taskId) => document.querySelector(`.card[data-task-id="${taskId}"] .card-assignee`)?.textContent === 'Assignee: Sukhram Mandavi',
      id,
    );
    expect((await eventsOf('TaskAssigned')).filter((e) => (e.data as { taskId?: string }).taskId === id).map((e) => e.data)).toMatchObject([
      { assignee: 'Sukhram Mandavi' },
    ]);

    const later = due;
    const moved = { local: later.local.replace('T18:30', 'T09:15'), instant: new Date(`${later.local.slice(0, 10)}T09:15:00+05:30`).toISOString() };
    // The due box opens on the card's current due time, in IST.
    expect(await card.locator('input[name="new-due"]').inputValue()).toBe(later.local);
    await card.locator('input[name="new-due"]').fill(moved.local);
    await card.locator('.task-due').getByRole('button', { name: 'Save' }).click();
    await card.locator('.task-due .form-msg', { hasText: 'Due time saved.' }).waitFor();
    expect((await eventsOf('TaskDueChanged')).filter((e) => (e.data as { taskId?: string }).taskId === id).map((e) => e.data)).toMatchObject([
      { dueAt: moved.instant },
    ]);

    await card.locator('input[name="cancel-reason"]').fill('दूसरी विंग कर रही है — another wing does it');
    await card.getByRole('button', { name: 'Cancel this task' }).click();
    await web.page.waitForSelector(`.card[data-task-id="${id}"]`, { state: 'detached', timeout: 3000 });
    expect((await eventsOf('TaskCancelled')).filter((e) => (e.data as { taskId?: string }).taskId === id)).toHaveLength(1);
  });

  it('gives a duty to a wing, gives it to another, and withdraws it (in-charge); offers no Acknowledge on a wing’s duty', async () => {
    const unacknowledged = Object.values((await board()).responsibilities).find((r) => !r.acknowledged && !r.cancelled);
    if (!unacknowledged) throw new Error('the demo tour needs an unacknowledged duty');
    expect(await web.page.locator(`.resp[data-responsibility-id="${unacknowledged.id}"]`).getByRole('button', { name: 'Acknowledge' }).isHidden()).toBe(true);

    const form = web.page.locator('.form-give-duty');
    await form.locator('summary').click();
    const duty = 'प्रेस नोट हिंदी और गोंडी में — press note in Hindi and Gondi';
    await form.locator('input[name="duty"]').fill(duty);
    await form.locator('select[name="wing"]').selectOption('media');
    await form.locator('input[name="lead"]').fill('Media cell head');
    await form.getByRole('button', { name: 'Save' }).click();
    const row = web.page.locator('.resp', { has: web.page.locator('.resp-duty', { hasText: duty }) });
    await row.waitFor({ timeout: 3000 });
    const id = await row.getAttribute('data-responsibility-id');
    expect((await eventsOf('ResponsibilityAssigned')).filter((e) => (e.data as { duty?: string }).duty === duty).map((e) => e.data)).toMatchObject([
      { wing: 'media', lead: 'Media cell head' },
    ]);

    await row.locator('.resp-actions summary').click();
    await row.locator('select[name="to-wing"]').selectOption('it-cell');
    await row.getByRole('button', { name: 'Give to this wing' }).click();
    await row.locator('.chip-wing', { hasText: 'IT' }).waitFor({ timeout: 3000 });
    expect(
      (await eventsOf('ResponsibilityReassigned')).filter((e) => (e.data as { responsibilityId?: string }).responsibilityId === id).map((e) => e.data),
    ).toMatchObject([{ wing: 'it-cell' }]);

    await row.locator('input[name="duty-cancel-reason"]').fill('not needed');
    await row.getByRole('button', { name: 'Withdraw this duty' }).click();
    await web.page.waitForFunction((rid) => document.querySelector(`.resp[data-responsibility-id="${rid}"]`)?.classList.contains('resp-cancelled'), id, {
      timeout: 3000,
    });
    expect((await eventsOf('ResponsibilityCancelled')).filter((e) => (e.data as { responsibilityId?: string }).responsibilityId === id)).toHaveLength(1);
    await web.page.screenshot({ path: join(SHOTS, 'programme-forms-1366x900.png') });
  });

  it('offers a wing lead only the own wing, no duty forms, and Acknowledge on the wing’s duty; in Hindi at phone width', async () => {
    await web.page.setViewportSize(PHONE);
    try {
      await web.open('lead', `/programme/${tour}`, 'hi');
      // The forms are made just after the first board is drawn: absent ones are judged after that.
      await web.page.waitForSelector('.view-programme[data-forms="made"]');
      expect(await web.page.locator('.form-give-duty').count()).toBe(0);
      expect(await web.page.locator('.resp-actions').count()).toBe(0);
      const form = web.page.locator('.column-todo .form-log-task');
      await form.locator('summary').click();
      expect(await form.locator('select[name="wing"] option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value))).toEqual(['adivasi']);
      await form.getByRole('button', { name: 'सहेजें' }).click();
      expect(await form.locator('.field-title .field-error').textContent()).toBe('यह भरना ज़रूरी है।');
      const title = 'दंतेवाड़ा में पानी के टैंकर — water tankers at Dantewada';
      await form.locator('input[name="title"]').fill(title);
      await form.getByRole('button', { name: 'सहेजें' }).click();
      await cardTitled(web.page, title).waitFor({ timeout: 3000 });
      const logged = (await eventsOf('TaskLogged')).filter((e) => (e.data as { title?: string }).title === title);
      expect(logged).toHaveLength(1);
      expect(nth(logged, 0).actor).toMatchObject({ role: 'wing-lead' });
      const duty = Object.values((await board()).responsibilities).find((r) => r.wing === 'adivasi' && !r.acknowledged && !r.cancelled);
      if (duty) expect(await web.page.locator(`.resp[data-responsibility-id="${duty.id}"] .resp-bottom button`).isVisible()).toBe(true);
      expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await form.scrollIntoViewIfNeeded();
      await web.page.screenshot({ path: join(SHOTS, 'programme-log-task-hi-390x844.png') });
    } finally {
      await web.page.setViewportSize(DESKTOP);
    }
  });

  it('offers an organiser only the due time, and an observer nothing', async () => {
    await web.open('organiser', `/programme/${tour}`);
    await web.page.waitForSelector('.view-programme[data-forms="made"] .column .card');
    expect(await web.page.locator('.form-log-task').count()).toBe(0);
    const actions = web.page.locator('.card .card-actions').first();
    expect(await actions.locator('summary').textContent()).toBe('Set due time');
    // The forms are made when the card's actions are first opened (a long board draws many cards).
    await actions.locator('summary').click();
    // Made on the details' toggle event, which comes in a task of its own after the click.
    await actions.locator('form').first().waitFor({ state: 'attached' });
    expect(await actions.locator('form').evaluateAll((els) => els.map((el) => el.className))).toEqual(['cmd-form task-due']);
    await web.open('observer', `/programme/${tour}`);
    await web.page.waitForSelector('.view-programme[data-forms="made"] .column .card');
    expect(await web.page.locator('.cmd-form, .form-box, .card-actions, .resp-actions').count()).toBe(0);
  });

  it('reads and shows times in the programme’s zone, labelled, on a browser set to UTC', async () => {
    const utc = await web.browserIn('UTC');
    try {
      // How many Intl date formats the page made before it was first on screen: none (it prints IST
      // itself; the browser's date data costs a slow phone 100–200 ms).
      await utc.page.addInitScript(() => {
        const made = { before: 0, shown: -1 };
        Object.assign(window, { intlMade: made });
        const Original = Intl.DateTimeFormat;
        Intl.DateTimeFormat = new Proxy(Original, {
          construct(target, args: [string?, Intl.DateTimeFormatOptions?]) {
            made.before += 1;
            return new target(...args);
          },
        });
        // Counted as the page marks itself on screen, not when an observer hears of it later.
        const mark = performance.mark.bind(performance);
        performance.mark = (name: string, options?: PerformanceMarkOptions) => {
          if (name === 'tayari:shown' && made.shown < 0) made.shown = made.before;
          return mark(name, options);
        };
      });
      await utc.page.goto(`${web.url}/?lang=en#token=${web.tokens.incharge}&route=${encodeURIComponent(`/programme/${tour}`)}`);
      await utc.page.waitForSelector('.column .card');
      await utc.page.waitForFunction(() => (window as unknown as { intlMade: { shown: number } }).intlMade.shown >= 0);
      expect(await utc.page.evaluate(() => (window as unknown as { intlMade: { shown: number } }).intlMade.shown)).toBe(0);
      expect(await utc.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
      // The tour's stops start at 11:00 IST: so it says, whatever the laptop's zone.
      expect(await utc.page.textContent('.view-head .when')).toMatch(/, 11:00 am – .* IST · /);
      const form = utc.page.locator('.column-todo .form-log-task');
      await form.locator('summary').click();
      expect(await form.locator('.field-dueAt label').textContent()).toBe('Due (date and time, IST)');
      const title = 'Lunch packets for volunteers — स्वयंसेवकों का भोजन';
      await form.locator('input[name="title"]').fill(title);
      await form.locator('select[name="wing"]').selectOption('seva-dal');
      await form.locator('input[name="dueAt"]').fill(due.local);
      await form.getByRole('button', { name: 'Save' }).click();
      await cardTitled(utc.page, title).waitFor({ timeout: 3000 });
      const logged = (await eventsOf('TaskLogged')).filter((e) => (e.data as { title?: string }).title === title);
      expect(logged.map((e) => e.data)).toMatchObject([{ dueAt: due.instant }]);
      const dueTime = cardTitled(utc.page, title).locator('.card-due time');
      expect(await dueTime.textContent()).toMatch(/6:30 pm IST$/);
      // What the page printed itself is what this browser's Intl prints.
      const intl = await utc.page.evaluate((at) => {
        const when = new Date(at);
        const year = (d: Date) => new Intl.DateTimeFormat('en-CA', { year: 'numeric', timeZone: 'Asia/Kolkata' }).format(d);
        const options: Intl.DateTimeFormatOptions = {
          weekday: 'short',
          day: 'numeric',
          month: 'short',
          hour: 'numeric',
          minute: '2-digit',
          timeZoneName: 'short',
        };
        return new Intl.DateTimeFormat('en-IN', {
          ...options,
          ...(year(when) === year(new Date()) ? {} : { year: 'numeric' }),
          timeZone: 'Asia/Kolkata',
        }).format(when);
      }, due.instant);
      expect(await dueTime.textContent()).toBe(intl);
      // The page's own month and weekday names are this browser's, in both languages.
      const names = await utc.page.evaluate(() =>
        (['en-IN', 'hi-IN'] as const).map((locale) => ({
          months: Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, m, 3))),
          weekdays: Array.from({ length: 7 }, (_, d) =>
            new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, 0, 4 + d)),
          ),
        })),
      );
      expect(names).toEqual([
        { months: MONTHS.en, weekdays: WEEKDAYS.en },
        { months: MONTHS.hi, weekdays: WEEKDAYS.hi },
      ]);
      expect(utc.watch.take()).toEqual([]);
    } finally {
      await utc.close();
    }
  });
});

import { join } from 'node:path';
import type { ProgrammeBoardPayload, ProgrammeListPayload } from '@tayari/projections/boards/types';
import { browserSuite, DESKTOP, PHONE, SHOTS, WebHarness } from './WebHarness';

/**
 * Planning from the page in a real browser (in-charges only): plan a tour, add, move and cancel its
 * stops, cancel it; schedule a meeting, move it, record its minutes, cancel it. Each lands as one
 * event; times typed are read in the programme's zone (IST); the API's messages show at the field.
 */
const suite = browserSuite('test/web/planning.e2e.test.ts');

/** The IST calendar day `days` from now, as `YYYY-MM-DD`. */
const istDay = (days: number) => new Date(Date.now() + 330 * 60_000 + days * 86_400_000).toISOString().slice(0, 10);
const ist = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+05:30`).toISOString();

suite('planning tours and meetings from the page', () => {
  const web = new WebHarness();
  const eventsOf = async (programme: string, type: string) => (await web.historyOf(programme)).filter((e) => e.type === type);
  const programmeOfPage = () => decodeURIComponent(new URL(web.page.url()).hash.replace(/^#\/programme\//, '').replace(/\?.*$/, ''));

  beforeAll(() => web.start(), 120_000);
  afterEach(() => expect(web.watch.take()).toEqual([]));
  afterAll(() => web.close());

  it('plans a tour, then adds a stop (the API’s window check at the field), moves it and cancels it, then cancels the tour', async () => {
    web.watch.expect(/status of 400/);
    await web.open('incharge', '/');
    await web.page.waitForSelector('.view-readiness .prog');
    const plan = web.page.locator('.form-plan-tour');
    await plan.locator('summary').click();
    await plan.locator('input[name="title"]').fill('सरगुजा संभाग दौरा — Surguja division visit');
    await plan.locator('input[name="leader"]').fill('State president (प्रदेश अध्यक्ष)');
    await plan.getByRole('button', { name: 'Save' }).click();
    await web.page.waitForFunction(() => location.hash.startsWith('#/programme/'));
    const tour = programmeOfPage();
    await web.page.waitForSelector('.panel-stops');
    expect(await web.page.textContent('h2.view-title')).toBe('सरगुजा संभाग दौरा — Surguja division visit');
    expect((await eventsOf(tour, 'TourPlanned')).map((e) => e.data)).toMatchObject([{ leader: 'State president (प्रदेश अध्यक्ष)' }]);

    const add = web.page.locator('.form-add-stop');
    await add.locator('summary').click();
    expect(await add.locator('.field-startsAt label').textContent()).toBe('Starts (IST)');
    const day = istDay(10);
    await add.locator('input[name="place"]').fill('Ambikapur (अंबिकापुर)');
    await add.locator('input[name="district"]').fill('Surguja');
    await add.locator('input[name="venue"]').fill('Gandhi stadium');
    await add.locator('input[name="startsAt"]').fill(`${day}T14:00`);
    await add.locator('input[name="endsAt"]').fill(`${day}T11:00`);
    await add.getByRole('button', { name: 'Save' }).click();
    await add.locator('.field-endsAt .field-error:not(:empty)').waitFor();
    expect(await add.locator('.field-endsAt .field-error').textContent()).toBe('must be after startsAt');
    await add.locator('input[name="endsAt"]').fill(`${day}T17:00`);
    await add.locator('select[name="hostWing"]').selectOption('kisan');
    await add.getByRole('button', { name: 'Save' }).click();
    await web.page.waitForSelector('.stop-row');
    const added = await eventsOf(tour, 'StopAdded');
    expect(added.map((e) => e.data)).toMatchObject([
      { place: 'Ambikapur (अंबिकापुर)', startsAt: ist(day, '14:00'), endsAt: ist(day, '17:00'), hostWing: 'kisan' },
    ]);

    const row = web.page.locator('.stop-row').first();
    await row.locator('.resp-actions > summary').click();
    expect(await row.locator('input[name="new-starts"]').inputValue()).toBe(`${day}T14:00`);
    await row.locator('input[name="new-starts"]').fill(`${day}T15:00`);
    await row.locator('input[name="new-ends"]').fill(`${day}T18:00`);
    await row.getByRole('button', { name: 'Change the time' }).click();
    await web.page.waitForFunction(() => document.querySelector('.stop-row .muted')?.textContent?.includes('3:00'), undefined, { timeout: 3000 });
    expect((await eventsOf(tour, 'StopRescheduled')).map((e) => e.data)).toMatchObject([{ startsAt: ist(day, '15:00'), endsAt: ist(day, '18:00') }]);

    const again = web.page.locator('.stop-row').first();
    await again.locator('.resp-actions > summary').click();
    await again.locator('input[name="stop-cancel-reason"]').fill('बारिश — rain');
    await again.getByRole('button', { name: 'Cancel this stop' }).click();
    await web.page.waitForSelector('.stop-row .badge-muted', { timeout: 3000 });
    expect(await eventsOf(tour, 'StopCancelled')).toHaveLength(1);

    const cancel = web.page.locator('.form-cancel-tour');
    await cancel.locator('summary').click();
    await cancel.locator('input[name="tour-cancel-reason"]').fill('postponed after the election dates');
    await cancel.getByRole('button', { name: 'Cancel the whole tour' }).click();
    await web.page.waitForSelector('.view-head .kind-line .badge-muted:not([hidden])', { timeout: 3000 });
    expect(await eventsOf(tour, 'TourCancelled')).toHaveLength(1);
    // Nothing more is offered on a cancelled tour.
    expect(await web.page.isHidden('.panel-stops')).toBe(true);
    expect(await web.page.isHidden('.form-log-task')).toBe(true);
  });

  it('schedules a meeting, moves it, records its minutes and cancels it', async () => {
    await web.go('#/');
    await web.page.waitForSelector('.view-readiness .prog');
    const form = web.page.locator('.form-schedule-meeting');
    await form.locator('summary').click();
    const day = istDay(5);
    await form.locator('input[name="title"]').fill('ज़िला अध्यक्षों की बैठक — district presidents’ meeting');
    await form.locator('input[name="venue"]').fill('Rajiv Bhawan, Raipur');
    await form.locator('input[name="startsAt"]').fill(`${day}T11:00`);
    await form.locator('textarea[name="chairs"]').fill('State in-charge\n\nState president  \n');
    await form.locator('textarea[name="agenda"]').fill('बूथ समितियाँ — booth committees\nसदस्यता — membership');
    await form.getByRole('button', { name: 'Save' }).click();
    await web.page.waitForFunction(() => location.hash.startsWith('#/programme/'));
    const meeting = programmeOfPage();
    await web.page.waitForSelector('.panel-meeting-changes');
    expect((await eventsOf(meeting, 'MeetingScheduled')).map((e) => e.data)).toMatchObject([
      {
        venue: 'Rajiv Bhawan, Raipur',
        startsAt: ist(day, '11:00'),
        chairs: ['State in-charge', 'State president'],
        agenda: ['बूथ समितियाँ — booth committees', 'सदस्यता — membership'],
      },
    ]);

    const move = web.page.locator('.form-reschedule-meeting');
    await move.locator('summary').click();
    expect(await move.locator('input[name="startsAt"]').inputValue()).toBe(`${day}T11:00`);
    await move.locator('input[name="startsAt"]').fill(`${day}T16:00`);
    await move.locator('input[name="endsAt"]').fill('');
    await move.locator('input[name="venue"]').fill('Circuit House, Raipur');
    await move.getByRole('button', { name: 'Change the time' }).click();
    await move.locator('.form-msg', { hasText: 'New time saved.' }).waitFor();
    expect((await eventsOf(meeting, 'MeetingRescheduled')).map((e) => e.data)).toMatchObject([{ startsAt: ist(day, '16:00'), venue: 'Circuit House, Raipur' }]);

    const minutes = web.page.locator('.form-record-minutes');
    await minutes.locator('summary').click();
    await minutes.locator('textarea[name="decisions"]').fill('हर बूथ पर समिति — a committee at every booth\nMembership drive from Monday');
    await minutes.locator('input[name="attendance"]').fill('42');
    await minutes.getByRole('button', { name: 'Save' }).click();
    await web.page.waitForSelector('.decisions li', { timeout: 3000 });
    expect((await eventsOf(meeting, 'MinutesRecorded')).map((e) => e.data)).toMatchObject([
      { decisions: ['हर बूथ पर समिति — a committee at every booth', 'Membership drive from Monday'], attendance: 42 },
    ]);

    const cancel = web.page.locator('.form-cancel-meeting');
    await cancel.locator('summary').click();
    await cancel.locator('input[name="meeting-cancel-reason"]').fill('merged with the review meeting');
    await cancel.getByRole('button', { name: 'Cancel the meeting' }).click();
    await web.page.waitForSelector('.view-head .kind-line .badge-muted:not([hidden])', { timeout: 3000 });
    expect(await eventsOf(meeting, 'MeetingCancelled')).toHaveLength(1);
    const board = await web.api<ProgrammeBoardPayload>(`/api/boards/programme/${meeting}`);
    expect(board.programme.status).toBe('cancelled');
  });

  it('offers planning to in-charges only; in Hindi at phone width', async () => {
    await web.open('lead', '/');
    await web.page.waitForSelector('.view-readiness .prog');
    expect(await web.page.locator('.plan-forms').count()).toBe(0);
    const tour = await web.biggestTour();
    await web.go(`#/programme/${tour}`);
    await web.page.waitForSelector('.column .card');
    expect(await web.page.locator('.panel-stops, .panel-meeting-changes').count()).toBe(0);
    await web.page.setViewportSize(PHONE);
    try {
      await web.open('incharge', '/', 'hi');
      await web.page.waitForSelector('.view-readiness .prog');
      await web.page.locator('.form-schedule-meeting summary').click();
      expect(await web.page.textContent('.form-schedule-meeting .field-startsAt label')).toMatch(/^शुरू \(/);
      expect(await web.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await web.page.screenshot({ path: join(SHOTS, 'readiness-plan-hi-390x844.png'), fullPage: true });
    } finally {
      await web.page.setViewportSize(DESKTOP);
    }
  });

  it('keeps ended and cancelled programmes in the archive, latest first, with their minutes', async () => {
    await web.open('observer', '/archive');
    await web.page.waitForSelector('.view-archive .prog');
    const list = await web.api<ProgrammeListPayload>(`/api/programmes?to=${encodeURIComponent(new Date().toISOString())}`);
    const past = list.programmes.filter((p) => p.phase === 'ended' || p.status === 'cancelled').reverse();
    expect(await web.page.$$eval('.view-archive .prog', (els) => els.map((el) => (el as HTMLElement).dataset.programmeId))).toEqual(past.map((p) => p.id));
    const ended = past.find((p) => p.kind === 'meeting' && p.phase === 'ended' && p.status !== 'cancelled');
    if (!ended) throw new Error('the demo needs a meeting that has ended');
    expect(await web.page.textContent(`.prog[data-programme-id="${ended.id}"] .countdown`)).toBe('ended');
    await web.page.click(`.prog[data-programme-id="${ended.id}"] .prog-title a`);
    await web.page.waitForSelector('.decisions li');
    expect(await web.page.textContent('.view-head .when')).toMatch(/ · ended$/);
    expect(await web.page.locator('.decisions li').count()).toBeGreaterThan(0);
    await web.page.screenshot({ path: join(SHOTS, 'archive-meeting-1366x900.png') });
  });
});

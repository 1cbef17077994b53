import { join } from 'node:path';
import { PeoplePage } from './PeoplePage';
import { browserSuite, PHONE, SHOTS } from './WebHarness';

/**
 * "People and access" in a real browser at phone width (SPEC v2): an in-charge adds a person, invites
 * them (the link shown, with Copy and a WhatsApp link), sees them sign in, and ends their access, after
 * which the person's open page signs out and says why; the directory's filters; a wing lead is offered
 * only their own wing's organisers, an observer no People screen.
 */
const suite = browserSuite('test/web/page.people.e2e.test.ts');

const REFUSED = (status: number) => new RegExp(`status of ${status}`);
const NAME = 'सुनीता वर्मा';

suite('people and access', () => {
  const web = new PeoplePage();

  beforeAll(async () => {
    await web.start();
    await web.page.setViewportSize(PHONE);
    await web.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.url });
  }, 120_000);
  afterEach(() => web.expectCleanConsole());
  afterAll(() => web.close());

  const row = (name: string) => web.page.locator('.person', { has: web.page.locator('.person-name', { hasText: name }) });

  it('lets an in-charge add a person, invite them, see them sign in, and end their access: their open page then signs out', async () => {
    await web.open('incharge', '/people');
    await web.page.waitForSelector('.view-people .person');
    await web.page.screenshot({ path: join(SHOTS, 'people-incharge-390x844.png') });
    await web.page.click('.form-add-person > summary');
    await web.page.fill('.add-person [name="name"]', NAME);
    await web.page.fill('.add-person [name="phone"]', '98765 43210');
    await web.page.selectOption('.add-person [name="role"]', 'organiser');
    await web.page.selectOption('.add-person [name="wing"]', 'adivasi');
    await web.page.click('.add-person button[type="submit"]');
    await row(NAME).waitFor();
    expect(await web.page.locator('.add-person .form-msg').textContent()).toBe(`${NAME} is added. Now invite them.`);
    expect(await row(NAME).locator('.chip-sign-in').textContent()).toBe('Not invited');
    expect(await row(NAME).locator('.person-phone').textContent()).toBe('+919876543210');

    await row(NAME).locator('button.invite').click();
    const link = row(NAME).locator('.invite-url');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/\/#invite=[^&]+$/);
    const share = await row(NAME).locator('.share-whatsapp').getAttribute('href');
    expect(share?.startsWith('https://wa.me/?text=')).toBe(true);
    expect(decodeURIComponent(share?.slice('https://wa.me/?text='.length) ?? '')).toContain(url);
    await row(NAME).locator('.copy-link').click();
    await web.page.waitForFunction(() => document.querySelector('.copied')?.textContent !== '');
    expect(await web.page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await web.page.waitForFunction((name) => {
      const person = Array.from(document.querySelectorAll('.person')).find((el) => el.querySelector('.person-name')?.textContent === name);
      return person?.querySelector('.chip-sign-in')?.textContent === 'Invited, not signed in yet';
    }, NAME);
    await row(NAME).scrollIntoViewIfNeeded();
    await web.page.screenshot({ path: join(SHOTS, 'people-invite-390x844.png') });

    // The person opens their link on their own phone.
    const person = await web.browserIn('Asia/Kolkata');
    try {
      await person.page.setViewportSize(PHONE);
      person.watch.expect(REFUSED(404));
      await person.page.goto(url.replace(/^https?:\/\/[^/]+/, web.url));
      await person.page.waitForSelector('.conn[data-state="live"]');
      expect(await person.page.locator('.who-name').textContent()).toContain(NAME);

      await web.page.reload();
      await row(NAME).locator('.chip-sign-in', { hasText: 'Signed in' }).waitFor();

      // Ending access asks first, with a reason.
      await row(NAME).locator('.form-revoke > summary').click();
      expect(await row(NAME).locator('.revoke-ask').textContent()).toContain(`End the access of ${NAME}?`);
      await row(NAME).locator('.revoke [name="reason"]').fill('left the district team');
      await row(NAME).locator('.revoke button[type="submit"]').click();
      await row(NAME).locator('.chip-sign-in', { hasText: 'Access ended' }).waitFor();
      expect(await row(NAME).locator('button.invite').count()).toBe(0);
      await web.page.screenshot({ path: join(SHOTS, 'people-revoked-390x844.png') });

      // The gateway checks open sockets (every second in these tests): the person's page closes (4401) and says why.
      const notice = person.page.locator('.view-gate .notice-error');
      await notice.waitFor({ timeout: 10_000 });
      expect(await notice.textContent()).toContain('Your access to Tayari has been ended.');
      expect(await person.page.evaluate(() => localStorage.getItem('tayari.token'))).toBeNull();
      await person.page.screenshot({ path: join(SHOTS, 'people-access-ended-390x844.png') });
      expect(person.watch.take()).toEqual([]);
    } finally {
      await person.close();
    }
  }, 60_000);

  it('narrows the directory by wing and by text', async () => {
    await web.addPerson({ name: 'Ravi Sahu', role: 'organiser', wing: 'youth', phone: '9811111111' });
    await web.addPerson({ name: 'Kamla Netam', role: 'wing-lead', wing: 'adivasi' });
    await web.page.reload();
    await row('Ravi Sahu').waitFor();
    const everyone = await web.page.locator('.person').count();
    await web.page.selectOption('#people-wing', 'adivasi');
    await web.page.waitForFunction(() => location.hash === '#/people?wing=adivasi');
    await row('Kamla Netam').waitFor();
    await web.page.waitForFunction((all) => document.querySelectorAll('.person').length < all, everyone);
    // Every one shown acts for the tribal wing.
    expect(new Set(await web.page.locator('.person-role').allTextContents())).toEqual(
      new Set(['Organiser · Tribal wing (Adivasi Congress)', 'Wing lead · Tribal wing (Adivasi Congress)']),
    );
    await web.page.fill('#people-q', 'kamla');
    await web.page.click('.people-filters button[type="submit"]');
    await web.page.waitForFunction(() => document.querySelectorAll('.person').length === 1);
    expect(await web.page.locator('.person-name').textContent()).toBe('Kamla Netam');
    // By phone digits too (in-charges only).
    await web.go('#/people?q=98111');
    await web.page.waitForFunction(
      () => document.querySelector('.person-name')?.textContent === 'Ravi Sahu' && document.querySelectorAll('.person').length === 1,
    );

    // In Hindi, as a state office would use it.
    await web.open('incharge', '/people?wing=adivasi', 'hi');
    await web.page.waitForSelector('.view-people .person');
    expect(await web.page.textContent('.view-people h2')).toBe('लोग और पहुँच');
    await web.page.screenshot({ path: join(SHOTS, 'people-hi-390x844.png'), fullPage: true });
  });

  it('offers a wing lead only their own wing’s organisers (no role changes), and an observer no People screen', async () => {
    await web.addPerson({ name: 'Budhram Kashyap', role: 'organiser', wing: 'adivasi' });
    await web.open('lead', '/people');
    await row('Budhram Kashyap').waitFor();
    const names = await web.page.locator('.person-name').allTextContents();
    expect(names).not.toContain('Ravi Sahu');
    expect(await row('Budhram Kashyap').locator('button.invite').count()).toBe(1);
    expect(await row('Kamla Netam').locator('button.invite').count()).toBe(0);
    expect(await web.page.locator('.form-change-role').count()).toBe(0);
    expect(await web.page.locator('#people-wing').count()).toBe(0);
    await web.page.click('.form-add-person > summary');
    expect(await web.page.locator('.add-person [name="role"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual([
      'organiser',
    ]);
    expect(await web.page.locator('.add-person [name="wing"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual([
      'adivasi',
    ]);
    await web.page.screenshot({ path: join(SHOTS, 'people-wing-lead-390x844.png'), fullPage: true });

    await web.open('observer', '/');
    expect(await web.page.locator('.nav-people').count()).toBe(0);
  });
});

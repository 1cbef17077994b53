import { join } from 'node:path';
import { PeoplePage } from './PeoplePage';
import { browserSuite, PHONE, SHOTS } from './WebHarness';

/**
 * Signing in with an invitation link in a real browser (SPEC v2 "people and access"): the link is
 * redeemed and leaves the address bar, the tokens are kept, a used link says so (and whom to ask) in
 * both languages, the token is renewed silently before it ends and after a role change (socket and
 * reads), and signing out revokes the refresh token on the server.
 */
const suite = browserSuite('test/web/page.signIn.e2e.test.ts');

/** Chromium logs a refused request as a console error; these tests cause some on purpose. */
const REFUSED = (status: number) => new RegExp(`status of ${status}`);

suite('signing in with an invitation link', () => {
  const web = new PeoplePage();
  let personId = '';
  let code = '';

  beforeAll(async () => {
    await web.start();
    await web.page.setViewportSize(PHONE);
    personId = await web.addPerson({ name: 'Meena Markam', role: 'organiser', wing: 'adivasi' });
    code = (await web.invite(personId)).code;
  }, 120_000);
  afterEach(() => web.expectCleanConsole());
  afterAll(() => web.close());

  it('redeems the link: the code leaves the address, the tokens are kept, the person lands signed in', async () => {
    // An organiser lands on "My tasks", which goes on to readiness where the server has no such board.
    web.watch.expect(REFUSED(404));
    await web.page.goto(`${web.url}/?lang=en#invite=${code}`);
    await web.page.waitForSelector('.conn[data-state="live"]');
    expect(web.page.url()).not.toContain('invite');
    expect(await web.page.locator('.who-name').textContent()).toContain('Meena Markam');
    const kept = await web.kept();
    expect(kept.token?.split('.')).toHaveLength(3);
    expect(kept.refresh?.refreshToken?.startsWith(`${personId}.`)).toBe(true);
    expect(Date.parse(kept.refresh?.expiresAt ?? '')).toBeGreaterThan(Date.now() + 11 * 3600_000);
    await web.page.screenshot({ path: join(SHOTS, 'signin-landed-390x844.png') });
  });

  it('says a forwarded link was already used, and whom to ask, in English and in Hindi', async () => {
    const other = await web.browserIn('Asia/Kolkata');
    try {
      await other.page.setViewportSize(PHONE);
      other.watch.expect(REFUSED(410));
      await other.page.goto(`${web.url}/?lang=en#invite=${code}`);
      const notice = other.page.locator('.view-gate .notice-error');
      await notice.waitFor();
      expect(other.page.url()).not.toContain('invite');
      expect(await notice.textContent()).toContain('This sign-in link was already used.');
      expect(await notice.textContent()).toContain('Ask State in-charge (प्रभारी) for a new link.');
      // Said in the other language too: a forwarded link may reach someone who reads only that one.
      expect(await notice.locator('.gate-other[lang="hi"]').textContent()).toContain('यह लिंक पहले ही इस्तेमाल हो चुका है।');
      await other.page.click('.lang-switch');
      await other.page.waitForFunction(() => document.documentElement.lang === 'hi');
      expect(await notice.textContent()).toContain('यह लिंक पहले ही इस्तेमाल हो चुका है।');
      expect(await notice.textContent()).toContain('State in-charge (प्रभारी) से नया लिंक माँगें।');
      await other.page.screenshot({ path: join(SHOTS, 'signin-used-link-hi-390x844.png') });
      expect(await other.page.evaluate(() => localStorage.getItem('tayari.token'))).toBeNull();
      expect(other.watch.take()).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('carries on when the same person opens their own used link again on this device', async () => {
    web.watch.expect(REFUSED(410), REFUSED(404));
    const before = await web.kept();
    await web.page.goto(`${web.url}/?lang=en#invite=${code}`);
    await web.page.waitForSelector('.conn[data-state="live"]');
    expect(await web.page.locator('.who-name').textContent()).toContain('Meena Markam');
    expect((await web.kept()).token).toBe(before.token);
  });

  it('renews the token silently before it ends, without starting the page over', async () => {
    const before = await web.kept();
    await web.page.evaluate(() => {
      const kept = JSON.parse(localStorage.getItem('tayari.refresh') ?? '{}') as { expiresAt?: string };
      kept.expiresAt = new Date(Date.now() + 2000).toISOString();
      localStorage.setItem('tayari.refresh', JSON.stringify(kept));
    });
    await web.page.reload();
    await web.page.waitForSelector('.conn[data-state="live"]');
    await web.page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    await web.page.waitForFunction((old) => localStorage.getItem('tayari.token') !== old, before.token, { timeout: 15_000 });
    const after = await web.kept();
    expect(after.refresh?.refreshToken).not.toBe(before.refresh?.refreshToken);
    expect(Date.parse(after.refresh?.expiresAt ?? '')).toBeGreaterThan(Date.now() + 11 * 3600_000);
    expect(await web.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  });

  it('after a role change, renews the token when the socket closes with 4401 token-stale, and shows the new role', async () => {
    const before = await web.kept();
    await web.command(`/api/people/${personId}/role`, { role: 'wing-lead', wing: 'adivasi' });
    // The gateway checks open sockets every 15 s; the page renews and starts over as a wing lead.
    await web.page.waitForFunction(() => document.querySelector('.who-name')?.textContent?.includes('Wing lead'), null, { timeout: 25_000 });
    await web.page.waitForSelector('.conn[data-state="live"]');
    const after = await web.kept();
    expect(after.token).not.toBe(before.token);
    expect(await web.page.locator('.view-gate').count()).toBe(0);
    expect(await web.page.locator('.nav-people').isVisible()).toBe(true);
  }, 40_000);

  it('after a role change, renews the token when a read answers 401 token-stale, and reads again', async () => {
    web.watch.expect(REFUSED(401));
    const before = await web.kept();
    await web.command(`/api/people/${personId}/role`, { role: 'organiser', wing: 'adivasi' });
    await web.go('#/wing/adivasi');
    await web.page.waitForFunction(() => document.querySelector('.who-name')?.textContent?.includes('Organiser'), null, { timeout: 10_000 });
    await web.page.waitForSelector('.wing-programme');
    expect((await web.kept()).token).not.toBe(before.token);
    expect(await web.page.locator('.nav-people').count()).toBe(0);
    await web.page.screenshot({ path: join(SHOTS, 'signin-renewed-role-390x844.png') });
  });

  it('signs out after asking, revokes the refresh token on the server, and shows the sign-in page', async () => {
    const before = await web.kept();
    expect(await web.page.textContent('.sign-out')).toBe('Sign out');
    await web.page.click('.sign-out');
    expect(await web.page.textContent('.sign-out-ask p')).toBe('Sign out on this device? To come back you will need a new link.');
    await web.page.click('.sign-out-yes');
    const notice = web.page.locator('.view-gate .notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('You are signed out on this device.');
    expect(await web.kept()).toEqual({ token: null, refresh: null });
    const refused = await web.auth('refresh', { refreshToken: before.refresh?.refreshToken });
    expect(refused.status).toBe(401);
    await web.page.screenshot({ path: join(SHOTS, 'signin-signed-out-390x844.png') });
  });
});

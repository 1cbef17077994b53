import { join } from 'node:path';
import type { Route } from 'playwright-core';
import type { DriveBoardPayload } from '@tayari/projections/boards/driveBoard';
import type { UnitNode } from '@tayari/projections/boards/types';
import { hi } from '../../services/web/page/messagesHi';
import { browserSuite, PHONE, SHOTS, WebHarness } from './WebHarness';

/**
 * The enrolment drive on the page (SPEC v2, issue 15), at phone width in Hindi: the districts ranked
 * as the API ranks them, reached from the nav; enrolling from the form (checked at the field, a
 * phone enrolled already said at the phone field); an enrolment made offline kept and sent through
 * the batch endpoint when back; the board moving live.
 */
const suite = browserSuite('test/web/drive.e2e.test.ts');

const OFFLINE_NOISE = [/WebSocket connection to .* failed/, /Failed to load resource: net::ERR_(INTERNET_DISCONNECTED|FAILED)$/];
const DRIVE = 'shakti-web';
const DAY = 24 * 60 * 60 * 1000;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));

suite('the enrolment drive page', () => {
  const web = new WebHarness();
  let phones = 0;
  const nextPhone = () => `98200${String(++phones).padStart(5, '0')}`;
  const enrol = (unit: string) => web.post(`/api/drives/${DRIVE}/enrolments`, { unit, name: `कार्यकर्ता ${phones}`, phone: nextPhone(), consent: true });
  const board = async () => {
    await web.tayari.reads.waitFor((await web.tayari.store.headPosition()) ?? '0', 5000);
    return web.api<DriveBoardPayload>(`/api/drives/${DRIVE}/board`);
  };
  const field = (name: string) => web.page.locator(`.enrol-form .field-${name} .field-error`);
  const message = () => web.page.locator('.enrol-form .form-msg');
  async function fillForm(name: string, phone: string, unit: string, consent = true): Promise<void> {
    await web.page.fill('.enrol-form [name="name"]', name);
    await web.page.fill('.enrol-form [name="phone"]', phone);
    await web.page.selectOption('.enrol-form [name="unit"]', unit);
    await web.page.setChecked('.enrol-form [name="consent"]', consent);
    await web.page.click('.enrol-form button[type="submit"]');
  }
  const totalShown = (total: number, target: number) =>
    web.page.locator('.drive-total-text', { hasText: fill(hi.driveTotal, { total, target }) }).waitFor({ timeout: 10_000 });

  beforeAll(async () => {
    await web.start();
    await web.page.setViewportSize(PHONE);
    const now = Date.now();
    await web.post('/api/drives', {
      id: DRIVE,
      title: 'शक्ति सदस्यता अभियान',
      startsAt: new Date(now - DAY).toISOString(),
      endsAt: new Date(now + 30 * DAY).toISOString(),
      targets: { 'cg-bastar': 4, 'cg-raipur': 10, 'cg-durg': 5, 'cg-kanker': 2 },
    });
    for (const unit of ['cg-bastar', 'cg-bastar', 'cg-bastar', 'cg-bastar', 'cg-raipur', 'cg-raipur', 'cg-raipur', 'cg-durg', 'cg-kanker']) await enrol(unit);
  }, 120_000);
  afterEach(() => expect(web.watch.take()).toEqual([]));
  afterAll(() => web.close());

  it('ranks the districts as the API does, with Hindi names, count against target, bar and met marking; reached from the nav', async () => {
    await web.open('incharge', '/', 'hi');
    await web.page.click('.nav-drive');
    await web.page.click(`.drive-item[data-drive-id="${DRIVE}"] .drive-link`);
    await web.page.waitForFunction(() => location.hash === '#/drive/shakti-web');
    const { units } = await web.api<{ units: UnitNode[] }>('/api/units');
    const hindi = new Map<string, string>();
    const walk = (nodes: UnitNode[]) => {
      for (const node of nodes) {
        hindi.set(node.code, node.name.hi);
        walk(node.children);
      }
    };
    walk(units);
    await web.page.waitForFunction(() => document.querySelector('.drive-unit .drive-unit-name')?.textContent === 'बस्तर');
    const api = await board();
    const expected = Object.entries(api.byUnit)
      .sort(([, a], [, b]) => a.rank - b.rank)
      .map(([code, u]) => ({
        code,
        rank: String(u.rank),
        name: hindi.get(code),
        count: `${u.enrolled}/${u.target}`,
        pct: `${u.percent}%`,
        state: u.enrolled >= u.target ? 'met' : 'open',
      }));
    const shown = await web.page.$$eval('.drive-unit', (rows) =>
      rows.map((row) => ({
        code: row.getAttribute('data-unit'),
        rank: row.querySelector('.drive-rank')?.textContent,
        name: row.querySelector('.drive-unit-name')?.textContent,
        count: row.querySelector('.drive-unit-count')?.textContent,
        pct: row.querySelector('.drive-unit-pct')?.textContent,
        state: row.getAttribute('data-state'),
      })),
    );
    expect(shown).toEqual(expected);
    expect(expected.map((u) => u.code)).toEqual(['cg-bastar', 'cg-kanker', 'cg-raipur', 'cg-durg']);
    expect(await web.page.locator('.drive-unit[data-unit="cg-bastar"] .drive-mark').textContent()).toBe(`✓ ${hi.driveMet}`);
    await totalShown(api.total, api.target);
    expect(await web.page.locator('.drive-total-pct').textContent()).toBe(`${api.percent}%`);
    expect(await web.page.locator('.drive-enroller').count()).toBe(api.byEnroller.length);
    expect(await web.page.locator('.drive-day-count').allTextContents()).toEqual(api.perDay.map((d) => String(d.enrolled)));
    await web.page.screenshot({ path: join(SHOTS, 'drive-ranking-hi-390.png'), fullPage: true });
  });

  it('checks the form at the field, enrols, and says at the phone field when the phone is enrolled already', async () => {
    web.watch.expect(/status of 409/);
    await web.open('organiser', `/drive/${DRIVE}`, 'hi');
    await web.page.waitForSelector('.enrol-form');
    const before = await board();
    await web.page.click('.enrol-form button[type="submit"]');
    expect(await field('name').textContent()).toBe(hi.required);
    expect(await field('phone').textContent()).toBe(hi.required);
    expect(await field('unit').textContent()).toBe(hi.required);
    expect(await field('consent').textContent()).toBe(hi.enrolConsentNeeded);
    await fillForm('रमेश कुंजाम', '12345', 'cg-raipur', false);
    expect(await field('phone').textContent()).toBe(hi.enrolPhoneBad);
    expect(await field('consent').textContent()).toBe(hi.enrolConsentNeeded);
    expect((await board()).total).toBe(before.total);

    await fillForm('रमेश कुंजाम', '98765 43210', 'cg-raipur');
    await message()
      .filter({ hasText: fill(hi.enrolled, { name: 'रमेश कुंजाम' }) })
      .waitFor();
    await totalShown(before.total + 1, before.target);
    const after = await board();
    expect(after.byUnit['cg-raipur']?.enrolled).toBe((before.byUnit['cg-raipur']?.enrolled ?? 0) + 1);
    expect(after.byEnroller.find((e) => e.sub === 'demo-adivasi-organiser')?.enrolled).toBe(1);

    await fillForm('रमेश कुंजाम दूसरा', '+919876543210', 'cg-raipur');
    await field('phone').filter({ hasText: hi.enrolDuplicate }).waitFor();
    expect(await message().textContent()).toBe(hi.enrolDuplicate);
    expect(await message().getAttribute('role')).toBe('alert');
    expect((await board()).total).toBe(before.total + 1);
    await web.page.screenshot({ path: join(SHOTS, 'drive-enrol-duplicate-hi-390.png'), fullPage: true });
  });

  it('opens offline (the drive list too), keeps an enrolment made offline and sends it through the batch endpoint when back; a duplicate among them is named', async () => {
    web.watch.expect(...OFFLINE_NOISE);
    await web.open('lead', `/drive/${DRIVE}`, 'hi');
    await web.page.waitForSelector('.enrol-form');
    // The service worker serves the page, the drive's board (as the page last kept it) and the units offline.
    await web.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 });
    await web.page.reload();
    await web.page.waitForSelector('.enrol-form [name="unit"] option[value="cg-durg"]', { state: 'attached' });
    const kept = (path: string) =>
      web.page.evaluate(async (wanted) => {
        const cache = await caches.open('tayari-boards-v1');
        return (await cache.keys()).some((r) => new URL(r.url).pathname === wanted);
      }, path);
    const keptBoth = async () => (await kept(`/api/drives/${DRIVE}/board`)) && (await kept('/api/drives'));
    // The list of drives, read once online, is kept by the worker for opening `#/drive` offline.
    await web.page.evaluate(() => {
      location.hash = '#/drive';
    });
    await web.page.waitForSelector(`.drive-item[data-drive-id="${DRIVE}"]`);
    await web.page.evaluate((id) => {
      location.hash = `#/drive/${id}`;
    }, DRIVE);
    await web.page.waitForSelector('.enrol-form [name="unit"] option[value="cg-durg"]', { state: 'attached' });
    for (let tries = 0; !(await keptBoth()) && tries < 50; tries++) await web.page.waitForTimeout(100);
    const before = await board();
    const dead = (route: Route) => route.abort('internetdisconnected');
    await web.context.route('**/api/**', dead);
    await web.context.setOffline(true);
    await web.page.waitForSelector('.conn[data-state="offline"]');
    await web.page.reload();
    await web.page.waitForSelector('.enrol-form [name="unit"] option[value="cg-durg"]', { state: 'attached', timeout: 10_000 });
    expect(await web.page.locator('.drive-unit-name').first().textContent()).toBe('बस्तर');
    await fillForm('सीता मरकाम', '9830011111', 'cg-durg');
    await message().filter({ hasText: hi.queued }).waitFor();
    await fillForm('दोबारा रमेश', '9876543210', 'cg-durg');
    await web.page.waitForSelector('.conn[data-waiting="2"]');
    await web.page.screenshot({ path: join(SHOTS, 'drive-enrol-offline-hi-390.png'), fullPage: true });
    expect((await board()).total).toBe(before.total);
    // `#/drive` opens offline on the list the worker kept, not on "could not load".
    await web.page.evaluate(() => {
      location.hash = '#/drive';
    });
    await web.page.waitForSelector(`.drive-item[data-drive-id="${DRIVE}"] .drive-link`);
    expect(await web.page.locator('.view-drives .notice').textContent()).toBe('');
    await web.page.evaluate((id) => {
      location.hash = `#/drive/${id}`;
    }, DRIVE);
    await web.page.waitForSelector('.drive-unit');

    await web.context.unroute('**/api/**', dead);
    await web.context.setOffline(false);
    await web.page.waitForSelector('.conn[data-state="live"]', { timeout: 10_000 });
    await web.page.waitForSelector('.conn[data-waiting="0"]', { timeout: 10_000 });
    await web.page.locator('.sync-summary', { hasText: fill(hi.sentReport, { saved: 1, other: 1 }) }).waitFor();
    expect(await web.page.locator('.sync-item').textContent()).toBe(`“दोबारा रमेश”: ${hi.enrolDuplicate}`);
    await totalShown(before.total + 1, before.target);
    const names = await web.api<{ enrolments: { name?: string; unit: string }[] }>(`/api/drives/${DRIVE}/enrolments`);
    expect(names.enrolments.filter((e) => e.name === 'सीता मरकाम')).toEqual([expect.objectContaining({ unit: 'cg-durg' })]);
  });

  it('moves the total and the ranking live when others enrol', async () => {
    await web.open('observer', `/drive/${DRIVE}`, 'hi');
    await web.page.waitForSelector('.drive-unit');
    expect(await web.page.locator('.enrol-form').count()).toBe(0);
    const before = await board();
    const missing = (before.byUnit['cg-durg']?.target ?? 0) - (before.byUnit['cg-durg']?.enrolled ?? 0);
    for (let i = 0; i < missing; i++) await enrol('cg-durg');
    await web.page.waitForSelector('.drive-unit[data-unit="cg-durg"][data-state="met"]', { timeout: 10_000 });
    await totalShown(before.total + missing, before.target);
    const after = await board();
    expect(await web.page.locator('.drive-unit[data-unit="cg-durg"] .drive-rank').textContent()).toBe(String(after.byUnit['cg-durg']?.rank));
  });
});

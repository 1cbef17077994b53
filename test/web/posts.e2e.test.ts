import { join } from 'node:path';
import type { PostsBoardPayload } from '@tayari/projections/boards/postsTypes';
import type { HistoryPayload } from '@tayari/projections/boards/types';
import { NOMINATION_STAGES } from '@tayari/shared/contract/nominationStages';
import { hi } from '../../services/web/page/messagesHi';
import { browserSuite, PHONE, SHOTS, WebHarness } from './WebHarness';

/**
 * Posts and nominations on the page (SPEC v2, issue 15), at phone width in Hindi: posts vacant first,
 * each with its nominations by stage as the API answers them; a wing lead recommends on its own wing's
 * post (and is offered nothing on another wing's), an in-charge proposes, approves and appoints, an
 * observer only reads; each press lands as an event, the board follows live, the history opens on demand.
 */
const suite = browserSuite('test/web/posts.e2e.test.ts');

const OWN = 'post-web-adivasi';
const OTHER = 'post-web-youth';

suite('the posts page', () => {
  const web = new WebHarness();
  const post = (id: string) => web.page.locator(`.post[data-post-id="${id}"]`);
  const inStage = (postId: string, stage: string, nominationId: string) =>
    post(postId).locator(`.stage[data-stage="${stage}"] .nomination[data-nomination-id="${nominationId}"]`);
  const history = async (id: string) => {
    await web.tayari.reads.waitFor((await web.tayari.store.headPosition()) ?? '0', 5000);
    return (await web.api<HistoryPayload>(`/api/posts/${id}/history?limit=200`)).events;
  };

  beforeAll(async () => {
    await web.start();
    await web.page.setViewportSize(PHONE);
    await web.post('/api/posts', {
      id: OWN,
      unit: 'cg-bastar',
      wing: 'adivasi',
      title: { en: 'Block president, Tribal wing, Jagdalpur', hi: 'ब्लॉक अध्यक्ष, आदिवासी कांग्रेस, जगदलपुर' },
    });
    await web.post(`/api/posts/${OWN}/nominations`, { id: 'nom-web-a', nominee: 'मंगलू बघेल', proposedBy: 'ज़िला अध्यक्ष' });
    await web.post(`/api/posts/${OWN}/nominations`, { id: 'nom-web-b', nominee: 'सोमारी नेताम', proposedBy: 'विधायक' });
    await web.post('/api/nominations/nom-web-b/recommend', {});
    await web.post('/api/posts', {
      id: OTHER,
      unit: 'cg-raipur',
      wing: 'youth',
      title: { en: 'City president, Youth, Raipur', hi: 'शहर अध्यक्ष, युवा कांग्रेस, रायपुर' },
    });
    await web.post(`/api/posts/${OTHER}/nominations`, { id: 'nom-web-c', nominee: 'अमित साहू', proposedBy: 'प्रदेश अध्यक्ष' });
  }, 120_000);
  afterEach(() => expect(web.watch.take()).toEqual([]));
  afterAll(() => web.close());

  it('shows the posts vacant first with their nominations by stage, as the API answers; a wing lead recommends on its own wing’s post', async () => {
    await web.open('lead', '/', 'hi');
    await web.page.click('.nav-posts');
    await post(OWN).waitFor();
    const api = await web.api<PostsBoardPayload>('/api/boards/posts');
    // Vacancies first, in the board's order.
    const ids = await web.page.locator('.post').evaluateAll((els) => els.map((el) => el.getAttribute('data-post-id')));
    const ordered = Object.values(api.posts).sort((a, b) => (a.order < b.order ? -1 : 1));
    expect(ids).toEqual(ordered.map((p) => p.id));
    const statuses = await web.page.locator('.post').evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
    expect(statuses.indexOf('filled')).toBeGreaterThan(statuses.lastIndexOf('vacant'));
    // Every post's nominations by stage, in stage order.
    for (const item of ordered) {
      const shown = await post(item.id)
        .locator('.stage')
        .evaluateAll((els) =>
          els.map((el) => ({ stage: el.getAttribute('data-stage'), names: Array.from(el.querySelectorAll('.nominee'), (n) => n.textContent).sort() })),
        );
      const expected = NOMINATION_STAGES.filter((stage) => item.nominations[stage] !== undefined).map((stage) => ({
        stage,
        names: Object.values(item.nominations[stage] ?? {})
          .map((n) => n.nominee)
          .sort(),
      }));
      expect([item.id, shown]).toEqual([item.id, expected]);
    }
    expect(await post(OWN).locator('.post-title').textContent()).toBe('ब्लॉक अध्यक्ष, आदिवासी कांग्रेस, जगदलपुर');
    expect(await post(OWN).locator('.post-status').textContent()).toBe(hi.postVacant);
    expect(await post(OWN).locator('.stage[data-stage="proposed"] h4').textContent()).toContain(hi.stage_proposed);

    // The lead recommends on its wing's post; approving is the in-charges'; another wing's post is read only.
    expect(await inStage(OWN, 'recommended', 'nom-web-b').locator('button').count()).toBe(0);
    expect(await post(OTHER).locator('button:not(.post-history-toggle)').count()).toBe(0);
    expect(await post(OTHER).locator('.form-propose').count()).toBe(0);
    expect(await post(OWN).locator('.form-propose').count()).toBe(1);
    await web.page.screenshot({ path: join(SHOTS, 'posts-lead-hi-390.png'), fullPage: true });
    await post(OWN).screenshot({ path: join(SHOTS, 'posts-lead-post-hi-390.png') });
    await inStage(OWN, 'proposed', 'nom-web-a').getByRole('button', { name: hi.recommend }).click();
    await inStage(OWN, 'recommended', 'nom-web-a').waitFor({ timeout: 10_000 });
    const recommended = (await history(OWN)).filter(
      (e) => e.type === 'NominationRecommended' && (e.data as { nominationId?: string }).nominationId === 'nom-web-a',
    );
    expect(recommended).toHaveLength(1);
    expect(recommended[0]?.actor).toMatchObject({ sub: 'demo-adivasi-lead' });
  });

  it('lets an in-charge propose, approve and appoint: the post fills, the others close, the history tells it', async () => {
    await web.open('incharge', '/posts', 'hi');
    await post(OWN).waitFor();
    await post(OWN).locator('.form-propose > summary').click();
    await post(OWN).locator('.propose [name="nominee"]').fill('बुधराम कोर्राम');
    await post(OWN).locator('.propose button[type="submit"]').click();
    await post(OWN).locator('.stage[data-stage="proposed"] .nominee', { hasText: 'बुधराम कोर्राम' }).waitFor({ timeout: 10_000 });
    expect(await post(OWN).locator('.stage[data-stage="proposed"] .nomination-by').textContent()).toBe(
      hi.proposedBy.replace('{name}', 'State in-charge (प्रभारी)'),
    );

    await inStage(OWN, 'recommended', 'nom-web-b').getByRole('button', { name: hi.approve }).click();
    await inStage(OWN, 'approved', 'nom-web-b').waitFor({ timeout: 10_000 });
    await inStage(OWN, 'approved', 'nom-web-b').getByRole('button', { name: hi.appoint }).click();
    await inStage(OWN, 'appointed', 'nom-web-b').waitFor({ timeout: 10_000 });
    expect(await post(OWN).locator('.post-status').textContent()).toBe(hi.postFilled.replace('{name}', 'सोमारी नेताम'));
    expect(await post(OWN).getAttribute('data-status')).toBe('filled');
    await inStage(OWN, 'closed', 'nom-web-a').waitFor();
    expect(await post(OWN).locator('.form-propose').isHidden()).toBe(true);
    expect(await post(OWN).locator('.form-vacate').isVisible()).toBe(true);

    const events = await history(OWN);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['NominationApproved', 'PostFilled', 'NominationClosed']));
    await post(OWN).locator('.post-history-toggle').click();
    await post(OWN).locator('.post-event').first().waitFor();
    expect(await post(OWN).locator('.post-event').count()).toBe(events.length);
    expect(await post(OWN).locator('.post-event[data-type="PostFilled"]').textContent()).toContain(`${hi.ev_PostFilled} · सोमारी नेताम`);
    await post(OWN).scrollIntoViewIfNeeded();
    await post(OWN).screenshot({ path: join(SHOTS, 'posts-incharge-history-hi-390.png') });
  });

  it('offers an observer nothing but the history, and follows others’ changes live', async () => {
    await web.open('observer', '/posts', 'hi');
    await post(OTHER).waitFor();
    expect(await web.page.locator('.post button:not(.post-history-toggle)').count()).toBe(0);
    expect(await web.page.locator('.post .form-box').count()).toBe(0);
    await web.post('/api/nominations/nom-web-c/recommend', {});
    await inStage(OTHER, 'recommended', 'nom-web-c').waitFor({ timeout: 10_000 });
  });
});

import { expectAnswer, expectProblem, startApi, type ApiHarness } from '../support/apiHarness';
import { postFixtures } from './postFixtures';

/** GET /api/boards/posts (SPEC v2): posts with their nominations by stage, vacancies first; filters; a post's history. */

let h: ApiHarness;
let f: ReturnType<typeof postFixtures>;
let position = '0';

interface Board {
  position: string;
  posts: Record<
    string,
    { id: string; status: string; order: string; holder?: { nominationId: string; nominee: string }; nominations: Record<string, Record<string, unknown>> }
  >;
}
const board = async (query = ''): Promise<Board> => {
  const res = await h.get(`/boards/posts?minPosition=${position}${query}`, h.tokens.observer);
  expect(res.status).toBe(200);
  return res.body as Board;
};
/** The posts' ids as the board orders them. */
const ordered = (b: Board) =>
  Object.values(b.posts)
    .sort((x, y) => (x.order < y.order ? -1 : 1))
    .map((post) => post.id);

beforeAll(async () => {
  h = await startApi({ idPrefix: 'pboard' });
  f = postFixtures(h);
  await f.post('raipur-city', 'cg-raipur', 'youth');
  await f.post('bastar-adivasi', 'cg-bastar', 'adivasi');
  await f.post('bastar-mahila', 'cg-bastar', 'mahila');
  const block = { code: 'cg-bastar-jagdalpur', name: { en: 'Jagdalpur block', hi: 'जगदलपुर ब्लॉक' }, kind: 'block', parent: 'cg-bastar' };
  expectAnswer(await h.post('/units', h.tokens.incharge, block), 201);
  await f.post('jagdalpur', 'cg-bastar-jagdalpur', null);
  // bastar-adivasi: filled; its rival closed.
  await f.approved('bastar-adivasi', 'kunjam');
  await f.propose('bastar-adivasi', 'netam');
  await f.appoint('bastar-adivasi', 'kunjam');
  // bastar-mahila: one proposed, one recommended, one declined.
  await f.propose('bastar-mahila', 'markam');
  await f.propose('bastar-mahila', 'kashyap');
  await f.recommend('kashyap');
  await f.propose('bastar-mahila', 'sori');
  position = (await f.decline('sori')).position;
});
afterAll(() => h.close());

test('vacancies first, then filled posts, each group in creation order; nominations grouped by stage', async () => {
  const b = await board();
  expect(ordered(b)).toEqual(['raipur-city', 'bastar-mahila', 'jagdalpur', 'bastar-adivasi']);
  expect(b.posts['bastar-adivasi']).toMatchObject({
    status: 'filled',
    holder: { nominationId: 'kunjam', nominee: 'Nominee kunjam' },
    unit: 'cg-bastar',
    wing: 'adivasi',
    version: 7,
  });
  const adivasi = b.posts['bastar-adivasi']?.nominations;
  expect(Object.keys(adivasi ?? {}).sort()).toEqual(['appointed', 'closed']);
  expect(adivasi?.closed?.netam).toMatchObject({ id: 'netam', nominee: 'Nominee netam', proposedBy: 'Block president' });
  const mahila = b.posts['bastar-mahila'];
  expect(mahila?.status).toBe('vacant');
  expect(mahila?.holder).toBeUndefined();
  expect(Object.keys(mahila?.nominations.proposed ?? {})).toEqual(['markam']);
  expect(Object.keys(mahila?.nominations.recommended ?? {})).toEqual(['kashyap']);
  expect(mahila?.nominations.declined?.sori).toMatchObject({ reason: 'not a member' });
  expect(b.posts['raipur-city']?.nominations).toEqual({});
});

test('a vacated post goes back among the vacancies', async () => {
  await f.post('kanker', 'cg-kanker', 'adivasi');
  await f.approved('kanker', 'dhruw');
  position = (await f.appoint('kanker', 'dhruw')).position;
  expect(ordered(await board()).at(-1)).toBe('kanker');
  position = expectAnswer(await h.post('/posts/kanker/vacate', h.tokens.incharge, { reason: 'resigned' }), 200).position;
  const b = await board();
  expect(ordered(b).indexOf('kanker')).toBeLessThan(ordered(b).indexOf('bastar-adivasi'));
  expect(b.posts.kanker).toMatchObject({ status: 'vacant' });
  expect(b.posts.kanker?.nominations.vacated?.dhruw).toMatchObject({ reason: 'resigned' });
});

test('filters: unit keeps that unit and the units under it, wing one wing, stage those stages (and the posts that have one)', async () => {
  expect(ordered(await board('&unit=cg-bastar'))).toEqual(['bastar-mahila', 'jagdalpur', 'bastar-adivasi']);
  expect(ordered(await board('&unit=cg-bastar-jagdalpur'))).toEqual(['jagdalpur']);
  expect(ordered(await board('&unit=cg'))).toEqual(ordered(await board()));
  expect(ordered(await board('&unit=cg-raipur'))).toEqual(['raipur-city']);
  expect(ordered(await board('&wing=mahila'))).toEqual(['bastar-mahila']);
  const staged = await board('&stage=recommended,appointed');
  expect(ordered(staged).sort()).toEqual(['bastar-adivasi', 'bastar-mahila']);
  expect(Object.keys(staged.posts['bastar-mahila']?.nominations ?? {})).toEqual(['recommended']);
  expect(Object.keys(staged.posts['bastar-adivasi']?.nominations ?? {})).toEqual(['appointed']);
  expect(ordered(await board('&unit=cg-bastar&wing=youth'))).toEqual([]);
});

test('a bad filter is 400 invalid-query; the programme and wing boards take no stage', async () => {
  expectProblem(await h.get('/boards/posts?stage=elected', h.tokens.observer), 400, 'invalid-query');
  expectProblem(await h.get('/boards/posts?status=todo', h.tokens.observer), 400, 'invalid-query');
  expectProblem(await h.get('/boards/posts?unit=Not_A_Code', h.tokens.observer), 400, 'invalid-query');
  expectProblem(await h.get('/boards/wing/adivasi?stage=proposed', h.tokens.observer), 400, 'invalid-query');
});

test("a post's history shows every change, its nominations' too, by position; an unknown post is 404", async () => {
  const res = await h.get(`/posts/bastar-mahila/history?minPosition=${position}`, h.tokens.observer);
  expect(res.status).toBe(200);
  const events = (res.body as { events: { type: string; actor: { name: string }; data: { nominationId?: string } }[] }).events;
  expect(events.map((e) => [e.type, e.data.nominationId])).toEqual([
    ['PostCreated', undefined],
    ['NomineeProposed', 'markam'],
    ['NomineeProposed', 'kashyap'],
    ['NominationRecommended', 'kashyap'],
    ['NomineeProposed', 'sori'],
    ['NominationDeclined', 'sori'],
  ]);
  expect(events[0]?.actor.name).toBe('प्रभारी Sharma');
  const page = await h.get('/posts/bastar-mahila/history?limit=2', h.tokens.observer);
  expect((page.body as { events: unknown[]; next?: string }).events).toHaveLength(2);
  expect((page.body as { next?: string }).next).toBeDefined();
  expectProblem(await h.get('/posts/nope/history', h.tokens.observer), 404, 'post-not-found');
});

test('racing appointments and proposals: one holder, and no open nomination left in a filled post', async () => {
  for (let round = 0; round < 5; round++) {
    const post = `race-${round}`;
    await f.post(post);
    await f.approved(post, `${post}-a`);
    await f.approved(post, `${post}-b`);
    const results = await Promise.all([
      h.post(`/posts/${post}/appoint`, h.tokens.incharge, { nominationId: `${post}-a` }),
      h.post(`/posts/${post}/appoint`, h.tokens.incharge2, { nominationId: `${post}-b` }),
      h.post(`/posts/${post}/nominations`, h.tokens.incharge, { id: `${post}-c`, nominee: 'C', proposedBy: 'D' }),
    ]);
    expect(
      results
        .slice(0, 2)
        .map((r) => r.status)
        .sort(),
    ).toEqual([200, 409]);
    expect([201, 409]).toContain(results[2]?.status);
    const events = (await h.events()).filter((e) => e.streamId === `post-${post}`);
    expect(events.filter((e) => e.type === 'PostFilled')).toHaveLength(1);
    const filledAt = events.findIndex((e) => e.type === 'PostFilled');
    expect(events.slice(filledAt + 1).every((e) => e.type === 'NominationClosed')).toBe(true);
  }
});

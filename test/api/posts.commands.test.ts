import { expectAnswer, expectProblem, startApi, typesAndData, type ApiHarness } from '../support/apiHarness';
import { postFixtures, titleOf } from './postFixtures';

/** SPEC v2 "posts and nominations": every command over HTTP, its events, and its refusals (403, 404, 409, 400). */

let h: ApiHarness;
let f: ReturnType<typeof postFixtures>;

beforeAll(async () => {
  h = await startApi({ idPrefix: 'posts' });
  f = postFixtures(h);
});
afterAll(() => h.close());

test('create, propose, recommend, approve, appoint: each answers {id, version, position} with the post stream version', async () => {
  const created = await f.post('p1');
  expect(created).toMatchObject({ id: 'p1', version: 1 });
  const proposed = await f.propose('p1', 'n1');
  expect(proposed).toMatchObject({ id: 'n1', version: 2 });
  expect(await f.recommend('n1')).toMatchObject({ id: 'n1', version: 3 });
  expect(await f.approve('n1')).toMatchObject({ id: 'n1', version: 4 });
  expect(await f.appoint('p1', 'n1')).toMatchObject({ id: 'p1', version: 5 });
  const post = (await h.events()).filter((e) => e.streamId === 'post-p1');
  expect(post.map((e) => e.type)).toEqual(['PostCreated', 'NomineeProposed', 'NominationRecommended', 'NominationApproved', 'PostFilled']);
  expect(typesAndData((await h.events()).filter((e) => e.streamId === 'nomination-n1'))).toEqual([
    { type: 'NominationFiled', data: { postId: 'p1', nominationId: 'n1' } },
  ]);
});

test('appointing closes every other open nomination of the post, one event each, in the same append', async () => {
  await f.post('p2');
  await f.approved('p2', 'a2');
  await f.propose('p2', 'b2');
  await f.propose('p2', 'c2');
  await f.recommend('c2');
  await f.propose('p2', 'd2');
  await f.decline('d2');
  const before = await h.eventCount();
  await f.appoint('p2', 'a2');
  expect(typesAndData(await h.eventsAfter(before))).toEqual([
    { type: 'PostFilled', data: { postId: 'p2', nominationId: 'a2', nominee: 'Nominee a2' } },
    { type: 'NominationClosed', data: { postId: 'p2', nominationId: 'b2', appointed: 'a2' } },
    { type: 'NominationClosed', data: { postId: 'p2', nominationId: 'c2', appointed: 'a2' } },
  ]);
});

test('a filled post takes no nominations until vacated; the vacated holder cannot come back', async () => {
  await f.post('p3');
  await f.approved('p3', 'a3');
  await f.appoint('p3', 'a3');
  const before = await h.eventCount();
  expectProblem(await h.post('/posts/p3/nominations', h.tokens.incharge, { id: 'b3', nominee: 'B', proposedBy: 'C' }), 409, 'post-filled');
  expect(await h.eventCount()).toBe(before);
  expectAnswer(await h.post('/posts/p3/vacate', h.tokens.incharge, { reason: 'resigned' }), 200);
  expectProblem(await h.post('/posts/p3/vacate', h.tokens.incharge, { reason: 'again' }), 409, 'post-vacant');
  expectProblem(await h.post('/posts/p3/appoint', h.tokens.incharge, { nominationId: 'a3' }), 409, 'nomination-closed');
  expect(await f.propose('p3', 'b3')).toMatchObject({ id: 'b3' });
});

test('409s: only an approved nomination is appointed; stages do not skip or go back; closed ones change no more', async () => {
  await f.post('p4');
  await f.propose('p4', 'a4');
  const before = await h.eventCount();
  expectProblem(await h.post('/posts/p4/appoint', h.tokens.incharge, { nominationId: 'a4' }), 409, 'nomination-not-approved');
  expectProblem(await h.post('/nominations/a4/approve', h.tokens.incharge, {}), 409, 'nomination-not-recommended');
  await f.recommend('a4');
  expectProblem(await h.post('/posts/p4/appoint', h.tokens.incharge, { nominationId: 'a4' }), 409, 'nomination-not-approved');
  await f.approve('a4');
  expectProblem(await h.post('/nominations/a4/recommend', h.tokens.incharge, {}), 409, 'nomination-already-approved');
  expectAnswer(await h.post('/nominations/a4/withdraw', h.tokens.incharge, {}), 200);
  expectProblem(await h.post('/nominations/a4/decline', h.tokens.incharge, { reason: 'x' }), 409, 'nomination-closed');
  expectProblem(await h.post('/posts/p4/appoint', h.tokens.incharge, { nominationId: 'a4' }), 409, 'nomination-closed');
  expect((await h.eventsAfter(before)).map((e) => e.type)).toEqual(['NominationRecommended', 'NominationApproved', 'NominationWithdrawn']);
});

test('asking for the stage a nomination has answers 200 and appends nothing', async () => {
  await f.post('p5');
  await f.propose('p5', 'a5');
  const first = await f.recommend('a5');
  const again = await f.recommend('a5');
  expect(again).toEqual(first);
});

test('404s: an unknown post, an unknown nomination, a nomination of another post; nothing appended', async () => {
  await f.post('p6');
  const before = await h.eventCount();
  expectProblem(await h.post('/posts/nope/nominations', h.tokens.incharge, { nominee: 'A', proposedBy: 'B' }), 404, 'post-not-found');
  expectProblem(await h.post('/nominations/nope/recommend', h.tokens.incharge, {}), 404, 'nomination-not-found');
  expectProblem(await h.post('/nominations/nope/withdraw', h.tokens.incharge, {}), 404, 'nomination-not-found');
  expectProblem(await h.post('/posts/p6/appoint', h.tokens.incharge, { nominationId: 'n1' }), 404, 'nomination-not-found');
  expectProblem(await h.post('/posts/nope/appoint', h.tokens.incharge, { nominationId: 'n1' }), 404, 'post-not-found');
  expectProblem(await h.post('/posts/nope/vacate', h.tokens.incharge, { reason: 'r' }), 404, 'post-not-found');
  expect(await h.eventCount()).toBe(before);
});

test('409: ids are unique, a post id and a nomination id across posts', async () => {
  await f.post('p7');
  await f.post('p7b');
  await f.propose('p7', 'a7');
  const before = await h.eventCount();
  expectProblem(await h.post('/posts', h.tokens.incharge, { id: 'p7', unit: 'cg-bastar', title: titleOf('again') }), 409, 'id-taken');
  expectProblem(await h.post('/posts/p7/nominations', h.tokens.incharge, { id: 'a7', nominee: 'A', proposedBy: 'B' }), 409, 'id-taken');
  expectProblem(await h.post('/posts/p7b/nominations', h.tokens.incharge, { id: 'a7', nominee: 'A', proposedBy: 'B' }), 409, 'id-taken');
  expect(await h.eventCount()).toBe(before);
});

test('400s: an unknown unit or wing, unknown fields, a decline without a reason, an empty title', async () => {
  const before = await h.eventCount();
  expectProblem(await h.post('/posts', h.tokens.incharge, { unit: 'cg-nowhere', title: titleOf('x') }), 400, 'unknown-unit');
  expectProblem(await h.post('/posts', h.tokens.incharge, { unit: 'cg-bastar', wing: 'no-such-wing', title: titleOf('x') }), 400, 'unknown-wing');
  expectProblem(await h.post('/posts', h.tokens.incharge, { unit: 'cg-bastar', title: { en: ' ', hi: 'क' } }), 400, 'invalid-body');
  expectProblem(await h.post('/posts', h.tokens.incharge, { unit: 'cg-bastar', title: titleOf('x'), holder: 'me' }), 400, 'unknown-field');
  await f.post('p8');
  await f.propose('p8', 'a8');
  const after = await h.eventCount();
  expectProblem(await h.post('/nominations/a8/decline', h.tokens.incharge, {}), 400, 'invalid-body');
  expectProblem(await h.post('/posts/p8/nominations', h.tokens.incharge, { nominee: 'A' }), 400, 'invalid-body');
  expectProblem(await h.post('/posts/p8/appoint', h.tokens.incharge, {}), 400, 'invalid-body');
  expect(await h.eventCount()).toBe(after);
  expect(after - before).toBe(3);
});

test('403s: a wing-lead proposes and recommends only for its own wing, never for a post of no wing; others only read', async () => {
  await f.post('p9', 'cg-bastar', 'adivasi');
  await f.post('p9y', 'cg-bastar', 'youth');
  await f.post('p9n', 'cg-bastar', null);
  await f.propose('p9y', 'y9');
  await f.propose('p9n', 'n9');
  const before = await h.eventCount();
  const { adivasiLead, adivasiOrganiser, observer } = h.tokens;
  const propose = { nominee: 'A', proposedBy: 'B' };
  expectProblem(await h.post('/posts/p9y/nominations', adivasiLead, propose), 403, 'forbidden-other-wing');
  expectProblem(await h.post('/posts/p9n/nominations', adivasiLead, propose), 403, 'forbidden-incharge');
  expectProblem(await h.post('/nominations/y9/recommend', adivasiLead, {}), 403, 'forbidden-other-wing');
  expectProblem(await h.post('/nominations/n9/recommend', adivasiLead, {}), 403, 'forbidden-incharge');
  expectProblem(await h.post('/posts/p9/nominations', adivasiOrganiser, propose), 403, 'forbidden-wing-nominate');
  expectProblem(await h.post('/posts/p9/nominations', observer, propose), 403, 'forbidden-wing-nominate');
  expectProblem(await h.post('/posts', adivasiLead, { unit: 'cg-bastar', wing: 'adivasi', title: titleOf('x') }), 403, 'forbidden-incharge');
  expect(await h.eventCount()).toBe(before);

  await f.propose('p9', 'a9', adivasiLead);
  await f.recommend('a9', adivasiLead);
  for (const path of ['/nominations/a9/approve', '/nominations/a9/withdraw']) expectProblem(await h.post(path, adivasiLead, {}), 403, 'forbidden-incharge');
  expectProblem(await h.post('/nominations/a9/decline', adivasiLead, { reason: 'r' }), 403, 'forbidden-incharge');
  expectProblem(await h.post('/posts/p9/appoint', adivasiLead, { nominationId: 'a9' }), 403, 'forbidden-incharge');
  expectProblem(await h.post('/posts/p9/vacate', adivasiLead, { reason: 'r' }), 403, 'forbidden-incharge');
});

test('Idempotency-Key: a retried proposal answers the first answer and files nothing twice; If-Match is the post version', async () => {
  await f.post('p10');
  const body = { id: 'a10', nominee: 'A', proposedBy: 'B' };
  const first = expectAnswer(await h.post('/posts/p10/nominations', h.tokens.incharge, body, { 'Idempotency-Key': 'k-a10' }), 201);
  const before = await h.eventCount();
  const retry = await h.post('/posts/p10/nominations', h.tokens.incharge, body, { 'Idempotency-Key': 'k-a10' });
  expect(retry.status).toBe(201);
  expect(retry.body).toEqual(first);
  expect(retry.headers['idempotent-replayed']).toBe('true');
  expect(await h.eventCount()).toBe(before);

  const stale = await h.post('/nominations/a10/recommend', h.tokens.incharge, {}, { 'If-Match': '"1"' });
  expect(stale.status).toBe(412);
  expectProblem(
    await h.post('/posts/p10/nominations', h.tokens.incharge, { id: 'b10', nominee: 'B', proposedBy: 'C' }, { 'If-Match': '"1"' }),
    412,
    'version-mismatch',
  );
  expect(await h.eventCount()).toBe(before);
  expectAnswer(await h.post('/nominations/a10/recommend', h.tokens.incharge, {}, { 'If-Match': `"${first.version}"` }), 200);
});

test('racing proposals of one nomination id for two posts: one is 201, the other 409 id-taken; the id names one post', async () => {
  for (let round = 0; round < 5; round++) {
    const [a, b, id] = [`ra-${round}`, `rb-${round}`, `rn-${round}`];
    await f.post(a);
    await f.post(b);
    const body = { id, nominee: 'A', proposedBy: 'B' };
    const results = await Promise.all([
      h.post(`/posts/${a}/nominations`, h.tokens.incharge, body),
      h.post(`/posts/${b}/nominations`, h.tokens.incharge2, body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const events = await h.events();
    const proposedIn = events.filter((e) => e.type === 'NomineeProposed' && (e.data as { nominationId: string }).nominationId === id).map((e) => e.streamId);
    const filed = events.filter((e) => e.streamId === `nomination-${id}`);
    expect(filed).toHaveLength(1);
    const linked = filed[0]?.data as { postId: string } | undefined;
    expect(proposedIn).toEqual([`post-${linked?.postId}`]);
  }
});

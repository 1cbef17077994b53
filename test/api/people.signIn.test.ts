import { expectAnswer, expectProblem, startApi, type ApiHarness } from '../support/apiHarness';
import { addPerson, invite, redeem, SessionSchema, settled } from './peopleFixtures';
import { alteredSecret } from '../support/alteredSecret';

/** SPEC v2 "people and access": invitation → redeem → refresh → role change → revoke, over HTTP. */

let h: ApiHarness;
beforeAll(async () => {
  h = await startApi({ idPrefix: 'signin' });
});
afterAll(() => h.close());

const me = (token: string) => h.get('/me', token);

test('an invitation is answered with a link and a one-time code; a retry with the same key answers the same code', async () => {
  const id = await addPerson(h, { id: 'sunita', name: 'सुनीता नेताम', phone: '98123 45678', role: 'organiser', wing: 'adivasi' });
  const first = await invite(h, id, h.tokens.incharge, { 'Idempotency-Key': 'invite-sunita-1' });
  expect(first.link).toBe(`${new URL(h.tayari.url).origin}/#invite=${first.code}`);
  expect(first.code).toMatch(/^sunita\.[A-Za-z0-9_-]{22}$/);
  expect(Date.parse(first.expiresAt) - h.clock.now().getTime()).toBe(7 * 24 * 3600 * 1000);
  const again = await invite(h, id, h.tokens.incharge, { 'Idempotency-Key': 'invite-sunita-1' });
  expect(again).toEqual(first);
  // The code is never stored: only its hash is in the event.
  const stored = JSON.stringify(await h.events());
  expect(stored).not.toContain(first.code.split('.')[1]);
});

test('redeeming gives a 12-hour token for the person; the link works once, then says who to ask', async () => {
  const id = await addPerson(h, { id: 'ravi', name: 'Ravi Markam', role: 'wing-lead', wing: 'adivasi' });
  const { code } = await invite(h, id);
  const session = await redeem(h, code);
  expect(Date.parse(session.expiresAt) - h.clock.now().getTime()).toBe(12 * 3600 * 1000);
  const mine = await me(session.token);
  expect(mine.status).toBe(200);
  expect(mine.body).toMatchObject({ person: { id: 'ravi', name: 'Ravi Markam', role: 'wing-lead', wing: 'adivasi', known: true } });
  const used = expectProblem(await h.post('/auth/redeem', undefined, { code }), 410, 'invitation-used');
  expect(used.detail).toContain('प्रभारी Sharma');
  expectProblem(await h.post('/auth/redeem', undefined, { code: alteredSecret(code) }), 401, 'invitation-unknown');
  expectProblem(await h.post('/auth/redeem', undefined, { code: 'nobody.AAAAAAAAAAAAAAAAAAAAAA' }), 401, 'person-unknown');
  expectProblem(await h.post('/auth/redeem', undefined, { code: 'not a code' }), 401, 'invitation-unknown');
  expectProblem(await h.post('/auth/redeem', undefined, { code, extra: 1 }), 400, 'unknown-field');
});

test('a new invitation voids the old one; an invitation expires after 7 days', async () => {
  const id = await addPerson(h, { id: 'meena', name: 'Meena', role: 'observer' });
  const old = await invite(h, id);
  const fresh = await invite(h, id);
  expectProblem(await h.post('/auth/redeem', undefined, { code: old.code }), 401, 'invitation-unknown');
  h.clock.advance(7 * 24 * 3600 * 1000);
  const expired = expectProblem(await h.post('/auth/redeem', undefined, { code: fresh.code }), 410, 'invitation-expired');
  expect(expired.detail).toContain('ask');
  await h.refreshTokens();
});

test('refresh rotates; the token before answers again only briefly; an older one signs the whole family out', async () => {
  const id = await addPerson(h, { id: 'kiran', name: 'Kiran', role: 'organiser', wing: 'youth' });
  const first = await redeem(h, (await invite(h, id)).code);
  const refresh = (token: string) => h.post('/auth/refresh', undefined, { refreshToken: token });
  const second = SessionSchema.parse((await refresh(first.refreshToken)).body);
  expect(second.refreshToken).not.toBe(first.refreshToken);
  // The phone lost the answer and sends the old token again: the same next token, nothing revoked.
  const retried = SessionSchema.parse((await refresh(first.refreshToken)).body);
  expect(retried.refreshToken).toBe(second.refreshToken);
  h.clock.advance(3 * 60 * 1000);
  expectProblem(await refresh(first.refreshToken), 401, 'refresh-reused');
  expectProblem(await refresh(second.refreshToken), 401, 'refresh-ended');
  expectProblem(await refresh('kiran.nofamily.AAAAAAAAAAAAAAAAAAAAAA'), 401, 'refresh-unknown');
  await h.refreshTokens();
});

test('a role change makes older tokens stale at once; a refresh gives the new role', async () => {
  const id = await addPerson(h, { id: 'asha', name: 'Asha', role: 'organiser', wing: 'adivasi' });
  const session = await redeem(h, (await invite(h, id)).code);
  expect((await me(session.token)).status).toBe(200);
  const changed = expectAnswer(await h.post(`/people/${id}/role`, h.tokens.incharge, { role: 'wing-lead', wing: 'adivasi' }), 200);
  await h.tayari.reads.waitFor(changed.position, 5000);
  expectProblem(await me(session.token), 401, 'token-stale');
  const next = SessionSchema.parse((await h.post('/auth/refresh', undefined, { refreshToken: session.refreshToken })).body);
  expect((await me(next.token)).body).toMatchObject({ person: { role: 'wing-lead' } });
  // The same role again changes nothing and keeps tokens working.
  const same = expectAnswer(await h.post(`/people/${id}/role`, h.tokens.incharge, { role: 'wing-lead', wing: 'adivasi' }), 200);
  await h.tayari.reads.waitFor(same.position, 5000);
  expect((await me(next.token)).status).toBe(200);
});

test('revoking ends every token and refresh token of the person, whatever signed them; sign-out ends one device', async () => {
  const id = await addPerson(h, { id: 'gone', name: 'Gone', role: 'organiser', wing: 'adivasi' });
  const phone = await redeem(h, (await invite(h, id)).code);
  const laptop = await redeem(h, (await invite(h, id)).code);
  expect((await h.post('/auth/sign-out', undefined, { refreshToken: laptop.refreshToken })).status).toBe(204);
  expectProblem(await h.post('/auth/refresh', undefined, { refreshToken: laptop.refreshToken }), 401, 'refresh-ended');
  const handMade = await h.token({ sub: id, name: 'Gone', role: 'organiser', wing: 'adivasi' });
  expect((await me(handMade)).status).toBe(200);
  const revoked = expectAnswer(await h.post(`/people/${id}/revoke`, h.tokens.incharge, { reason: 'left the party' }), 200);
  await h.tayari.reads.waitFor(revoked.position, 5000);
  expectProblem(await me(phone.token), 401, 'access-revoked');
  expectProblem(await me(handMade), 401, 'access-revoked');
  expectProblem(await h.post('/auth/refresh', undefined, { refreshToken: phone.refreshToken }), 401, 'refresh-ended');
  await settled(h);
});

test('redeem is rate limited per person the code names', async () => {
  const id = await addPerson(h, { id: 'target', name: 'Target', role: 'observer' });
  await invite(h, id);
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) statuses.push((await h.post('/auth/redeem', undefined, { code: `target.${'A'.repeat(21)}${i % 10}` })).status);
  expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
  const limited = await h.post('/auth/redeem', undefined, { code: `target.${'B'.repeat(22)}` });
  expectProblem(limited, 429, 'rate-limited');
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
});

test('a person of a unit signs in with a token that names it, and then acts only within it', async () => {
  const id = await addPerson(h, { id: 'district-lead', name: 'District lead', role: 'incharge', unit: 'cg-bastar' });
  const { token } = await redeem(h, (await invite(h, id)).code);
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { unit?: string };
  expect(payload.unit).toBe('cg-bastar');
  expectProblem(await h.post('/tours', token, { title: 'T', leader: 'L', unit: 'cg-raipur' }), 403, 'forbidden-other-unit');
  expectAnswer(await h.post('/tours', token, { title: 'T', leader: 'L', unit: 'cg-bastar' }), 201);
});

import { expectAnswer, expectProblem, startApi, type ApiHarness } from '../support/apiHarness';
import { driveFixtures, person, TARGETS, WINDOW } from './driveFixtures';

/** SPEC v2 "the enrolment drive": every command and rule over HTTP. */
let h: ApiHarness;
let f: ReturnType<typeof driveFixtures>;
beforeAll(async () => {
  h = await startApi({ idPrefix: 'drives' });
  f = driveFixtures(h);
  await f.launch('d1');
});
afterAll(() => h.close());

const enrolBody = (n: number, over: object = {}) => ({ unit: 'cg-bastar', ...person(n), consent: true, ...over });

test('launch: 201 with the drive; an id taken, a state-wide or unknown unit, a bad window are refused', async () => {
  const answer = await f.launch('d-launch');
  expect(answer).toMatchObject({ id: 'd-launch', version: 1 });
  const events = await h.tayari.store.readStream('drive-d-launch');
  expect(events.map((e) => [e.type, e.data])).toEqual([['DriveLaunched', { driveId: 'd-launch', title: 'Shakti d-launch', ...WINDOW, targets: TARGETS }]]);
  expectProblem(await h.post('/drives', h.tokens.incharge, { id: 'd-launch', title: 'x', ...WINDOW, targets: {} }), 409, 'drive-id-taken');
  expectProblem(await h.post('/drives', h.tokens.incharge, { title: 'x', ...WINDOW, targets: { cg: 3 } }), 400, 'unit-not-district');
  expectProblem(await h.post('/drives', h.tokens.incharge, { title: 'x', ...WINDOW, targets: { nowhere: 3 } }), 400, 'unknown-unit');
  const reversed = { title: 'x', startsAt: WINDOW.endsAt, endsAt: WINDOW.startsAt, targets: {} };
  expect((await h.post('/drives', h.tokens.incharge, reversed)).status).toBe(400);
});

test('targets: set on an open drive (200), the same again changes nothing; an unknown drive is 404', async () => {
  const set = expectAnswer(await h.post('/drives/d1/targets', h.tokens.incharge, { unit: 'cg-durg', target: 7 }), 200);
  expect(set.version).toBe(2);
  const again = expectAnswer(await h.post('/drives/d1/targets', h.tokens.incharge, { unit: 'cg-durg', target: 7 }), 200);
  expect(again.version).toBe(2);
  expectProblem(await h.post('/drives/nope/targets', h.tokens.incharge, { unit: 'cg-durg', target: 7 }), 404, 'drive-not-found');
  expectProblem(await h.post('/drives/d1/targets', h.tokens.adivasiLead, { unit: 'cg-durg', target: 7 }), 403, 'forbidden-incharge');
});

test('enrol: 201; the event keeps no name and no phone, only sealed data and the HMAC', async () => {
  const answer = await f.enrol('d1', 'e1', 1);
  expect(answer).toMatchObject({ id: 'e1', version: 1 });
  const events = await h.events();
  const enrolled = events.find((e) => e.type === 'WorkerEnrolled');
  expect(enrolled?.streamId).toMatch(/^enrolment-d1\.[A-Za-z0-9_-]{43}$/);
  const text = JSON.stringify(enrolled);
  expect(text).not.toContain('सुनीता');
  expect(text).not.toContain('9812300001');
  expect(enrolled?.data).toMatchObject({ driveId: 'd1', enrolmentId: 'e1', unit: 'cg-bastar', wing: 'adivasi', booth: 'Booth 112' });
  expect(events.some((e) => e.type === 'EnrolmentFiled' && e.streamId === 'enrolmentid-d1.e1')).toBe(true);
});

test('a phone is enrolled once per drive, however written: 409 duplicate-enrolment naming the first', async () => {
  await f.enrol('d1', 'e-dup', 2);
  const before = await h.eventCount();
  const again = expectProblem(
    await h.post('/drives/d1/enrolments', h.tokens.incharge, enrolBody(0, { name: 'Other', phone: '+91 98123 00002' })),
    409,
    'duplicate-enrolment',
  );
  expect(again.detail).toContain('e-dup');
  // Named for a client to act on, not only in the text.
  expect(again).toMatchObject({ enrolmentId: 'e-dup' });
  expect(await h.eventCount()).toBe(before);
  // Another drive is another count.
  await f.launch('d-other');
  await f.enrol('d-other', 'e-dup', 2);
});

test('enrol: consent must be true; the unit needs a target and to be a district or below; the id once', async () => {
  for (const consent of [false, undefined, 'yes']) {
    expect((await h.post('/drives/d1/enrolments', h.tokens.incharge, enrolBody(3, { consent }))).status).toBe(400);
  }
  expect((await h.post('/drives/d1/enrolments', h.tokens.incharge, enrolBody(3, { phone: '12345' }))).status).toBe(400);
  expectProblem(await h.post('/drives/d1/enrolments', h.tokens.incharge, enrolBody(3, { unit: 'cg-korba' })), 409, 'unit-without-target');
  expectProblem(await h.post('/drives/d1/enrolments', h.tokens.incharge, enrolBody(3, { unit: 'cg' })), 400, 'unit-not-district');
  expectProblem(await h.post('/drives/d1/enrolments', h.tokens.incharge, enrolBody(3, { unit: 'nowhere' })), 400, 'unknown-unit');
  expectProblem(await h.post('/drives/nope/enrolments', h.tokens.incharge, enrolBody(3)), 404, 'drive-not-found');
  expectProblem(await h.post('/drives/d1/enrolments', h.tokens.incharge, enrolBody(3, { id: 'e1' })), 409, 'enrolment-id-taken');
});

test('who enrols: in-charges, and wing-leads and organisers for their own wing; observers never', async () => {
  await f.enrol('d1', 'e-org', 4, h.tokens.adivasiOrganiser);
  expectProblem(await h.post('/drives/d1/enrolments', h.tokens.adivasiLead, enrolBody(5, { wing: 'youth' })), 403, 'forbidden-other-wing');
  expectProblem(await h.post('/drives/d1/enrolments', h.tokens.observer, enrolBody(5)), 403, 'forbidden-wing-work');
  expectProblem(await h.post('/drives/d1/enrolments/e1/forget', h.tokens.adivasiLead, { reason: 'asked' }), 403, 'forbidden-incharge');
});

test('nothing is enrolled outside the window or after the drive closed (409); closing twice changes nothing', async () => {
  const later = { id: 'd-later', title: 'Later', startsAt: '2018-08-01T00:00:00Z', endsAt: '2018-09-01T00:00:00Z', targets: TARGETS };
  expectAnswer(await h.post('/drives', h.tokens.incharge, later), 201);
  expectProblem(await h.post('/drives/d-later/enrolments', h.tokens.incharge, enrolBody(6)), 409, 'drive-not-open');
  const past = { ...later, id: 'd-past', startsAt: '2018-05-01T00:00:00Z', endsAt: '2018-06-01T06:00:00Z' };
  expectAnswer(await h.post('/drives', h.tokens.incharge, past), 201);
  expectProblem(await h.post('/drives/d-past/enrolments', h.tokens.incharge, enrolBody(6)), 409, 'drive-not-open');
  await f.launch('d-closed');
  expect(expectAnswer(await h.post('/drives/d-closed/close', h.tokens.incharge, {}), 200).version).toBe(2);
  expect(expectAnswer(await h.post('/drives/d-closed/close', h.tokens.incharge, {}), 200).version).toBe(2);
  expectProblem(await h.post('/drives/d-closed/enrolments', h.tokens.incharge, enrolBody(6)), 409, 'drive-closed');
  expectProblem(await h.post('/drives/d-closed/targets', h.tokens.incharge, { unit: 'cg-durg', target: 1 }), 409, 'drive-closed');
  expect(await h.streamVersion('enrolmentid-d-closed.gen1')).toBe(0);
});

test('forget: 200 once, then 200 with nothing appended; an unknown enrolment is 404', async () => {
  await f.enrol('d1', 'e-forget', 7);
  const forgotten = expectAnswer(await h.post('/drives/d1/enrolments/e-forget/forget', h.tokens.incharge, { reason: 'asked to be removed' }), 200);
  expect(forgotten.version).toBe(2);
  expect(expectAnswer(await h.post('/drives/d1/enrolments/e-forget/forget', h.tokens.incharge, { reason: 'again' }), 200).version).toBe(2);
  expectProblem(await h.post('/drives/d1/enrolments/nope/forget', h.tokens.incharge, { reason: 'x' }), 404, 'enrolment-not-found');
  expectProblem(await h.post('/drives/nope/enrolments/e1/forget', h.tokens.incharge, { reason: 'x' }), 404, 'enrolment-not-found');
});

test('two enrolments of one phone at once: one 201, one 409 naming it; repeated rounds', async () => {
  for (let round = 0; round < 10; round++) {
    const body = (id: string) => ({ id, unit: 'cg-raipur', ...person(100 + round), consent: true });
    const [a, b] = await Promise.all([
      h.post('/drives/d1/enrolments', h.tokens.adivasiLead, body(`race-${round}-a`)),
      h.post('/drives/d1/enrolments', h.tokens.incharge, body(`race-${round}-b`)),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([201, 409]);
    const winner = a.status === 201 ? `race-${round}-a` : `race-${round}-b`;
    const loser = a.status === 201 ? b : a;
    expect(expectProblem(loser, 409, 'duplicate-enrolment').detail).toContain(winner);
  }
  const enrolled = (await h.events()).filter((e) => e.type === 'WorkerEnrolled' && typeof e.data === 'object' && JSON.stringify(e.data).includes('race-'));
  expect(enrolled).toHaveLength(10);
});

test('forget with a stale If-Match is 412 and deletes nothing: the list still opens the person', async () => {
  await f.enrol('d1', 'e-stale', 8);
  expect((await h.post('/drives/d1/enrolments/e-stale/forget', h.tokens.incharge, { reason: 'x' }, { 'If-Match': '"5"' })).status).toBe(412);
  const listed = (await f.list('d1')).find((e) => e.id === 'e-stale');
  expect(listed).toMatchObject({ name: person(8).name, phone: `+91${person(8).phone}` });
  expectAnswer(await h.post('/drives/d1/enrolments/e-stale/forget', h.tokens.incharge, { reason: 'x' }, { 'If-Match': '"1"' }), 200);
});

import { expectAnswer, expectProblem, startApi, typesAndData, type ApiHarness } from '../support/apiHarness';
import { fixtures, ist, utc, type Fixtures } from './fixtures';

/** SPEC v2 "checklist templates": define, revise (versions), apply once, move with the stop or meeting. */

let h: ApiHarness;
let f: Fixtures;
beforeAll(async () => {
  h = await startApi({ idPrefix: 'templates' });
  f = fixtures(h);
  await f.tour('bastar');
  await f.stop('bastar', 'jagdalpur', 26, '11:00', '13:00');
  await f.stop('bastar', 'kanker', 27, '11:00', '13:00');
  await f.meeting('review', { startsAt: ist(20, '10:00'), endsAt: ist(20, '12:00') });
});
afterAll(() => h.close());

const stopTemplate = {
  id: 'public-meeting',
  name: { en: 'Public meeting stop', hi: 'आम सभा पड़ाव' },
  kind: 'stop',
  items: [
    { title: 'Ground permission', wing: 'adivasi', offset: '-P3D' },
    { title: 'Stage and sound', wing: 'youth', offset: '-PT6H', assignee: 'Sound vendor' },
  ],
};

const cards = async (programmeId: string) => {
  const head = (await h.tayari.store.headPosition()) ?? '0';
  const res = await h.get(`/boards/programme/${programmeId}?minPosition=${head}`, h.tokens.observer);
  return (res.body as { cards: Record<string, { title: string; dueAt?: string; wing: string; stopId?: string }> }).cards;
};
const dueOf = async (programmeId: string, title: string) => Object.values(await cards(programmeId)).find((card) => card.title === title)?.dueAt;

test('a template applied to a stop plants one task per item, due counted back from the stop; twice adds nothing', async () => {
  expectAnswer(await h.post('/templates', h.tokens.incharge, stopTemplate), 201);
  const before = await h.eventCount();
  expectAnswer(await h.post('/programmes/bastar/apply-template', h.tokens.incharge, { templateId: 'public-meeting', stopId: 'jagdalpur' }), 200);
  expect(typesAndData(await h.eventsAfter(before)).map((e) => e.type)).toEqual(['TemplateApplied', 'TaskLogged', 'TaskLogged']);
  expect(await dueOf('bastar', 'Ground permission')).toBe(utc(ist(23, '11:00')));
  expect(await dueOf('bastar', 'Stage and sound')).toBe(utc(ist(26, '05:00')));
  const again = await h.eventCount();
  expectAnswer(await h.post('/programmes/bastar/apply-template', h.tokens.incharge, { templateId: 'public-meeting', stopId: 'jagdalpur' }), 200);
  expect(await h.eventCount()).toBe(again);
});

test('a revision is a new version; a stop keeps the version it used, another stop gets the new one', async () => {
  const revised = { name: stopTemplate.name, kind: 'stop', items: [...stopTemplate.items, { title: 'Media passes', wing: 'media', offset: '-P1D' }] };
  expectAnswer(await h.post('/templates/public-meeting/revise', h.tokens.incharge, revised), 200);
  const same = await h.eventCount();
  expectAnswer(await h.post('/templates/public-meeting/revise', h.tokens.incharge, revised), 200);
  expect(await h.eventCount()).toBe(same);
  const list = await h.get('/templates', h.tokens.observer);
  expect(list.body).toMatchObject({ templates: [{ id: 'public-meeting', version: 2 }] });
  expectAnswer(await h.post('/programmes/bastar/apply-template', h.tokens.incharge, { templateId: 'public-meeting', stopId: 'jagdalpur' }), 200);
  expect(Object.values(await cards('bastar')).filter((card) => card.stopId === 'jagdalpur')).toHaveLength(2);
  expectAnswer(await h.post('/programmes/bastar/apply-template', h.tokens.incharge, { templateId: 'public-meeting', stopId: 'kanker' }), 200);
  expect(Object.values(await cards('bastar')).filter((card) => card.stopId === 'kanker')).toHaveLength(3);
});

test('moving a stop moves the due times of its checklist tasks no person has touched, each by an event', async () => {
  const planted = Object.entries(await cards('bastar')).filter(([, card]) => card.stopId === 'jagdalpur');
  const touched = planted.find(([, card]) => card.title === 'Stage and sound')?.[0] ?? '';
  expectAnswer(await h.post(`/tasks/${touched}/status`, h.tokens.incharge, { status: 'in_progress' }), 200);
  const before = await h.eventCount();
  expectAnswer(await h.post('/tours/bastar/stops/jagdalpur/reschedule', h.tokens.incharge, { startsAt: ist(28, '11:00'), endsAt: ist(28, '13:00') }), 200);
  const appended = typesAndData(await h.eventsAfter(before));
  expect(appended.map((e) => e.type)).toEqual(['StopRescheduled', 'TaskDueChanged']);
  expect(appended[1]?.data).toMatchObject({ dueAt: utc(ist(25, '11:00')), followsStart: true });
  expect(await dueOf('bastar', 'Ground permission')).toBe(utc(ist(25, '11:00')));
  expect(Object.values(await cards('bastar')).find((card) => card.title === 'Stage and sound' && card.stopId === 'jagdalpur')?.dueAt).toBe(
    utc(ist(26, '05:00')),
  );
  // Moved back: the untouched task moves back too (a new cause, not a replay of the first move).
  expectAnswer(await h.post('/tours/bastar/stops/jagdalpur/reschedule', h.tokens.incharge, { startsAt: ist(26, '11:00'), endsAt: ist(26, '13:00') }), 200);
  expect(await dueOf('bastar', 'Ground permission')).toBe(utc(ist(23, '11:00')));
});

test('a meeting template counts back from the meeting and moves with it', async () => {
  const review = {
    id: 'review-prep',
    name: { en: 'Review meeting', hi: 'समीक्षा बैठक' },
    kind: 'meeting',
    items: [{ title: 'Hall booking', wing: 'seva-dal', offset: '-P1DT2H' }],
  };
  expectAnswer(await h.post('/templates', h.tokens.incharge, review), 201);
  expectAnswer(await h.post('/programmes/review/apply-template', h.tokens.incharge, { templateId: 'review-prep' }), 200);
  expect(await dueOf('review', 'Hall booking')).toBe(utc(ist(19, '08:00')));
  expectAnswer(await h.post('/meetings/review/reschedule', h.tokens.incharge, { startsAt: ist(21, '10:00') }), 200);
  expect(await dueOf('review', 'Hall booking')).toBe(utc(ist(20, '08:00')));
});

test('refusals: unknown template 404, a stop template without a stop or on a meeting 400, a bad offset 400, a cancelled stop 409', async () => {
  expectProblem(await h.post('/programmes/bastar/apply-template', h.tokens.incharge, { templateId: 'nope', stopId: 'kanker' }), 404, 'template-not-found');
  expectProblem(await h.post('/programmes/bastar/apply-template', h.tokens.incharge, { templateId: 'public-meeting' }), 400, 'template-needs-stop');
  expectProblem(await h.post('/programmes/review/apply-template', h.tokens.incharge, { templateId: 'public-meeting' }), 400, 'template-kind');
  const bad = { ...stopTemplate, id: 'bad', items: [{ title: 'x', wing: 'adivasi', offset: 'P3D' }] };
  expect((await h.post('/templates', h.tokens.incharge, bad)).status).toBe(400);
  await f.stop('bastar', 'kondagaon', 29, '11:00', '13:00');
  await f.cancelStop('bastar', 'kondagaon');
  expectProblem(
    await h.post('/programmes/bastar/apply-template', h.tokens.incharge, { templateId: 'public-meeting', stopId: 'kondagaon' }),
    409,
    'stop-cancelled',
  );
  expectProblem(await h.post('/templates', h.tokens.adivasiLead, { ...stopTemplate, id: 'lead' }), 403, 'forbidden-incharge');
});

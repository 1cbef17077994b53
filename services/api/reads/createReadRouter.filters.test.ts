import { idsByOrder } from '@tayari/projections/testing/boardViews';
import { expectProblem, useReadsHarness } from './readsHarness';

/** The read routes over HTTP: board filters (SPEC v2) on the programme and wing boards. */
describe('read endpoints', () => {
  const reads = useReadsHarness();
  const { get, post } = reads;

  describe('board filters (SPEC v2)', () => {
    const ids = (body: { cards: Record<string, unknown> }) => Object.keys(body.cards).sort();
    const duties = (body: { responsibilities: Record<string, unknown> }) => Object.keys(body.responsibilities).sort();
    const q = (text: string) => encodeURIComponent(text);
    let whole: { readiness: unknown; programme: unknown; cards: Record<string, unknown>; responsibilities: Record<string, unknown> };

    beforeAll(async () => {
      await post('/meetings', { id: 'vote', title: 'Booth review', venue: 'Rajiv Bhawan', startsAt: '2018-08-01T10:00:00+05:30', chairs: ['अध्यक्ष'] });
      await post('/programmes/vote/responsibilities', { id: 'publicity', wing: 'youth', duty: 'प्रचार सामग्री', lead: 'रमेश' });
      await post('/programmes/vote/responsibilities', { id: 'seating', wing: 'mahila', duty: 'Seating' });
      await post('/tasks', { id: 'posters', programmeId: 'vote', wing: 'youth', title: 'पोस्टर छपाई', assignee: 'रमेश', dueAt: '2018-06-19T00:00:00Z' });
      await post('/tasks', { id: 'sound', programmeId: 'vote', wing: 'youth', title: 'Sound check', assignee: 'Ravi', responsibilityId: 'publicity' });
      await post('/tasks/sound/status', { status: 'blocked', reason: 'vendor not paid' });
      await post('/tasks', { id: 'chairs', programmeId: 'vote', wing: 'mahila', title: 'Chairs', assignee: 'Sunita' });
      await post('/tasks/chairs/status', { status: 'in_progress' });
      await post('/tasks', { id: 'water', programmeId: 'vote', wing: 'mahila', title: 'पानी की व्यवस्था' });
      const done = await post('/tasks/water/status', { status: 'done' });
      whole = (await get(`/boards/programme/vote?minPosition=${done.position}`)).body;
    });

    it('without a filter: every card, and readiness of the whole programme (overdue puts it at risk 6 weeks out)', () => {
      expect(ids(whole)).toEqual(['chairs', 'posters', 'sound', 'water']);
      expect(whole.readiness).toMatchObject({ total: 4, done: 1, inProgress: 1, blocked: 1, overdue: 1, percent: 25, atRisk: true });
    });

    it.each([
      ['status=todo,blocked', ['posters', 'sound'], ['publicity', 'seating']],
      ['status=done', ['water'], ['publicity', 'seating']],
      [`q=${q('पोस्टर')}`, ['posters'], []],
      [`q=${q('रमेश')}`, ['posters'], ['publicity']],
      [`q=${q('प्रचार')}`, [], ['publicity']],
      ['q=SOUND', ['sound'], []],
      ['q=ravi', ['sound'], []],
      ['overdue=true', ['posters'], ['publicity', 'seating']],
      ['overdue=false', ['chairs', 'posters', 'sound', 'water'], ['publicity', 'seating']],
      ['blocked=true', ['sound'], ['publicity', 'seating']],
      ['wing=mahila', ['chairs', 'water'], ['seating']],
      ['assignee=Sunita', ['chairs'], ['publicity', 'seating']],
      [`assignee=${q('रमेश')}`, ['posters'], ['publicity', 'seating']],
      ['wing=youth&status=blocked', ['sound'], ['publicity']],
      ['status=in_progress,done&q=CH', ['chairs'], []],
      ['assignee=nobody', [], ['publicity', 'seating']],
    ])('?%s narrows the cards (and duties by wing, stop and q); readiness stays whole', async (query, cards, resps) => {
      const res = await get(`/boards/programme/vote?${query}`);
      expect(res.status).toBe(200);
      expect(ids(res.body)).toEqual(cards);
      expect(duties(res.body)).toEqual(resps);
      expect(res.body.readiness).toEqual(whole.readiness);
      expect(res.body.programme).toEqual(whole.programme);
      for (const id of cards) expect(res.body.cards[id]).toEqual(whole.cards[id]);
    });

    it('filters by stop on a tour', async () => {
      const res = await get('/boards/programme/bastar?stop=jagdalpur');
      expect(ids(res.body)).toEqual(['buses']);
      expect(duties(res.body)).toEqual(['crowd']);
      expect(ids((await get('/boards/programme/bastar?stop=elsewhere')).body)).toEqual([]);
    });

    it('takes minPosition with the filters', async () => {
      const head = await reads.events.headPosition();
      const res = await get(`/boards/programme/vote?minPosition=${head}&status=todo,blocked&q=${q('पोस्टर')}`);
      expect(res.status).toBe(200);
      expect(res.body.position).toBe(head);
      expect(ids(res.body)).toEqual(['posters']);
    });

    it('filters the wing board too', async () => {
      const all = await get('/boards/wing/youth');
      expect(Object.keys(all.body.cards).sort()).toEqual(['posters', 'sound', 'stage']);
      const blocked = await get('/boards/wing/youth?status=todo,blocked&blocked=true');
      expect(Object.keys(blocked.body.cards)).toEqual(['sound']);
      expect(blocked.body.cards.sound).toMatchObject({ programmeId: 'vote', status: 'blocked', blockedReason: 'vendor not paid' });
      expect(blocked.body.readiness).toEqual(all.body.readiness);
      expect(blocked.body.programmes).toEqual(all.body.programmes);
      const devanagari = await get(`/boards/wing/youth?q=${q('छपाई')}`);
      expect(Object.keys(devanagari.body.cards)).toEqual(['posters']);
      expect(Object.keys(devanagari.body.responsibilities)).toEqual([]);
      expect(Object.keys((await get('/boards/wing/youth?overdue=true')).body.cards)).toEqual(['posters']);
    });

    it('sorting cards by order gives due time, then logging order', async () => {
      const res = await get('/boards/programme/vote');
      expect(idsByOrder(res.body.cards)).toEqual(['posters', 'sound', 'chairs', 'water']);
    });

    it.each([
      ['status=nope', 'status'],
      ['status=todo,nope', 'status'],
      ['status=', 'status'],
      ['overdue=yes', 'overdue'],
      ['blocked=1', 'blocked'],
      ['wing=', 'wing'],
      ['wing=youth&wing=mahila', 'wing'],
      ['status=todo&status=done', 'status'],
      [`q=${'x'.repeat(201)}`, 'q'],
      ['colour=red', 'colour'],
      ['columns=todo', 'columns'],
    ])('refuses ?%s with 400 problem+json naming the parameter', async (query, field) => {
      for (const path of ['/boards/programme/vote', '/boards/wing/youth']) {
        const res = await get(`${path}?${query}`);
        expectProblem(res, 400, 'invalid-query');
        const paths: string[] = JSON.parse(res.text).errors.map((e: { path: string }) => e.path);
        expect(paths.some((path) => path === field || path.startsWith(`${field}.`))).toBe(true);
      }
    });

    it('an unknown programme or wing is still 404 with a valid filter, and a bad filter is 400 before that', async () => {
      expectProblem(await get('/boards/programme/nope?status=todo'), 404, 'programme-not-found');
      expectProblem(await get('/boards/wing/nope?q=x'), 404, 'wing-not-found');
      expectProblem(await get('/boards/programme/nope?status=nope'), 400, 'invalid-query');
    });
  });
});

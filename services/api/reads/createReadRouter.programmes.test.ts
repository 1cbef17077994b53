import request from 'supertest';
import { PROJECTIONS } from '@tayari/projections/registry/readModels';
import { idsByOrder, nullPaths } from '@tayari/projections/testing/boardViews';
import { sequentialIdGenerator } from '@tayari/shared/common/ids';
import { TokenVerifier } from '../auth/TokenVerifier';
import { createApi } from '../createApi';
import { createHealthRouter } from './createHealthRouter';
import { expectProblem, SECRET, useReadsHarness } from './readsHarness';

/**
 * The read routes over HTTP, part one: health, tokens, `?minPosition`, the wing catalogue, programmes
 * (the list, one programme, its history) and the readiness board. Boards are in
 * createReadRouter.boards.test.ts, their filters in createReadRouter.filters.test.ts.
 */
describe('read endpoints', () => {
  const reads = useReadsHarness();
  const { get, post, clock } = reads;

  describe('GET /api/health (open)', () => {
    it('answers ok with the store kinds, the head position and each projection', async () => {
      const res = await request(reads.app).get('/api/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'ok',
        eventStore: 'sqlite',
        readStore: 'sqlite',
        position: reads.last,
        projections: Object.fromEntries(PROJECTIONS.map((name) => [name, { position: reads.last }])),
      });
    });

    it('is degraded (503) when the projections stopped or the event store does not answer', async () => {
      const broken = createApi({
        store: reads.events,
        clock,
        ids: sequentialIdGenerator('x'),
        verifier: new TokenVerifier(SECRET),
        open: createHealthRouter({
          events: { kind: 'sqlite', headPosition: () => Promise.reject(new Error('gone')) },
          readSide: { readStoreKind: 'sqlite', healthy: () => false, projections: async () => ({}) },
        }),
      });
      const res = await request(broken).get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'degraded', position: null });
    });
  });

  it('needs a token for every other read', async () => {
    expectProblem(await request(reads.app).get('/api/boards/readiness'), 401, 'unauthorized');
  });

  describe('?minPosition', () => {
    it("reads one's own write: a programme created just before is there", async () => {
      const created = await post('/meetings', { id: 'fresh', title: 'Fresh', venue: 'V', startsAt: '2018-07-02T10:00:00+05:30', chairs: ['A'] });
      const res = await get(`/programmes/fresh?minPosition=${created.position}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: 'fresh', position: created.position, version: 1 });
      const board = await get(`/boards/readiness?minPosition=${created.position}`);
      expect(Object.keys(board.body.programmes)).toContain('fresh');
    });

    it('answers 504 projection-lagging when the models do not get there in time', async () => {
      const started = Date.now();
      const res = await get('/boards/readiness?minPosition=999999');
      expectProblem(res, 504, 'projection-lagging');
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('answers 400 for something that is not a position', async () => {
      expectProblem(await get('/wings?minPosition=abc'), 400, 'invalid-position');
      expectProblem(await get('/programmes/bastar/history?after=x1'), 400, 'invalid-position');
    });
  });

  it('GET /api/wings: the catalogue', async () => {
    await post('/wings', { code: 'legal-cell', name: { en: 'Legal cell', hi: 'विधि प्रकोष्ठ' }, kind: 'cell' });
    const res = await get(`/wings?minPosition=${await reads.events.headPosition()}`);
    expect(res.status).toBe(200);
    expect(res.body.wings).toHaveLength(13);
    expect(res.body.wings[0]).toEqual({ code: 'adivasi', name: { en: 'Tribal wing (Adivasi Congress)', hi: 'आदिवासी कांग्रेस' }, kind: 'morcha' });
    expect(res.body.wings[12].name.hi).toBe('विधि प्रकोष्ठ');
  });

  describe('GET /api/programmes', () => {
    it('lists programmes in time order with readiness', async () => {
      const res = await get('/programmes');
      expect(res.status).toBe(200);
      expect(res.body.programmes.map((p: { id: string }) => p.id)).toEqual(['bastar', 'review', 'fresh']);
      expect(res.body.programmes[0]).toMatchObject({
        kind: 'tour',
        title: 'बस्तर दौरा',
        startsAt: '2018-06-21T05:30:00.000Z',
        endsAt: '2018-06-21T08:30:00.000Z',
        readiness: { total: 2, done: 1, percent: 50 },
      });
    });

    it('filters by kind and time', async () => {
      expect((await get('/programmes?kind=meeting')).body.programmes.map((p: { id: string }) => p.id)).toEqual(['review', 'fresh']);
      const range = await get(`/programmes?from=${encodeURIComponent('2018-06-30T00:00:00+05:30')}&to=${encodeURIComponent('2018-07-02T00:00:00+05:30')}`);
      expect(range.body.programmes.map((p: { id: string }) => p.id)).toEqual(['review']);
    });

    it.each([
      ['kind=rally', 'kind'],
      ['from=yesterday', 'from'],
      ['from=2018-06-30T00:00:00Z&to=2018-06-29T00:00:00Z', 'to'],
      ['colour=red', 'colour'],
      ['kind=tour&kind=meeting', 'kind'],
    ])('refuses ?%s with 400', async (query, field) => {
      const res = await get(`/programmes?${query}`);
      expectProblem(res, 400, 'invalid-query');
      expect(JSON.parse(res.text).errors.map((e: { path: string }) => e.path)).toContain(field);
    });
  });

  describe('GET /api/programmes/{id}', () => {
    it('answers the tour with its stops, version and ETag', async () => {
      const res = await get('/programmes/bastar');
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toEqual({
        position: expect.any(String),
        id: 'bastar',
        kind: 'tour',
        version: 2,
        title: 'बस्तर दौरा',
        status: 'planned',
        timeZone: 'Asia/Kolkata',
        leader: 'नेता जी',
        region: 'Bastar',
        stops: [
          {
            id: 'jagdalpur',
            place: 'Jagdalpur',
            district: 'Bastar',
            venue: 'Lalbagh',
            startsAt: '2018-06-21T05:30:00.000Z',
            endsAt: '2018-06-21T08:30:00.000Z',
            timeZone: 'Asia/Kolkata',
            hostWing: 'adivasi',
            cancelled: false,
          },
        ],
      });
    });

    it('answers 304 to If-None-Match with the current ETag', async () => {
      const res = await get('/programmes/bastar').set('If-None-Match', '"2"');
      expect(res.status).toBe(304);
      expect((await get('/programmes/bastar').set('If-None-Match', '"1"')).status).toBe(200);
    });

    it('answers 404 for an unknown programme', async () => {
      expectProblem(await get('/programmes/nope'), 404, 'programme-not-found');
    });
  });

  it('GET /api/boards/readiness: programmes not ended, keyed by id, ordered by start', async () => {
    const res = await get('/boards/readiness');
    expect(res.status).toBe(200);
    expect(res.body.position).toEqual(expect.any(String));
    expect(idsByOrder(res.body.programmes)).toEqual(['bastar', 'review', 'fresh']);
    expect(res.body.programmes.bastar).toMatchObject({ id: 'bastar', leader: 'नेता जी', timeZone: 'Asia/Kolkata', districts: ['Bastar'] });
    expect(res.body.programmes.bastar).not.toHaveProperty('venue');
    expect(res.body.programmes.review).not.toHaveProperty('leader');
    expect(res.body.programmes.bastar.readiness.byWing).toMatchObject({ adivasi: { total: 1 }, youth: { total: 1, done: 1 } });
    expect(nullPaths(res.body)).toEqual([]);
    // GET /api/programmes stays a list.
    expect(Array.isArray((await get('/programmes')).body.programmes)).toBe(true);
  });

  it('GET /api/boards/readiness takes no board filter', async () => {
    expectProblem(await get('/boards/readiness?wing=adivasi'), 400, 'invalid-query');
  });

  describe('GET /api/programmes/{id}/history', () => {
    it('pages the programme events by position with after, limit and next', async () => {
      const first = await get('/programmes/bastar/history?limit=4');
      expect(first.status).toBe(200);
      expect(first.body.events.map((e: { type: string }) => e.type)).toEqual(['TourPlanned', 'StopAdded', 'ResponsibilityAssigned', 'TaskLogged']);
      expect(first.body.events[0]).toEqual({
        position: '1',
        type: 'TourPlanned',
        at: '2018-06-20T00:00:00.000Z',
        actor: { sub: 'u1', name: 'प्रभारी', role: 'incharge' },
        data: { tourId: 'bastar', title: 'बस्तर दौरा', leader: 'नेता जी', region: 'Bastar' },
      });
      expect(first.body.next).toBe('4');
      const rest = await get(`/programmes/bastar/history?after=${first.body.next}`);
      expect(rest.body.events.map((e: { type: string }) => e.type)).toEqual([
        'TaskLogged',
        'TaskCompleted',
        'TaskNoteAdded',
        'TaskNoteAdded',
        'TaskNoteAdded',
        'TaskNoteAdded',
        'TaskNoteAdded',
      ]);
      expect(rest.body.next).toBeUndefined();
    });

    it('refuses a bad limit, and answers 404 for an unknown programme', async () => {
      expectProblem(await get('/programmes/bastar/history?limit=0'), 400, 'invalid-query');
      expectProblem(await get('/programmes/bastar/history?limit=5000'), 400, 'invalid-query');
      expectProblem(await get('/programmes/bastar/history?limit=ten'), 400, 'invalid-query');
      expectProblem(await get('/programmes/nope/history'), 404, 'programme-not-found');
    });
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { ManualClock } from '@tayari/shared/common/clock';
import { sequentialIdGenerator } from '@tayari/shared/common/ids';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { SqliteReadStore } from '@tayari/shared/readstore/sqlite/SqliteReadStore';
import { ReadModels } from '@tayari/projections/ReadModels';
import { columnIds, idsByOrder, nullPaths } from '@tayari/projections/testing/boardViews';
import { TokenVerifier } from '../auth/TokenVerifier';
import { PROJECTIONS } from '@tayari/projections/registry/readModels';
import { createApi } from '../createApi';
import { createHealthRouter } from './createHealthRouter';
import { createReadRouter } from './createReadRouter';

const SECRET = 'reads-test-secret-0123456789abcdefghijklmn';

describe('read endpoints', () => {
  let folder: string;
  let events: SqliteEventStore;
  let readStore: SqliteReadStore;
  let models: ReadModels;
  let app: Express;
  let token: string;
  const clock = new ManualClock('2018-06-20T00:00:00.000Z');

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-reads-'));
    events = await SqliteEventStore.open({ file: path.join(folder, 'events.db'), writer: 'inline', lock: false, now: () => clock.now() });
    readStore = new SqliteReadStore({ file: path.join(folder, 'read.db') });
    models = await ReadModels.start({ events, readStore, clock });
    const verifier = new TokenVerifier(SECRET, () => clock.now());
    token = await verifier.issue({ sub: 'u1', name: 'प्रभारी', role: 'incharge' }, 30 * 24 * 3600);
    app = createApi({
      store: events,
      clock,
      ids: sequentialIdGenerator('id'),
      verifier,
      reads: createReadRouter({ readSide: models, minPositionTimeoutMs: 150 }),
      open: createHealthRouter({ events, readSide: models }),
      logError: (error) => {
        throw error;
      },
    });
  });

  afterAll(async () => {
    await models.stop();
    await events.close();
    await readStore.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const get = (url: string) => request(app).get(`/api${url}`).set('Authorization', `Bearer ${token}`);
  async function post(url: string, body: object): Promise<{ id: string; version: number; position: string }> {
    const res = await request(app).post(`/api${url}`).set('Authorization', `Bearer ${token}`).send(body);
    if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const expectProblem = (res: request.Response, status: number, type: string) => {
    expect(res.status).toBe(status);
    expect(res.type).toBe('application/problem+json');
    expect(JSON.parse(res.text)).toMatchObject({ status, type: `/problems/${type}` });
  };

  // One programme set-up for the whole file, made through the command API.
  let last = '0';
  beforeAll(async () => {
    await post('/tours', { id: 'bastar', title: 'बस्तर दौरा', leader: 'नेता जी', region: 'Bastar' });
    await post('/tours/bastar/stops', {
      stopId: 'jagdalpur',
      place: 'Jagdalpur',
      district: 'Bastar',
      venue: 'Lalbagh',
      startsAt: '2018-06-21T11:00:00+05:30',
      endsAt: '2018-06-21T14:00:00+05:30',
      hostWing: 'adivasi',
    });
    await post('/programmes/bastar/responsibilities', { id: 'crowd', wing: 'adivasi', duty: 'crowd mobilisation', stopId: 'jagdalpur' });
    await post('/tasks', {
      id: 'buses',
      programmeId: 'bastar',
      stopId: 'jagdalpur',
      responsibilityId: 'crowd',
      wing: 'adivasi',
      title: 'बसों की व्यवस्था',
      dueAt: '2018-06-20T12:00:00+05:30',
    });
    await post('/tasks', { id: 'stage', programmeId: 'bastar', wing: 'youth', title: 'Stage', assignee: 'Ravi' });
    await post('/tasks/stage/status', { status: 'done', note: 'ready' });
    await post('/meetings', { id: 'review', title: 'Review', venue: 'Rajiv Bhawan', startsAt: '2018-07-01T10:00:00+05:30', chairs: ['अध्यक्ष'] });
    for (let i = 0; i < 5; i++) last = (await post('/tasks/buses/notes', { text: `note ${i}` })).position;
    await models.waitFor(last, 5000);
  });

  describe('GET /api/health (open)', () => {
    it('answers ok with the store kinds, the head position and each projection', async () => {
      const res = await request(app).get('/api/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'ok',
        eventStore: 'sqlite',
        readStore: 'sqlite',
        position: last,
        projections: Object.fromEntries(PROJECTIONS.map((name) => [name, { position: last }])),
      });
    });

    it('is degraded (503) when the projections stopped or the event store does not answer', async () => {
      const broken = createApi({
        store: events,
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
    expectProblem(await request(app).get('/api/boards/readiness'), 401, 'unauthorized');
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
    const res = await get(`/wings?minPosition=${await events.headPosition()}`);
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

  describe('GET /api/boards/programme/{id}', () => {
    it('answers cards and responsibilities keyed by id, and readiness, overdue following the clock', async () => {
      const res = await get('/boards/programme/bastar');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.cards).sort()).toEqual(['buses', 'stage']);
      expect(res.body.cards.buses).toEqual({
        id: 'buses',
        title: 'बसों की व्यवस्था',
        wing: 'adivasi',
        status: 'todo',
        dueAt: '2018-06-20T06:30:00.000Z',
        overdue: false,
        stopId: 'jagdalpur',
        stopCancelled: false,
        responsibilityId: 'crowd',
        lastChange: { at: '2018-06-20T00:00:00.000Z', by: 'प्रभारी', type: 'TaskNoteAdded' },
        version: 6,
        order: expect.stringMatching(/^2018-06-20T06:30:00\.000Z \d+$/),
        notes: 5,
        lastNote: { text: 'note 4', at: '2018-06-20T00:00:00.000Z', by: 'प्रभारी' },
      });
      expect(columnIds(res.body, 'todo')).toEqual(['buses']);
      expect(columnIds(res.body, 'done')).toEqual(['stage']);
      expect(res.body.cards.stage).toMatchObject({ assignee: 'Ravi', lastChange: { type: 'TaskCompleted' }, lastNote: { text: 'ready' } });
      expect(res.body.cards.stage).not.toHaveProperty('dueAt');
      expect(res.body.responsibilities).toEqual({
        crowd: {
          id: 'crowd',
          wing: 'adivasi',
          duty: 'crowd mobilisation',
          stopId: 'jagdalpur',
          acknowledged: false,
          givenAt: '2018-06-20T00:00:00.000Z',
          cancelled: false,
          version: 1,
          order: expect.any(String),
        },
      });
      expect(res.body.readiness).toMatchObject({ total: 2, done: 1, overdue: 0, atRisk: true, byStop: { jagdalpur: { total: 1 } } });
      expect(res.body.programme).toMatchObject({ id: 'bastar', phase: 'upcoming', startsAt: '2018-06-21T05:30:00.000Z', timeZone: 'Asia/Kolkata' });
      expect(nullPaths(res.body)).toEqual([]);

      clock.set('2018-06-20T07:00:00.000Z');
      const later = await get('/boards/programme/bastar');
      expect(later.body.cards.buses.overdue).toBe(true);
      expect(later.body.readiness.overdue).toBe(1);
      clock.set('2018-06-20T00:00:00.000Z');
    });

    it('answers 404 for an unknown programme', async () => {
      expectProblem(await get('/boards/programme/nope'), 404, 'programme-not-found');
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

  describe('GET /api/boards/wing/{wing}', () => {
    it("answers the wing's responsibilities, cards and programmes keyed by id, with readiness", async () => {
      const res = await get('/boards/wing/adivasi');
      expect(res.status).toBe(200);
      expect(res.body.wing.code).toBe('adivasi');
      expect(Object.values(res.body.cards).map((t) => [(t as { id: string }).id, (t as { programmeId: string }).programmeId])).toEqual([['buses', 'bastar']]);
      expect(Object.keys(res.body.responsibilities)).toEqual(['crowd']);
      expect(res.body.responsibilities.crowd).toMatchObject({ programmeId: 'bastar', wing: 'adivasi' });
      expect(Object.keys(res.body.programmes)).toEqual(['bastar']);
      expect(res.body.programmes.bastar).toMatchObject({
        id: 'bastar',
        kind: 'tour',
        title: 'बस्तर दौरा',
        readiness: { total: 1, done: 0 },
        order: expect.any(String),
      });
      expect(res.body.readiness).toMatchObject({ total: 1, percent: 0, atRisk: true });
      expect(nullPaths(res.body)).toEqual([]);
    });

    it('answers an empty board for a catalogue wing with no work, and 404 for an unknown wing', async () => {
      const kisan = (await get('/boards/wing/kisan')).body;
      expect({ cards: kisan.cards, responsibilities: kisan.responsibilities, programmes: kisan.programmes }).toEqual({
        cards: {},
        responsibilities: {},
        programmes: {},
      });
      expectProblem(await get('/boards/wing/nope'), 404, 'wing-not-found');
    });
  });

  describe('GET /api/boards/attention', () => {
    it('answers the lists worst first, takes the wing filter, refuses other parameters', async () => {
      const res = await get('/boards/attention');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['blocked', 'overdue', 'position', 'programmes', 'unacknowledged', 'wings']);
      expect(res.body.unacknowledged.map((r: { id: string; sinceMs: number }) => r.id)).toEqual(['crowd']);
      expect(res.body.unacknowledged[0].sinceMs).toBeGreaterThanOrEqual(0);
      expect(res.body.wings.map((w: { wing: string }) => w.wing)).toContain('adivasi');
      const none = await get('/boards/attention?wing=kisan');
      expect({ unacknowledged: none.body.unacknowledged, wings: none.body.wings }).toEqual({ unacknowledged: [], wings: [] });
      expectProblem(await get('/boards/attention?status=todo'), 400, 'invalid-query');
      expect(nullPaths(res.body)).toEqual([]);
    });
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
      const head = await events.headPosition();
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

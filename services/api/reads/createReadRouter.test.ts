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
import { TokenVerifier } from '../auth/TokenVerifier';
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
    await post('/tours/bastar/stops', { stopId: 'jagdalpur', place: 'Jagdalpur', district: 'Bastar', venue: 'Lalbagh', startsAt: '2018-06-21T11:00:00+05:30', endsAt: '2018-06-21T14:00:00+05:30', hostWing: 'adivasi' });
    await post('/programmes/bastar/responsibilities', { id: 'crowd', wing: 'adivasi', duty: 'crowd mobilisation', stopId: 'jagdalpur' });
    await post('/tasks', { id: 'buses', programmeId: 'bastar', stopId: 'jagdalpur', responsibilityId: 'crowd', wing: 'adivasi', title: 'बसों की व्यवस्था', dueAt: '2018-06-20T12:00:00+05:30' });
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
        projections: { programmes: { position: last }, wings: { position: last }, catalogue: { position: last }, history: { position: last } },
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
      expect(board.body.programmes.map((p: { id: string }) => p.id)).toContain('fresh');
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
            hostWing: 'adivasi',
            cancelled: false,
            cancelReason: null,
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
    it('answers columns of cards, responsibilities and readiness, overdue following the clock', async () => {
      const res = await get('/boards/programme/bastar');
      expect(res.status).toBe(200);
      expect(res.body.columns.todo).toEqual([
        {
          id: 'buses',
          title: 'बसों की व्यवस्था',
          wing: 'adivasi',
          assignee: null,
          dueAt: '2018-06-20T06:30:00.000Z',
          overdue: false,
          stopId: 'jagdalpur',
          responsibilityId: 'crowd',
          blockedReason: null,
          version: 6,
          status: 'todo',
          notes: 5,
          lastNote: { text: 'note 4', at: '2018-06-20T00:00:00.000Z', by: 'प्रभारी' },
        },
      ]);
      expect(res.body.columns.done.map((c: { id: string }) => c.id)).toEqual(['stage']);
      expect(res.body.responsibilities).toMatchObject([{ id: 'crowd', wing: 'adivasi', acknowledged: false }]);
      expect(res.body.readiness).toMatchObject({ total: 2, done: 1, overdue: 0, atRisk: true, byStop: { jagdalpur: { total: 1 } } });
      expect(res.body.programme).toMatchObject({ id: 'bastar', phase: 'upcoming', startsAt: '2018-06-21T05:30:00.000Z' });

      clock.set('2018-06-20T07:00:00.000Z');
      const later = await get('/boards/programme/bastar');
      expect(later.body.columns.todo[0].overdue).toBe(true);
      expect(later.body.readiness.overdue).toBe(1);
      clock.set('2018-06-20T00:00:00.000Z');
    });

    it('answers 404 for an unknown programme', async () => {
      expectProblem(await get('/boards/programme/nope'), 404, 'programme-not-found');
    });
  });

  it('GET /api/boards/readiness: programmes not ended, by start', async () => {
    const res = await get('/boards/readiness');
    expect(res.status).toBe(200);
    expect(res.body.position).toEqual(expect.any(String));
    expect(res.body.programmes.map((p: { id: string }) => p.id)).toEqual(['bastar', 'review', 'fresh']);
    expect(res.body.programmes[0].readiness.byWing).toMatchObject({ adivasi: { total: 1 }, youth: { total: 1, done: 1 } });
  });

  describe('GET /api/boards/wing/{wing}', () => {
    it("answers the wing's responsibilities and tasks across programmes, with readiness", async () => {
      const res = await get('/boards/wing/adivasi');
      expect(res.status).toBe(200);
      expect(res.body.wing.code).toBe('adivasi');
      expect(res.body.tasks.map((t: { id: string; programmeId: string }) => [t.id, t.programmeId])).toEqual([['buses', 'bastar']]);
      expect(res.body.responsibilities.map((r: { id: string }) => r.id)).toEqual(['crowd']);
      expect(res.body.programmes).toMatchObject([{ id: 'bastar', kind: 'tour', title: 'बस्तर दौरा', readiness: { total: 1, done: 0 } }]);
      expect(res.body.readiness).toMatchObject({ total: 1, percent: 0, atRisk: true });
    });

    it('answers an empty board for a catalogue wing with no work, and 404 for an unknown wing', async () => {
      expect((await get('/boards/wing/kisan')).body).toMatchObject({ tasks: [], responsibilities: [], programmes: [] });
      expectProblem(await get('/boards/wing/nope'), 404, 'wing-not-found');
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
});

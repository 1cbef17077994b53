import { nullPaths, columnIds } from '@tayari/projections/testing/boardViews';
import { expectProblem, useReadsHarness } from './readsHarness';

/** The read routes over HTTP: the programme, wing and attention boards (their filters: createReadRouter.filters.test.ts). */
describe('read endpoints', () => {
  const reads = useReadsHarness();
  const { get, clock } = reads;

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
});

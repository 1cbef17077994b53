import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { ReadModels } from '@tayari/projections/ReadModels';
import { ManualClock } from '@tayari/shared/common/clock';
import { sequentialIdGenerator } from '@tayari/shared/common/ids';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { SqliteReadStore } from '@tayari/shared/readstore/sqlite/SqliteReadStore';
import { TokenVerifier } from '../auth/TokenVerifier';
import { createApi } from '../createApi';
import { createHealthRouter } from './createHealthRouter';
import { createReadRouter } from './createReadRouter';

export const SECRET = 'reads-test-secret-0123456789abcdefghijklmn';

/** The API over embedded stores, for the createReadRouter.*.test.ts files; its fields are set once the suite has started. */
export interface ReadsHarness {
  readonly clock: ManualClock;
  events: SqliteEventStore;
  models: ReadModels;
  app: Express;
  /** The position of the programme set-up's last event. */
  last: string;
  /** A GET under /api as the in-charge. */
  get(url: string): request.Test;
  /** A command under /api as the in-charge; anything but 2xx throws. */
  post(url: string, body: object): Promise<{ id: string; version: number; position: string }>;
}

/**
 * Registers, in the calling describe, hooks that start the API (command and read routes, health) on
 * SQLite stores in a fresh folder at 2018-06-20T00:00Z, and make one programme set-up through the
 * command API: the tour `bastar` (stop `jagdalpur`, duty `crowd`, tasks `buses` with 5 notes and
 * `stage` done) and the meeting `review`.
 */
export function useReadsHarness(): ReadsHarness {
  let folder: string;
  let readStore: SqliteReadStore;
  let token: string;
  const clock = new ManualClock('2018-06-20T00:00:00.000Z');
  const h = {
    clock,
    last: '0',
    get: (url: string) => request(h.app).get(`/api${url}`).set('Authorization', `Bearer ${token}`),
    async post(url: string, body: object): Promise<{ id: string; version: number; position: string }> {
      const res = await request(h.app).post(`/api${url}`).set('Authorization', `Bearer ${token}`).send(body);
      if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
  } as ReadsHarness;
  const post = h.post;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-reads-'));
    const events = await SqliteEventStore.open({ file: path.join(folder, 'events.db'), writer: 'inline', lock: false, now: () => clock.now() });
    readStore = new SqliteReadStore({ file: path.join(folder, 'read.db') });
    const models = await ReadModels.start({ events, readStore, clock });
    const verifier = new TokenVerifier(SECRET, () => clock.now());
    token = await verifier.issue({ sub: 'u1', name: 'प्रभारी', role: 'incharge' }, 30 * 24 * 3600);
    h.events = events;
    h.models = models;
    h.app = createApi({
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

    // One programme set-up for the whole file, made through the command API.
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
    for (let i = 0; i < 5; i++) h.last = (await post('/tasks/buses/notes', { text: `note ${i}` })).position;
    await models.waitFor(h.last, 5000);
  });

  afterAll(async () => {
    await h.models?.stop();
    await h.events?.close();
    await readStore?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  return h;
}

export const expectProblem = (res: request.Response, status: number, type: string) => {
  expect(res.status).toBe(status);
  expect(res.type).toBe('application/problem+json');
  expect(JSON.parse(res.text)).toMatchObject({ status, type: `/problems/${type}` });
};

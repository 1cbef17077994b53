import { LiveTestClient, type Received } from '@tayari/live/testing/LiveTestClient';
import { driveFixtures, person } from '../api/driveFixtures';
import { startApi, type ApiHarness } from '../support/apiHarness';

/** The live board `drive:<id>` (SPEC v2): a snapshot, then counters as small merge patches, even for a burst. */

let h: ApiHarness;
let f: ReturnType<typeof driveFixtures>;
let watcher: LiveTestClient;

beforeAll(async () => {
  h = await startApi({ idPrefix: 'dlive' });
  f = driveFixtures(h);
  await f.launch('dl', { 'cg-bastar': 300, 'cg-raipur': 100, 'cg-durg': 50 });
  watcher = await LiveTestClient.connect(`${h.tayari.url.replace(/^http/, 'ws')}/ws?token=${h.tokens.observer}`);
});
afterAll(async () => {
  watcher.ws.terminate();
  await h.close();
});

const reaching = (position: string) =>
  watcher.next((m: Received) => m.board === 'drive:dl' && m.position !== undefined && h.tayari.boards.comparePositions(m.position, position) >= 0, 10_000);

test('a snapshot equal to the GET, then one enrolment as a patch of the counters it moved', async () => {
  watcher.subscribe('drive:dl');
  const snapshot = await watcher.next((m) => m.board === 'drive:dl');
  expect(snapshot.type).toBe('snapshot');
  expect(snapshot.data).toEqual((await h.get(`/drives/dl/board?minPosition=${snapshot.position}`, h.tokens.observer)).body);

  const enrolled = await f.enrol('dl', 'first', 1);
  const patch = await reaching(enrolled.position);
  expect(patch.type).toBe('patch');
  expect(patch.patch).toMatchObject({ total: 1, byUnit: { 'cg-bastar': { enrolled: 1 } }, perDay: [{ date: '2018-06-01', enrolled: 1 }] });
  expect(patch.patch).toMatchObject({ byEnroller: [{ sub: 'u-adivasi-lead', enrolled: 1 }] });
  expect(watcher.boardAt('drive:dl')?.data).toEqual((await h.get(`/drives/dl/board?minPosition=${enrolled.position}`, h.tokens.observer)).body);
});

test('a burst of 200 enrolments through the batch endpoint: small patches, no names, the board ends equal to the GET', async () => {
  const commands = Array.from({ length: 200 }, (_, i) => ({
    method: 'POST',
    path: '/api/drives/dl/enrolments',
    body: { id: `b${i}`, unit: i % 2 === 0 ? 'cg-bastar' : 'cg-raipur', ...person(1000 + i), consent: true },
    idempotencyKey: `burst-${i}`,
  }));
  const from = watcher.received.length;
  const sent = Date.now();
  const res = await h.post('/commands/batch', h.tokens.adivasiLead, { commands });
  expect(res.status).toBe(200);
  const head = (await h.tayari.store.headPosition()) ?? '0';
  const last = await watcher.next(
    (m: Received) => m.board === 'drive:dl' && m.position !== undefined && h.tayari.boards.comparePositions(m.position, head) >= 0,
    10_000,
    from,
  );
  const patches = watcher.received.slice(from).filter((m) => m.board === 'drive:dl' && watcher.received.indexOf(m) <= watcher.received.indexOf(last));
  const elapsed = Date.now() - sent;
  expect(patches.every((p) => p.type === 'patch')).toBe(true);
  for (const p of patches) {
    const bytes = JSON.stringify(p.patch).length;
    expect(bytes).toBeLessThan(1500);
    expect(JSON.stringify(p)).not.toContain('सुनीता');
  }
  const board = (await h.get(`/drives/dl/board?minPosition=${head}`, h.tokens.observer)).body;
  expect(watcher.boardAt('drive:dl')?.data).toEqual(board);
  expect(board).toMatchObject({
    total: 201,
    target: 450,
    percent: 45,
    byUnit: { 'cg-bastar': { enrolled: 101, rank: 2 }, 'cg-raipur': { enrolled: 100, rank: 1 } },
  });
  console.log(
    `200 enrolments in one batch: ${patches.length} patches of ${patches.map((p) => JSON.stringify(p.patch).length).join(', ')} bytes, ${elapsed} ms to the last`,
  );
});

test('an unknown drive has no board: the subscription is refused, the GET is 404', async () => {
  const from = watcher.received.length;
  watcher.subscribe('drive:nope');
  expect(await watcher.next((m: Received) => m.type === 'error', 5000, from)).toMatchObject({ type: 'error' });
  expect((await h.get('/drives/nope/board', h.tokens.observer)).status).toBe(404);
});

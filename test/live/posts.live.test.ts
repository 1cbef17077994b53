import { LiveTestClient, type Received } from '@tayari/live/testing/LiveTestClient';
import { postFixtures } from '../api/postFixtures';
import { startApi, type ApiHarness } from '../support/apiHarness';

/** The live `posts` board (SPEC v2): a snapshot, then each change as a merge patch, filters included. */

let h: ApiHarness;
let f: ReturnType<typeof postFixtures>;
let wsUrl: string;
const clients: LiveTestClient[] = [];

const connect = async () => {
  const client = await LiveTestClient.connect(wsUrl);
  clients.push(client);
  return client;
};
/** The first message about the posts board that reflects at least `position`. */
const reaching = (client: LiveTestClient, position: string) =>
  client.next((m: Received) => m.board === 'posts' && m.position !== undefined && h.tayari.boards.comparePositions(m.position, position) >= 0, 5000);

beforeAll(async () => {
  h = await startApi({ idPrefix: 'plive' });
  f = postFixtures(h);
  wsUrl = `${h.tayari.url.replace(/^http/, 'ws')}/ws?token=${h.tokens.observer}`;
  await f.post('bastar-adivasi', 'cg-bastar', 'adivasi');
  await f.post('raipur-youth', 'cg-raipur', 'youth');
  await f.propose('bastar-adivasi', 'kunjam');
});
afterAll(async () => {
  for (const client of clients) client.ws.terminate();
  await h.close();
});

test('a snapshot equal to the GET, then a recommendation arrives as a small patch that moves the nomination', async () => {
  const watcher = await connect();
  watcher.subscribe('posts');
  const snapshot = await watcher.next((m) => m.board === 'posts');
  expect(snapshot.type).toBe('snapshot');
  expect(snapshot.data).toEqual((await h.get(`/boards/posts?minPosition=${snapshot.position}`, h.tokens.observer)).body);

  const moved = await f.recommend('kunjam');
  const patch = await reaching(watcher, moved.position);
  expect(patch.type).toBe('patch');
  expect(patch.patch).toEqual({
    position: moved.position,
    posts: {
      'bastar-adivasi': {
        version: moved.version,
        lastChange: expect.objectContaining({ type: 'NominationRecommended' }),
        nominations: { proposed: null, recommended: { kunjam: expect.objectContaining({ nominee: 'Nominee kunjam' }) } },
      },
    },
  });
  expect(watcher.boardAt('posts')?.data).toEqual((await h.get(`/boards/posts?minPosition=${moved.position}`, h.tokens.observer)).body);
});

test('a filtered watcher sees a post enter its filter, and an appointment reorder the posts', async () => {
  const watcher = await connect();
  watcher.send({ type: 'subscribe', board: 'posts', filter: { unit: 'cg-bastar', stage: ['approved', 'appointed'] } });
  const snapshot = await watcher.next((m) => m.board === 'posts');
  expect(snapshot.data).toMatchObject({ posts: {} });

  const approved = await f.approve('kunjam');
  const entered = await reaching(watcher, approved.position);
  expect(entered.patch).toMatchObject({ posts: { 'bastar-adivasi': { status: 'vacant', nominations: { approved: { kunjam: { id: 'kunjam' } } } } } });

  const appointed = await f.appoint('bastar-adivasi', 'kunjam');
  const filled = await reaching(watcher, appointed.position);
  expect(filled.patch).toMatchObject({
    posts: { 'bastar-adivasi': { status: 'filled', holder: { nominationId: 'kunjam' }, order: expect.stringMatching(/^1:/) } },
  });
  const query = `minPosition=${appointed.position}&unit=cg-bastar&stage=approved,appointed`;
  expect(watcher.boardAt('posts')?.data).toEqual((await h.get(`/boards/posts?${query}`, h.tokens.observer)).body);
});

test('a filter the posts board does not take is refused, and the others do not take stage', async () => {
  const watcher = await connect();
  watcher.send({ type: 'subscribe', board: 'posts', filter: { status: 'todo' } });
  expect(await watcher.next((m) => m.type === 'error')).toMatchObject({ code: 'bad-message' });
  watcher.send({ type: 'subscribe', board: 'attention', filter: { stage: 'proposed' } });
  expect(await watcher.next((m) => m.type === 'error' && m.board === 'attention')).toMatchObject({ code: 'bad-message' });
});

import { LiveTestClient, type Received } from '@tayari/live/testing/LiveTestClient';
import { fixtures, ist, type Fixtures } from '../api/fixtures';
import { addPerson } from '../api/peopleFixtures';
import { expectAnswer, startApi, type ApiHarness } from '../support/apiHarness';

/** The live `mine` board (SPEC v2 "people and access"): each connection watches its own person's tasks, and only those. */

let h: ApiHarness;
let f: Fixtures;
let kamla: string;
let ravi: string;
const clients: LiveTestClient[] = [];

const connect = async (token: string) => {
  const client = await LiveTestClient.connect(`${h.tayari.url.replace(/^http/, 'ws')}/ws?token=${token}`);
  clients.push(client);
  return client;
};
/** The first message about `mine` that reflects at least `position`. */
const reaching = (client: LiveTestClient, position: string) =>
  client.next((m: Received) => m.board === 'mine' && m.position !== undefined && h.tayari.boards.comparePositions(m.position, position) >= 0, 5000);
const mineOf = async (token: string, position: string) => (await h.get(`/boards/mine?minPosition=${position}`, token)).body as unknown;

beforeAll(async () => {
  h = await startApi({ idPrefix: 'mlive' });
  f = fixtures(h);
  await f.tour('bastar');
  await f.stop('bastar', 'jagdalpur', 20, '10:00', '13:00');
  await addPerson(h, { id: 'p-kamla', name: 'Kamla Dhruw', role: 'organiser', wing: 'adivasi' });
  await addPerson(h, { id: 'p-ravi', name: 'Ravi Korram', role: 'organiser', wing: 'adivasi' });
  kamla = await h.token({ sub: 'p-kamla', name: 'Kamla Dhruw', role: 'organiser', wing: 'adivasi' });
  ravi = await h.token({ sub: 'p-ravi', name: 'Ravi Korram', role: 'organiser', wing: 'adivasi' });
  await f.task('bastar', 'stage', 'adivasi', { assignee: 'Block president' });
});
afterAll(async () => {
  for (const client of clients) client.ws.terminate();
  await h.close();
});

test('a mine subscriber gets a patch when a task is assigned to them, and nothing about other people’s tasks', async () => {
  const watcher = await connect(kamla);
  watcher.subscribe('mine');
  const snapshot = await watcher.next((m) => m.board === 'mine');
  expect(snapshot).toMatchObject({ type: 'snapshot', data: { person: { id: 'p-kamla', name: 'Kamla Dhruw' }, tasks: {} } });
  expect(snapshot.data).toEqual(await mineOf(kamla, String(snapshot.position)));

  const given = expectAnswer(await h.post('/tasks/stage/assign', h.tokens.incharge, { assignee: { personId: 'p-kamla' } }), 200);
  const patch = await reaching(watcher, given.position);
  expect(patch.type).toBe('patch');
  expect(patch.patch).toMatchObject({ tasks: { stage: { id: 'stage', assignee: { personId: 'p-kamla', name: 'Kamla Dhruw' }, programmeId: 'bastar' } } });
  expect(watcher.boardAt('mine')?.data).toEqual(await mineOf(kamla, given.position));

  // Ravi's task shows on his board, never on hers; her next push is about her own task only.
  const other = await connect(ravi);
  other.subscribe('mine');
  await other.next((m) => m.board === 'mine');
  const seen = watcher.received.length;
  const his = await f.task('bastar', 'tent', 'adivasi', { assignee: { personId: 'p-ravi' } });
  expect((await reaching(other, his.position)).patch).toMatchObject({ tasks: { tent: { id: 'tent' } } });
  const note = expectAnswer(await h.post('/tasks/stage/notes', h.tokens.incharge, { text: 'मंच तैयार' }), 200);
  // Keyed by id: the patch names the one task that changed, and only its changed fields.
  const noted = await reaching(watcher, note.position);
  expect(Object.keys((noted.patch as { tasks: object }).tasks)).toEqual(['stage']);
  expect(JSON.stringify(watcher.received.slice(seen))).not.toContain('tent');
  expect(watcher.received.slice(seen).every((m) => m.board === 'mine')).toBe(true);
  expect(watcher.boardAt('mine')?.data).toEqual(await mineOf(kamla, note.position));

  // Taken from her: the task leaves her board.
  const moved = expectAnswer(await h.post('/tasks/stage/assign', h.tokens.incharge, { assignee: { personId: 'p-ravi' } }), 200);
  expect((await reaching(watcher, moved.position)).patch).toMatchObject({ tasks: { stage: null } });
});

test('a due time passing turns the task overdue on its person’s board (the board clock)', async () => {
  const watcher = await connect(ravi);
  watcher.subscribe('mine');
  await watcher.next((m) => m.board === 'mine');
  const due = await f.task('bastar', 'soon', 'adivasi', { assignee: { personId: 'p-ravi' }, dueAt: ist(1, '12:00') });
  await reaching(watcher, due.position);
  const from = watcher.received.length;
  h.clock.set(new Date(Date.parse(ist(1, '12:00')) + 1000));
  const turned = await watcher.next((m) => m.type === 'patch' && JSON.stringify(m.patch).includes('"overdue":true'), 5000, from);
  expect(turned.board).toBe('mine');
  const held = watcher.boardAt('mine')?.data as { tasks: Record<string, { id: string; overdue: boolean }> } | undefined;
  expect(held?.tasks['soon']).toMatchObject({ id: 'soon', overdue: true });
});

test('another person’s board cannot be named, and mine takes no filter', async () => {
  const watcher = await connect(kamla);
  watcher.subscribe('mine:p-ravi');
  expect(await watcher.next((m) => m.type === 'error')).toMatchObject({ code: 'unknown-board' });
  watcher.send({ type: 'subscribe', board: 'mine', filter: { status: 'todo' } });
  expect(await watcher.next((m) => m.type === 'error' && m.code === 'bad-message')).toMatchObject({ board: 'mine' });
});

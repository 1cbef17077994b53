import { BOARD_CHANGES, BoardChangeEntrySchema } from '@tayari/projections/stored/BoardChangeEntry';
import { nth } from '@tayari/shared/testing/nth';
import { positionsOf } from '@tayari/app/split/positionsOf';
import { startApi, type ApiProcess } from '@tayari/app/split/startApi';
import { startLive, type LiveProcess } from '@tayari/app/split/startLive';
import { startProjector, type ProjectorProcess } from '@tayari/app/split/startProjector';
import { LiveTestClient, type Received } from '@tayari/live/testing/LiveTestClient';
import { embeddedStores, silent, SPLIT_METRICS_TOKEN, type EmbeddedStores } from './splitFixture';

/**
 * The three split compositions (startApi, startProjector, startLive) wired as their entry files wire
 * them, each with its own read side, but on the EMBEDDED stores and in one process: a command taken
 * by the API reaches the API's reads and the live gateway's pushes only through the projector's
 * runner, its commit (with the board-change journal) and each reader's follower. The commit notices
 * come from the projector in-process here; in production they come from MongoDB's change stream,
 * which this test does not exercise (nor EventStoreDB).
 */
describe('split processes on the embedded stores', () => {
  let stores: EmbeddedStores;
  let projector: ProjectorProcess;
  let api: ApiProcess;
  let live: LiveProcess;
  let token: string;
  const clients: LiveTestClient[] = [];
  const positions = positionsOf('sqlite');

  const post = async (path: string, body: unknown): Promise<{ id: string; position: string }> => {
    const response = await fetch(`${api.url}/api${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; position: string };
  };

  const get = async (url: string, bearer?: string): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(url, { headers: bearer ? { Authorization: `Bearer ${bearer}` } : {} });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();

  const reaching = (client: LiveTestClient, board: string, position: string) =>
    client.next((m: Received) => m.board === board && m.position !== undefined && positions.compare(m.position, position) >= 0, 5000);

  beforeAll(async () => {
    stores = await embeddedStores();
    const { events, readStore, config } = stores;
    projector = await startProjector({ events, readStore, config, logger: silent, zeroPosition: positions.zero });
    const commits$ = projector.supervisor.commits$;
    api = await startApi({ events, readStore, commits$, config, logger: silent, zeroPosition: positions.zero });
    live = await startLive({ readStore, commits$, positions, config, logger: silent });
    token = await api.verifier.issue({ sub: 'u-incharge', name: 'प्रभारी Sharma', role: 'incharge' }, 3600);
  });

  afterAll(async () => {
    for (const client of clients) client.ws.terminate();
    await live?.close();
    await api?.close();
    await projector?.close();
    await stores?.close();
  });

  it('serves each process on its own port', () => {
    expect(new Set([new URL(api.url).port, new URL(live.url).port, new URL(projector.url).port]).size).toBe(3);
  });

  it('a command reaches the API reads through the separate runner (?minPosition waits for its commit)', async () => {
    const planned = await post('/tours', { id: 'bastar', title: 'बस्तर यात्रा', leader: 'Leader' });
    const read = await get(`${api.url}/api/programmes/bastar?minPosition=${planned.position}`, token);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: 'bastar', title: 'बस्तर यात्रा' });
    expect(positions.compare(String(read.body.position), planned.position)).toBeGreaterThanOrEqual(0);
    // The API runs no projection of its own: its read side only follows the projector's commits.
    expect(projector.supervisor.position()).toBe(planned.position);
  });

  it('pushes board changes from the live process, which learns which boards changed from the journal', async () => {
    const client = await LiveTestClient.connect(`${live.url.replace(/^http/, 'ws')}/ws?token=${token}`);
    clients.push(client);
    client.subscribe('programme:bastar');
    client.subscribe('readiness');
    await client.next((m) => m.type === 'snapshot' && m.board === 'programme:bastar', 5000);
    await client.next((m) => m.type === 'snapshot' && m.board === 'readiness', 5000);

    await post('/tours/bastar/stops', {
      stopId: 'jagdalpur',
      place: 'Jagdalpur',
      district: 'Bastar',
      venue: 'Lalbagh',
      startsAt: inDays(7),
      endsAt: inDays(7, 3),
    });
    const task = await post('/tasks', { id: 'k1', programmeId: 'bastar', stopId: 'jagdalpur', wing: 'adivasi', title: 'भीड़ जुटाना' });
    const pushed = await reaching(client, 'programme:bastar', task.position);
    // SPEC v2: after the snapshot, changes come as merge patches from the position the client holds.
    expect(pushed.type).toBe('patch');
    expect(pushed.from).toBeDefined();
    const board = client.boardAt('programme:bastar');
    expect(board?.position).toBe(pushed.position);
    const data = board?.data as { cards: Record<string, { id: string; status: string; stopCancelled: boolean }>; readiness: { total: number } };
    expect(Object.values(data.cards).map((card) => [card.id, card.status, card.stopCancelled])).toEqual([['k1', 'todo', false]]);
    expect(data.readiness.total).toBe(1);
    // Nothing was written after the task: what the client holds is exactly what the API answers.
    expect(board?.position).toBe(task.position);
    const read = await get(`${api.url}/api/boards/programme/bastar?minPosition=${task.position}`, token);
    expect(read.body).toEqual(board?.data);
    await reaching(client, 'readiness', task.position);
    const readiness = client.boardAt('readiness');
    expect(Object.keys((readiness?.data as { programmes: Record<string, unknown> } | undefined)?.programmes ?? {})).toEqual(['bastar']);

    // Every commit wrote one journal entry, chained to the one before it.
    const entries = (await stores.readStore.all(BOARD_CHANGES)).map((raw) => BoardChangeEntrySchema.parse(raw));
    expect(entries.length).toBeGreaterThanOrEqual(1);
    for (let i = 1; i < entries.length; i++) expect(nth(entries, i).previous).toBe(nth(entries, i - 1).position);
    expect(entries.at(-1)?.position).toBe(task.position);
    // Followed entry by entry: the live read side never had to read every document again.
    expect(live.readSide.follower.reloads).toBe(0);
    expect(api.readSide.follower.reloads).toBe(0);
  });

  it('answers health on each process: ok, with the runner caught up', async () => {
    const head = await stores.events.headPosition();
    const apiHealth = await get(`${api.url}/api/health`);
    expect(apiHealth).toMatchObject({ status: 200, body: { status: 'ok', eventStore: 'sqlite', readStore: 'sqlite', position: head } });
    const projectorHealth = await get(`${projector.url}/api/health`);
    expect(projectorHealth).toMatchObject({
      status: 200,
      body: { status: 'ok', service: 'projector', runner: 'running', subscription: null, caughtUp: true, position: head, head },
    });
    const liveHealth = await get(`${live.url}/api/health`);
    expect(liveHealth).toMatchObject({ status: 200, body: { status: 'ok', service: 'live', readStore: 'sqlite', position: head, connections: 1 } });
  });

  it('serves Prometheus metrics on each process', async () => {
    for (const [url, metric] of [
      [api.url, 'tayari_commands_total'],
      [projector.url, 'tayari_projector_running 1'],
      [live.url, 'tayari_ws_connections 1'],
    ]) {
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      const response = await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${SPLIT_METRICS_TOKEN}` } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(metric);
    }
    const lag = await (await fetch(`${projector.url}/metrics`, { headers: { Authorization: `Bearer ${SPLIT_METRICS_TOKEN}` } })).text();
    expect(lag).toMatch(/tayari_projection_lag_events 0/);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BoardSource } from '@tayari/projections/BoardSource';
import { configFromEnv } from '@tayari/app/config';
import { createTayari, type Tayari } from '@tayari/app/createTayari';
import { LiveTestClient, type Received } from '@tayari/live/testing/LiveTestClient';

/**
 * The live boards over the whole service: commands through the HTTP API, pushes through the gateway
 * createTayari puts on its server at /ws, with the real projections behind `tayari.boards`.
 */
describe('live boards end to end', () => {
  let dataDir: string;
  let tayari: Tayari;
  let boards: BoardSource;
  let token: string;
  let wsUrl: string;
  const clients: LiveTestClient[] = [];

  const connect = async (url = wsUrl) => {
    const client = await LiveTestClient.connect(url);
    clients.push(client);
    return client;
  };

  const post = async (path: string, body: unknown): Promise<{ id: string; position: string }> => {
    const response = await fetch(`${tayari.url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; position: string };
  };

  /** The first message about `board` that reflects at least `position`. */
  const reaching = (client: LiveTestClient, board: string, position: string) =>
    client.next((m: Received) => m.board === board && m.position !== undefined && boards.comparePositions(m.position, position) >= 0, 5000);

  const inDays = (days: number, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tayari-live-e2e-'));
    const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', TAYARI_DATA: dataDir, TAYARI_DEMO: '0', TAYARI_JWT_SECRET: 'tayari-live-e2e-secret-0123456789abcdefgh' });
    tayari = await createTayari({ config });
    boards = tayari.boards;
    token = await tayari.verifier.issue({ sub: 'u-incharge', name: 'प्रभारी Sharma', role: 'incharge' }, 3600);
    wsUrl = `${tayari.url.replace(/^http/, 'ws')}/ws?token=${token}`;
  });

  afterAll(async () => {
    for (const client of clients) client.ws.terminate();
    await tayari?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a handshake without a valid token with 401', async () => {
    const refusal = await LiveTestClient.refusal(`${tayari.url.replace(/^http/, 'ws')}/ws?token=nope`);
    expect(refusal.status).toBe(401);
  });

  it('pushes a programme board and the readiness board as commands are accepted', async () => {
    const planned = await post('/api/tours', { id: 'bastar', title: 'बस्तर यात्रा', leader: 'Leader' });
    await post('/api/tours/bastar/stops', {
      stopId: 'jagdalpur',
      place: 'Jagdalpur',
      district: 'Bastar',
      venue: 'Lalbagh ground',
      startsAt: inDays(7),
      endsAt: inDays(7, 3),
      hostWing: 'adivasi',
    });
    const watcher = await connect();
    watcher.subscribe('programme:bastar');
    const snapshot = await reaching(watcher, 'programme:bastar', planned.position);
    expect(snapshot).toMatchObject({ type: 'snapshot', data: { programme: { id: 'bastar', title: 'बस्तर यात्रा' } } });

    const logged = await post('/api/tasks', { id: 'ground', programmeId: 'bastar', stopId: 'jagdalpur', wing: 'adivasi', title: 'Book the ground' });
    const update = await reaching(watcher, 'programme:bastar', logged.position);
    expect(update.type).toBe('update');
    expect(update.data).toMatchObject({ columns: { todo: [{ id: 'ground', title: 'Book the ground' }] } });

    watcher.subscribe('readiness');
    const readiness = await reaching(watcher, 'readiness', logged.position);
    expect(readiness).toMatchObject({ type: 'snapshot', data: { programmes: [{ id: 'bastar' }] } });

    watcher.subscribe('wing:adivasi');
    expect(await reaching(watcher, 'wing:adivasi', logged.position)).toMatchObject({ type: 'snapshot', data: { tasks: [{ id: 'ground' }] } });

    watcher.subscribe('programme:nope');
    expect(await watcher.next((m) => m.board === 'programme:nope')).toMatchObject({ type: 'error', code: 'unknown-board' });
  });

  it('brings a client that reconnects with since to the same state as one that never left', async () => {
    const stayed = await connect();
    stayed.subscribe('programme:bastar');
    const first = await stayed.next((m) => m.board === 'programme:bastar');

    const left = await connect();
    left.subscribe('programme:bastar');
    const before = await left.next((m) => m.board === 'programme:bastar');
    await left.close();

    await post('/api/tasks/ground/status', { status: 'in_progress' });
    const last = await post('/api/tasks', { id: 'banners', programmeId: 'bastar', wing: 'youth', title: 'Put up banners' });
    const stayedLast = await reaching(stayed, 'programme:bastar', last.position);
    expect(first.position).toBe(before.position);

    const back = await connect();
    back.subscribe('programme:bastar', before.position);
    const caughtUp = await reaching(back, 'programme:bastar', last.position);
    expect(caughtUp.type).toBe('snapshot');
    expect(caughtUp.position).toBe(stayedLast.position);
    expect(caughtUp.data).toEqual(stayedLast.data);

    // Up to date already: no snapshot, then the next change as an update.
    const current = await connect();
    current.subscribe('programme:bastar', stayedLast.position);
    const next = await post('/api/tasks/banners/status', { status: 'in_progress' });
    const pushed = await reaching(current, 'programme:bastar', next.position);
    expect(pushed.type).toBe('update');
    expect(current.about('programme:bastar')).toHaveLength(1);
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv } from '@tayari/app/config';
import { createTayari, type Tayari } from '@tayari/app/createTayari';
import { LiveTestClient } from '@tayari/live/testing/LiveTestClient';
import { taskAggregate } from '@tayari/shared/task/taskAggregate';

const TASKS = 5_000;
const WINGS = ['adivasi', 'youth', 'mahila', 'kisan', 'sc'];

/**
 * A programme of 5,000 cards (a task per booth) over the whole service: the live board is a snapshot
 * once, then one task's move is a patch of a few hundred bytes, and the board held from the snapshot
 * and the patches equals the GET, unfiltered and filtered.
 */
describe('a 5,000-card programme, live', () => {
  let dataDir: string;
  let tayari: Tayari;
  let token: string;
  const clients: LiveTestClient[] = [];

  const call = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ position: string } & Record<string, unknown>> => {
    const response = await fetch(`${tayari.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { position: string } & Record<string, unknown>;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tayari-big-e2e-'));
    const config = configFromEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      TAYARI_DATA: dataDir,
      TAYARI_DEMO: '0',
      TAYARI_JWT_SECRET: 'tayari-big-e2e-secret-0123456789abcdefghij',
    });
    tayari = await createTayari({ config });
    token = await tayari.verifier.issue({ sub: 'u-incharge', name: 'प्रभारी', role: 'incharge' }, 3600);
    await call('POST', '/api/tours', { id: 'booths', title: 'बूथ चलो अभियान', leader: 'State president' });
    const startsAt = new Date(Date.now() + 4 * 86_400_000).toISOString();
    await call('POST', '/api/tours/booths/stops', {
      stopId: 'raipur',
      place: 'Raipur',
      district: 'Raipur',
      venue: 'Science College ground',
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 4 * 3_600_000).toISOString(),
    });
    // The tasks straight into the event store, many appends at once (the store commits them in groups).
    const actor = { sub: 'u-incharge', name: 'प्रभारी', role: 'incharge' as const };
    for (let from = 0; from < TASKS; from += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, TASKS - from) }, (_, k) => {
          const i = from + k;
          const commandId = randomUUID();
          const data = {
            taskId: `b${i}`,
            programmeId: 'booths',
            programmeKind: 'tour',
            stopId: 'raipur',
            wing: WINGS[i % WINGS.length],
            title: `बूथ ${i + 1}: booth agent list`,
            dueAt: new Date(Date.now() + (1 + (i % 48)) * 3_600_000).toISOString(),
          };
          const metadata = { actor, at: new Date().toISOString(), commandId, correlationId: commandId, schema: 1 };
          return tayari.store.append(taskAggregate.stream(`b${i}`), [{ id: randomUUID(), type: 'TaskLogged', data, metadata }], 'no_stream');
        }),
      );
    }
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.ws.terminate();
    await tayari?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('pushes one move as a small patch, and the board held equals the GET, filtered too', async () => {
    const head = (await tayari.store.headPosition()) ?? '0';
    const board = await call('GET', `/api/boards/programme/booths?minPosition=${head}`);
    expect(Object.keys(board.cards as object)).toHaveLength(TASKS);
    expect(board.readiness).toMatchObject({ total: TASKS, done: 0 });

    const url = `${tayari.url.replace(/^http/, 'ws')}/ws?token=${token}`;
    const whole = await LiveTestClient.connect(url);
    const adivasi = await LiveTestClient.connect(url);
    clients.push(whole, adivasi);
    whole.subscribe('programme:booths');
    adivasi.send({ type: 'subscribe', board: 'programme:booths', filter: { wing: 'adivasi' } });
    const snapshot = await whole.next((m) => m.type === 'snapshot', 20_000);
    await adivasi.next((m) => m.type === 'snapshot', 20_000);
    expect(JSON.stringify(snapshot).length).toBeGreaterThan(1_000_000);

    const moved = await call('POST', '/api/tasks/b0/status', { status: 'in_progress' });
    const patch = await whole.next((m) => m.type === 'patch' && m.position === moved.position, 10_000);
    const filteredPatch = await adivasi.next((m) => m.type === 'patch' && m.position === moved.position, 10_000);
    expect(JSON.stringify(patch).length).toBeLessThan(2_048);
    expect(patch.patch).toMatchObject({ cards: { b0: { status: 'in_progress' } }, readiness: { inProgress: 1 } });
    expect(Object.keys((patch.patch as { cards: object }).cards)).toEqual(['b0']);
    expect(filteredPatch.patch).toMatchObject({ cards: { b0: { status: 'in_progress' } } });

    // A youth task's move changes the filtered board's readiness only (the card is not on it).
    const other = await call('POST', '/api/tasks/b1/status', { status: 'done' });
    const otherPatch = await adivasi.next((m) => m.type === 'patch' && m.position === other.position, 10_000);
    expect(otherPatch.patch).not.toHaveProperty('cards');
    await whole.next((m) => m.type === 'patch' && m.position === other.position, 10_000);

    expect(whole.boardAt('programme:booths')?.data).toEqual(await call('GET', `/api/boards/programme/booths?minPosition=${other.position}`));
    expect(adivasi.boardAt('programme:booths')?.data).toEqual(await call('GET', `/api/boards/programme/booths?minPosition=${other.position}&wing=adivasi`));
  }, 60_000);
});

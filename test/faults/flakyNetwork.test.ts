import { EventMetadataSchema } from '@tayari/shared/common/metadata';
import { nth } from '@tayari/shared/testing/nth';
import { people } from '../support/apiHarness';
import { startService, type Service } from '../trust/support/startService';
import { FlakyProxy } from './support/FlakyProxy';
import { recordFigures } from './support/figures';
import { postOnce, type WireAnswer } from './support/http';

/**
 * A flaky network between a client and the API: a proxy cuts 20% of connections after a random
 * number of bytes, in either direction: in the request (which the server then never gets whole), just
 * after it, or in the answer (the command ran, the client does not know).
 * The client sends 200 commands, each with its own Idempotency-Key, retrying each until it gets an
 * HTTP answer. Afterwards every command is stored exactly once, and asking again with the same key
 * gets the very answer the client got.
 */

const COMMANDS = 200;
const MAX_ATTEMPTS = 40;
const TOUR = 'flaky-tour';
const TASKS = ['ft-1', 'ft-2', 'ft-3', 'ft-4'];
/** Every step is a real change (todo → in_progress → blocked → in_progress → done → todo …). */
const STATUS_CYCLE = [
  { status: 'in_progress' },
  { status: 'blocked', reason: 'no tent yet' },
  { status: 'in_progress' },
  { status: 'done' },
  { status: 'todo' },
];

interface Command {
  key: string;
  path: string;
  body: object;
  creates: boolean;
}

/** Notes and status changes on four tasks, and task creations without a client id (the server names them). */
function commands(): Command[] {
  const step = new Map<string, number>();
  return Array.from({ length: COMMANDS }, (_, i): Command => {
    const key = `flaky-${String(i).padStart(3, '0')}`;
    const task = nth(TASKS, i % TASKS.length);
    switch (i % 5) {
      case 0:
      case 1:
        return { key, path: `/api/tasks/${task}/notes`, body: { text: `नोट ${i}: बात हो गई` }, creates: false };
      case 2:
      case 3: {
        const n = step.get(task) ?? 0;
        step.set(task, n + 1);
        return { key, path: `/api/tasks/${task}/status`, body: nth(STATUS_CYCLE, n % STATUS_CYCLE.length), creates: false };
      }
      default:
        return { key, path: '/api/tasks', body: { programmeId: TOUR, wing: 'youth', title: `Task made offline ${i}` }, creates: true };
    }
  });
}

interface Sent {
  command: Command;
  attempts: number;
  answer: WireAnswer;
}

interface Scenario {
  service: Service;
  proxy: FlakyProxy;
  token: string;
}

async function setUp(seed: number): Promise<Scenario> {
  const service = await startService({ env: { TAYARI_RATE_LIMIT: '0' } });
  const token = await service.token(people.incharge);
  const direct = async (path: string, body: object) => {
    const res = await postOnce(service.tayari.url, path, body, { Authorization: `Bearer ${token}` });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
  };
  await direct('/api/tours', { id: TOUR, title: 'Flaky tour', leader: 'Leader' });
  for (const id of TASKS) await direct('/api/tasks', { id, programmeId: TOUR, wing: 'adivasi', title: `Task ${id}` });
  const { port } = new URL(service.tayari.url);
  const proxy = await FlakyProxy.start({ target: { host: '127.0.0.1', port: Number(port) }, cutRate: 0.2, seed, maxUpBytes: 700, maxDownBytes: 1500 });
  return { service, proxy, token };
}

async function untilAnswered({ proxy, token }: Scenario, command: Command): Promise<Sent> {
  const headers = { Authorization: `Bearer ${token}`, 'Idempotency-Key': command.key };
  for (let attempts = 1; attempts <= MAX_ATTEMPTS; attempts++) {
    try {
      return { command, attempts, answer: await postOnce(proxy.url, command.path, command.body, headers) };
    } catch {
      // Cut: try again, at once (the server may still be running the cut attempt).
    }
  }
  throw new Error(`${command.key}: no HTTP answer in ${MAX_ATTEMPTS} attempts`);
}

/**
 * Sends the commands in `lanes` concurrent lanes (one lane per task, so that each task's status steps
 * keep their order; creations go round the lanes), then checks and records the figures.
 */
async function run(name: string, seed: number, lanes: number): Promise<void> {
  const scenario = await setUp(seed);
  const { service, proxy, token } = scenario;
  try {
    const started = Date.now();
    const positionBefore = await service.tayari.store.headPosition();
    const all = commands();
    const byLane = Array.from({ length: lanes }, (_, lane) => all.filter((_c, i) => (i % TASKS.length) % lanes === lane));
    const sent: Sent[] = [];
    await Promise.all(
      byLane.map(async (lane) => {
        for (const command of lane) sent.push(await untilAnswered(scenario, command));
      }),
    );
    const elapsedMs = Date.now() - started;
    expect(sent).toHaveLength(COMMANDS);

    // Every command was accepted, as it would have been on a good network.
    for (const { command, answer } of sent) {
      if (answer.status !== (command.creates ? 201 : 200)) throw new Error(`${command.key}: ${answer.status} ${answer.text}`);
    }

    // Exactly once: one event per command key, all appended after the set-up.
    const events = await service.tayari.store.readAll(positionBefore, 10_000);
    const byKey = new Map<string, number>();
    for (const event of events) {
      const key = EventMetadataSchema.parse(event.metadata).idempotencyKey;
      expect(key).toBeDefined();
      byKey.set(String(key), (byKey.get(String(key)) ?? 0) + 1);
    }
    const wrong = sent.map(({ command }) => [command.key, byKey.get(command.key) ?? 0] as const).filter(([, count]) => count !== 1);
    expect(wrong).toEqual([]);
    expect(events).toHaveLength(COMMANDS);

    // The ids the server made for creations are the ids of the tasks it stored, one each.
    const createdIds = sent.filter((s) => s.command.creates).map((s) => (JSON.parse(s.answer.text) as { id: string }).id);
    expect(new Set(createdIds).size).toBe(createdIds.length);
    for (const id of createdIds) expect(await service.tayari.store.readStream(`task-${id}`)).toHaveLength(1);

    // Asking again (on a good connection) with the same key and body: the first answer, appended nothing.
    const head = await service.tayari.store.headPosition();
    for (const { command, answer } of sent) {
      const again = await postOnce(service.tayari.url, command.path, command.body, { Authorization: `Bearer ${token}`, 'Idempotency-Key': command.key });
      expect({ key: command.key, status: again.status, body: JSON.parse(again.text) as unknown }).toEqual({
        key: command.key,
        status: answer.status,
        body: JSON.parse(answer.text) as unknown,
      });
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.headers.etag).toBe(answer.headers.etag);
    }
    expect(await service.tayari.store.headPosition()).toBe(head);

    const figures = {
      commands: COMMANDS,
      lanes,
      seed,
      connections: proxy.stats.connections,
      cutsPlanned: proxy.stats.planned,
      cutInRequest: proxy.stats.cutUp,
      cutInAnswer: proxy.stats.cutDown,
      commandsRetried: sent.filter((s) => s.attempts > 1).length,
      attempts: sent.reduce((n, s) => n + s.attempts, 0),
      maxAttempts: Math.max(...sent.map((s) => s.attempts)),
      // The server had run a cut attempt: the retry was answered from the idempotency record.
      firstAnswersReplayed: sent.filter((s) => s.answer.headers['idempotent-replayed'] === 'true').length,
      elapsedMs,
    };
    recordFigures(name, figures);
    // The proxy did its job: both kinds of cut happened, and some commands ran without the client knowing.
    expect(figures.cutInRequest).toBeGreaterThan(0);
    expect(figures.cutInAnswer).toBeGreaterThan(0);
    expect(figures.firstAnswersReplayed).toBeGreaterThan(0);
  } finally {
    await proxy.close();
    await service.close();
  }
}

test('200 commands, one at a time, through a connection-cutting proxy: each stored exactly once, every retry gets the first answer', async () => {
  await run('flaky-network-sequential', 20240611, 1);
});

test('the same with four lanes in flight at once (group commits mixing first tries and retries)', async () => {
  await run('flaky-network-concurrent', 20240612, 4);
});

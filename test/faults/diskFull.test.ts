import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createLogger } from '@tayari/app/logger';
import { EventMetadataSchema } from '@tayari/shared/common/metadata';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { expectProblem, people } from '../support/apiHarness';
import { startService, type Service } from '../trust/support/startService';
import { recordFigures } from './support/figures';
import { postOnce, type WireAnswer } from './support/http';

/**
 * Disk full on the embedded event store, made real with SQLite's `max_page_count` on the store's
 * write connection (`SqliteEventStore.setMaxPageCount`, what a full disk looks like to SQLite:
 * SQLITE_FULL). Commands then get 503 problem+json `store-full` with Retry-After; nothing is half
 * written (no torn group-commit batch, streams contiguous, idempotency records only with their
 * events, integrity_check ok); reads go on; and once there is room again the same service, without
 * a restart, accepts the refused commands (same Idempotency-Keys) and new ones.
 * The store on its own at its cap (a batch failing whole, both writers): SqliteEventStore.full.test.ts.
 */

const TOUR = 'full-tour';
const TASKS = ['full-1', 'full-2', 'full-3', 'full-4'];
/** ~1.5 KB per note: a 4 KiB page holds two or three. */
const NOTE = 'ब'.repeat(500);

let service: Service;
let token: string;
let reader: Database.Database;
const logLines: string[] = [];

beforeAll(async () => {
  const logger = createLogger({ level: 'error', destination: { write: (line: string) => void logLines.push(line) } });
  service = await startService({ env: { TAYARI_RATE_LIMIT: '0' }, logger });
  token = await service.token(people.incharge);
  for (const [path, body] of [
    ['/api/tours', { id: TOUR, title: 'Full tour', leader: 'Leader' }],
    ...TASKS.map((id) => ['/api/tasks', { id, programmeId: TOUR, wing: 'adivasi', title: `Task ${id}` }] as const),
  ] as const) {
    const res = await post(path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
  }
  reader = new Database(join(service.dataDir, 'events.db'), { readonly: true, fileMustExist: true });
});

afterAll(async () => {
  reader?.close();
  await service?.close();
});

const post = (path: string, body: object, key?: string): Promise<WireAnswer> =>
  postOnce(service.tayari.url, path, body, { Authorization: `Bearer ${token}`, ...(key === undefined ? {} : { 'Idempotency-Key': key }) });

interface Command {
  key: string;
  path: string;
  body: object;
}
const note = (key: string, i: number): Command => ({ key, path: `/api/tasks/${TASKS[i % TASKS.length]}/notes`, body: { text: `${key} ${NOTE}` } });
const creation = (key: string): Command => ({ key, path: '/api/tasks', body: { programmeId: TOUR, wing: 'youth', title: `${key} ${NOTE.slice(0, 150)}` } });

const store = () => {
  const s = service.tayari.store;
  if (!(s instanceof SqliteEventStore)) throw new Error('the service does not run on the embedded SQLite store');
  return s;
};
const pageCount = () => Number(reader.pragma('page_count', { simple: true }));

/** Events per Idempotency-Key, over the whole store. */
async function eventsByKey(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const event of await service.tayari.store.readAll(undefined, 100_000)) {
    const key = EventMetadataSchema.parse(event.metadata).idempotencyKey;
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The database on its own: sound, every stream's versions 1…n in position order, the streams table agreeing. */
function checkDatabase(): void {
  expect(reader.pragma('integrity_check', { simple: true })).toBe('ok');
  const gaps = reader
    .prepare(
      `SELECT stream_id FROM (
         SELECT stream_id, version, row_number() OVER (PARTITION BY stream_id ORDER BY seq) AS n FROM events
       ) WHERE version <> n`,
    )
    .all();
  expect(gaps).toEqual([]);
  const disagreeing = reader
    .prepare(
      `SELECT s.stream_id FROM streams s JOIN (SELECT stream_id, count(*) AS n, max(seq) AS last FROM events GROUP BY stream_id) e USING (stream_id)
       WHERE s.version <> e.n OR s.last_seq <> e.last`,
    )
    .all();
  expect(disagreeing).toEqual([]);
}

const idempotencyRecord = (key: string) => reader.prepare('SELECT status FROM idempotency WHERE key = ?').get(`${people.incharge.sub}:${key}`);

test('a full store answers 503 store-full, writes nothing of a refused batch, keeps reading, and recovers without a restart', async () => {
  const started = Date.now();
  // Room for a few commands only.
  const pagesAtStart = pageCount();
  const cap = await store().setMaxPageCount(pagesAtStart + 4);
  expect(cap).toBe(pagesAtStart + 4);

  // 1. One at a time until the store is full.
  const accepted: Command[] = [];
  let firstRefusal: WireAnswer | undefined;
  let firstRefused: Command | undefined;
  for (let i = 0; i < 100 && firstRefusal === undefined; i++) {
    const command = note(`seq-${i}`, i);
    const res = await post(command.path, command.body, command.key);
    if (res.status === 200) accepted.push(command);
    else {
      firstRefusal = res;
      firstRefused = command;
    }
  }
  if (firstRefusal === undefined || firstRefused === undefined) throw new Error('the store never filled up');
  const problem = expectProblem(firstRefusal, 503, 'store-full');
  expect(problem.detail).toMatch(/nothing was written/);
  expect(firstRefusal.headers['retry-after']).toBe('30');
  expect(accepted.length).toBeGreaterThan(0);

  // Still full: a retry with the same key is refused the same way; other commands too (also creations).
  expectProblem(await post(firstRefused.path, firstRefused.body, firstRefused.key), 503, 'store-full');
  expectProblem(await post('/api/tasks', creation('while-full').body), 503, 'store-full');

  // 2. A little room, then a burst of 24 concurrent commands: group commit puts several in one
  //    transaction, and the batch that does not fit must fail whole.
  await store().setMaxPageCount(pageCount() + 3);
  const transactionsBefore = store().stats().transactions;
  const burst = Array.from({ length: 24 }, (_, i) => (i % 4 === 3 ? creation(`burst-${i}`) : note(`burst-${i}`, i)));
  const burstAnswers = await Promise.all(burst.map((c) => post(c.path, c.body, c.key)));
  const statuses = burstAnswers.map((a) => a.status);
  for (const answer of burstAnswers) if (answer.status === 503) expectProblem(answer, 503, 'store-full');
  expect(statuses.every((s) => s === 200 || s === 201 || s === 503)).toBe(true);
  const burstAccepted = burst.filter((_c, i) => statuses[i] !== 503);
  const burstRefused = burst.filter((_c, i) => statuses[i] === 503);
  expect(burstRefused.length).toBeGreaterThan(0);

  // Nothing half-written: every accepted command's event and idempotency record are there, no
  // refused command left an event or a record, and the database is sound.
  const byKey = await eventsByKey();
  for (const c of [...accepted, ...burstAccepted]) {
    expect([c.key, byKey.get(c.key)]).toEqual([c.key, 1]);
    expect(idempotencyRecord(c.key)).toBeDefined();
  }
  for (const c of [firstRefused, ...burstRefused]) {
    expect([c.key, byKey.get(c.key)]).toEqual([c.key, undefined]);
    expect(idempotencyRecord(c.key)).toBeUndefined();
  }
  checkDatabase();
  const burstTransactions = store().stats().transactions - transactionsBefore;

  // Reads and health go on while the store is full.
  const head = (await service.tayari.store.headPosition()) ?? '0';
  const board = await fetch(`${service.tayari.url}/api/boards/programme/${TOUR}?minPosition=${head}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(board.status).toBe(200);
  expect((await fetch(`${service.tayari.url}/api/health`)).status).toBe(200);

  // The failures reached the log, for an operator.
  const logged = logLines.map((line) => JSON.parse(line) as { msg?: string; err?: { type?: string } });
  expect(logged.filter((l) => l.msg === 'request failed' && l.err?.type === 'StoreFull').length).toBeGreaterThan(0);

  // 3. Space returns (no restart): the refused commands go through with their keys, and new ones.
  const recoveredAt = Date.now();
  await store().setMaxPageCount(2 ** 30);
  for (const c of [firstRefused, ...burstRefused]) {
    const res = await post(c.path, c.body, c.key);
    expect([c.key, res.status]).toEqual([c.key, c.path === '/api/tasks' ? 201 : 200]);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  }
  const fresh = await post(note('after', 0).path, note('after', 0).body, 'after');
  expect(fresh.status).toBe(200);
  // The accepted ones, asked again, are replays: each command exactly once in the end.
  for (const c of burstAccepted) expect((await post(c.path, c.body, c.key)).headers['idempotent-replayed']).toBe('true');
  const finalByKey = await eventsByKey();
  for (const c of [...accepted, firstRefused, ...burst]) expect([c.key, finalByKey.get(c.key)]).toEqual([c.key, 1]);
  checkDatabase();
  const lastPosition = (JSON.parse(fresh.text) as { position: string }).position;
  expect(await service.tayari.reads.waitFor(lastPosition, 5000)).toBe(true);

  recordFigures('disk-full', {
    pagesAtStart,
    pageSize: Number(reader.pragma('page_size', { simple: true })),
    acceptedBeforeFull: accepted.length,
    firstRefusal: { status: firstRefusal.status, type: problem.type, retryAfter: firstRefusal.headers['retry-after'] },
    burst: burst.length,
    burstAccepted: burstAccepted.length,
    burstRefused: burstRefused.length,
    burstCommittedTransactions: burstTransactions,
    refusedRetriedAfterSpaceReturned: 1 + burstRefused.length,
    recoveryMs: Date.now() - recoveredAt,
    elapsedMs: Date.now() - started,
  });
});

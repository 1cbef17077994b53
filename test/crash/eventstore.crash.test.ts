import { spawn } from 'node:child_process';
import { nth } from '@tayari/shared/testing/nth';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Kills a process appending to the embedded event store with SIGKILL at a random moment, 30 times on
 * the same folder, and checks after each kill that every acknowledged append survived whole, that no
 * append is torn, that streams and positions are in order and that the database is sound.
 * The child runs the compiled store (shared/dist): `npm test` builds it first.
 */
const CHILD = path.join(__dirname, 'appendUnderLoad.js');
const COMPILED = path.join(__dirname, '../../shared/dist/eventstore/sqlite/SqliteEventStore.js');
const RUNS = 30;

interface Ack {
  stream: string;
  version: number;
  ids: string[];
  batch: string;
}

interface Row {
  seq: number;
  stream_id: string;
  version: number;
  event_id: string;
  metadata: string;
}

interface RunResult {
  acks: Ack[];
  ready: boolean;
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Runs the child until `ready`, then kills it after 50–400 ms; answers what it acknowledged. */
function runAndKill(folder: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, folder], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: Ack[] = [];
    let ready = false;
    let partial = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          ready = true;
          timer = setTimeout(() => child.kill('SIGKILL'), 50 + Math.floor(Math.random() * 350));
        } else if (line !== '') {
          acks.push(JSON.parse(line) as Ack);
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    // A child that never gets ready would hang the test: kill it anyway.
    const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(guard);
      resolve({ acks, ready, signal, code, stderr });
    });
  });
}

/** Plain checks: this runs over every stored event after every kill, too often for `expect`. */
function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** Checks the store after a kill against every append acknowledged so far; answers the event count. */
function verify(file: string, acked: Ack[]): number {
  const db = new Database(file);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    check(integrity === 'ok', () => `integrity_check: ${String(integrity)}`);
    const rows = db.prepare('SELECT seq, stream_id, version, event_id, metadata FROM events ORDER BY seq').all() as Row[];
    const byId = new Map(rows.map((row) => [row.event_id, row]));

    // Every acknowledged event is there, in its stream, at its version.
    for (const ack of acked) {
      ack.ids.forEach((id, i) => {
        const row = byId.get(id);
        const version = ack.version - ack.ids.length + 1 + i;
        check(row !== undefined, () => `acknowledged event ${id} of ${ack.stream} v${version} is missing`);
        check(row?.stream_id === ack.stream && row.version === version, () => `event ${id} moved: ${JSON.stringify(row)}`);
      });
    }

    // No torn batch: every batch in the store is complete and contiguous in its stream.
    const batches = new Map<string, Row[]>();
    for (const row of rows) {
      const { batch } = JSON.parse(row.metadata) as { batch: string };
      const members = batches.get(batch);
      if (members) members.push(row);
      else batches.set(batch, [row]);
    }
    for (const [batch, members] of batches) {
      const first = nth(members, 0);
      const { size } = JSON.parse(first.metadata) as { size: number };
      check(members.length === size, () => `batch ${batch} is torn: ${members.length} of ${size} events`);
      members.forEach((row, i) => {
        check(row.version === first.version + i, () => `batch ${batch} is not contiguous`);
      });
    }

    // Versions 1..n in each stream, positions strictly increasing, and the streams table agrees.
    const lastOf = new Map<string, Row>();
    rows.forEach((row, i) => {
      const previous = lastOf.get(row.stream_id);
      check(row.version === (previous?.version ?? 0) + 1, () => `${row.stream_id}: v${row.version} after v${previous?.version ?? 0}`);
      check(i === 0 || row.seq > nth(rows, i - 1).seq, () => `position ${row.seq} does not increase`);
      lastOf.set(row.stream_id, row);
    });
    const streams = db.prepare('SELECT stream_id, version, last_seq FROM streams').all() as {
      stream_id: string;
      version: number;
      last_seq: number;
    }[];
    check(streams.length === lastOf.size, () => `streams table has ${streams.length} rows, events ${lastOf.size} streams`);
    for (const stream of streams) {
      const last = lastOf.get(stream.stream_id);
      check(stream.version === last?.version && stream.last_seq === last.seq, () => `streams row ${JSON.stringify(stream)} is off`);
    }
    return rows.length;
  } finally {
    db.close();
  }
}

describe('embedded event store under SIGKILL', () => {
  let folder: string;

  beforeAll(() => {
    if (!fs.existsSync(COMPILED)) throw new Error(`${COMPILED} is missing: run \`npx tsc --build tsconfig.json\` first`);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-crash-'));
  });

  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it(`keeps every acknowledged append, whole and in order, across ${RUNS} kills`, async () => {
    const file = path.join(folder, 'events.db');
    const acked: Ack[] = [];
    const perRun: number[] = [];
    let stored = 0;
    for (let run = 0; run < RUNS; run++) {
      const result = await runAndKill(folder);
      if (result.signal !== 'SIGKILL' || !result.ready) {
        throw new Error(`run ${run}: the child ended on its own (code ${result.code}, ready ${result.ready}):\n${result.stderr}`);
      }
      acked.push(...result.acks);
      perRun.push(result.acks.length);
      stored = verify(file, acked);
    }
    // The load was real: most runs acknowledged appends before their kill.
    expect(perRun.filter((count) => count > 0).length).toBeGreaterThanOrEqual(RUNS - 3);
    expect(stored).toBeGreaterThanOrEqual(acked.reduce((sum, ack) => sum + ack.ids.length, 0));
    console.info(`crash test: ${RUNS} kills, ${acked.length} acknowledged appends, ${stored} events stored; per run ${perRun.join(' ')}`);
  }, 90_000);
});

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@tayari/shared/eventstore/sqlite/SqliteEventStore';
import { SqliteReadStore } from '@tayari/shared/readstore/sqlite/SqliteReadStore';
import { rebuildReadModels } from '@tayari/projections/rebuild/rebuildReadModels';
import { dumpReadStore } from '@tayari/projections/testing/dumpReadStore';
import { PROJECTIONS } from '@tayari/projections/registry/readModels';
import { seededRandom as random } from '@tayari/shared/testing/seededRandom';

/**
 * Kills the whole service (createTayari: API, event store, projection runner) with SIGKILL at random
 * moments while it appends a burst of commands, 30 times on the same data folder. After each kill:
 * every checkpoint is the same position C, and the read store equals a fresh rebuild of the events up
 * to C (documents and history rows), so a crash never applied an event twice, skipped one, or left
 * models and checkpoint apart. Each restart first catches up (the child says "ready <head>"), so the
 * resume from the stored checkpoint is checked by the next kill. The child runs the compiled output
 * (`npm test` builds it first).
 */
const CHILD = path.join(__dirname, 'projectionsCrashChild.js');
const COMPILED = path.join(__dirname, '../../services/app/dist/createTayari.js');
const RUNS = 30;

/** JSON with every object's keys sorted. */
function canonical(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(
        Object.entries(v)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, x]) => [k, sort(x)]),
      );
    return v;
  };
  return JSON.stringify(sort(value), null, 1);
}

interface RunResult {
  /** The event head the child had caught up with, when it got that far. */
  readyAt?: string;
  stderr: string;
}

/** Starts the child and kills it `killAfterMs` after it is ready, or after start when `early`. */
function runAndKill(folder: string, run: number, killAfterMs: number, early: boolean): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, folder, String(run)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let readyAt: string | undefined;
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    if (early) timer = setTimeout(kill, killAfterMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^ready (\d+)$/m.exec(stdout);
      if (match && readyAt === undefined) {
        readyAt = match[1];
        if (!early) timer = setTimeout(kill, killAfterMs);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const guard = setTimeout(kill, 30_000);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      clearTimeout(guard);
      if (signal !== 'SIGKILL') reject(new Error(`the child ended by itself (${signal ?? 'exit'}): ${stderr}`));
      else resolve({ ...(readyAt === undefined ? {} : { readyAt }), stderr });
    });
  });
}

describe('projections survive SIGKILL', () => {
  let folder: string;

  beforeAll(() => {
    if (!fs.existsSync(COMPILED)) throw new Error(`${COMPILED} is missing: run npx tsc --build tsconfig.json first`);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tayari-projections-crash-'));
  });

  afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it(`keeps read models equal to a rebuild and checkpoints on the last applied event, over ${RUNS} kills`, async () => {
    const rnd = random(Number(process.env.CRASH_SEED ?? 20180626));
    const started = Date.now();
    let rebuildEvents = 0;
    let rebuildMs = 0;
    let lastHead = '0';
    for (let run = 1; run <= RUNS; run++) {
      // One kill in five lands during start-up (opening, catching up), the rest during the burst.
      const early = rnd() < 0.2;
      const result = await runAndKill(folder, run, early ? Math.floor(rnd() * 600) : 50 + Math.floor(rnd() * 850), early);

      const events = await SqliteEventStore.open({ file: path.join(folder, 'events.db'), writer: 'inline', lock: false });
      const readStore = new SqliteReadStore({ file: path.join(folder, 'read.db') });
      const rebuilt = new SqliteReadStore({ file: ':memory:' });
      try {
        const actual = await dumpReadStore(readStore);
        const positions = new Set(Object.values(actual.checkpoints));
        expect(positions.size).toBeLessThanOrEqual(1);
        const checkpoint = [...positions][0];
        if (checkpoint === undefined) {
          expect(actual.docs.programmes).toEqual([]);
          continue;
        }
        expect(Object.keys(actual.checkpoints).sort()).toEqual([...PROJECTIONS].sort());
        // The restart caught up before it was killed: the checkpoint never goes back.
        if (result.readyAt !== undefined) expect(Number(checkpoint)).toBeGreaterThanOrEqual(Number(result.readyAt));

        const replay = await rebuildReadModels({ events, readStore: rebuilt, until: checkpoint });
        rebuildEvents += replay.applied;
        rebuildMs += replay.elapsedMs;
        expect(replay.position).toBe(checkpoint);
        const expected = await dumpReadStore(rebuilt);
        // Compared as canonical JSON (key order is not meaningful): a mismatch prints as a readable diff.
        expect(canonical(actual)).toBe(canonical(expected));
        lastHead = (await events.headPosition()) ?? '0';
      } finally {
        await rebuilt.close();
        await readStore.close();
        await events.close();
      }
    }
    const seconds = (Date.now() - started) / 1000;
    const rate = rebuildMs > 0 ? Math.round((rebuildEvents / rebuildMs) * 1000) : 0;
    console.log(`${RUNS} kills in ${seconds.toFixed(1)} s; ${lastHead} events in the store; rebuilds replayed ${rebuildEvents} events at ${rate} events/s`);
    // The kills landed while commands were being written (not on an idle service). How many events a
    // run writes depends on how busy the machine is (npm test runs suites side by side): this is not
    // a speed figure, the bench is.
    expect(Number(lastHead)).toBeGreaterThan(200);
  }, 180_000);
});

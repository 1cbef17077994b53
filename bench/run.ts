import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { BenchContext } from './BenchContext';
import { benchSizes } from './BenchSizes';
import { bigProgrammePhase } from './phases/bigProgramme';
import { coldStartPhase } from './phases/coldStart';
import { enrolBatchPhase } from './phases/enrolBatch';
import { commandsPhase } from './phases/commands';
import { fanoutPhase } from './phases/fanout';
import { lagPhase } from './phases/lag';
import { pageFirstPaintPhase } from './phases/pageFirstPaint';
import { rebuildPhase } from './phases/rebuild';
import { printTable, type PhaseResults } from './report/printTable';
import { BenchTokens } from './support/benchTokens';
import { summariseProfiles } from './support/summariseProfiles';

/**
 * `npm run bench [-- --quick] [-- --profile] [-- --only=commands,lag]`: starts the real service on the
 * embedded store in temp folders, drives it from separate processes over loopback, prints a progress
 * line per phase on stderr and the table on stdout, and writes bench/results.json.
 * Exits 1 when a phase fails to run (not when a target is missed: CI's --quick checks the phases run).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const benchDir = join(__dirname, '..');
  const profileDir = args.includes('--profile') ? join(benchDir, 'profiles') : undefined;
  if (profileDir) {
    // Profiles of an earlier run would be summarised with this one's.
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }
  const secret = randomBytes(32).toString('hex');
  const notes: string[] = [];
  const started = performance.now();
  const context: BenchContext = {
    quick,
    sizes: benchSizes(quick),
    secret,
    tokens: new BenchTokens(secret),
    profileDir,
    progress: (message) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`),
    note: (message) => notes.push(message),
  };

  const results: PhaseResults = {
    machine: { cpus: cpus().length, node: process.version },
    commands: null,
    commandsBigProgramme: null,
    patch: null,
    lag: null,
    lagBigProgramme: null,
    fanout: null,
    rebuild: null,
    coldStart: null,
    enrolBatch: null,
    pageFirstPaint: null,
  };
  const failures = new Map<string, string>();
  // The rebuild leaves its data folder (events and built read models) for the cold start.
  let rebuilt: { dataDir: string; events: number; remove(): void } | undefined;
  const phases: [keyof Omit<PhaseResults, 'machine'>, () => Promise<void>][] = [
    ['commands', async () => void (results.commands = await commandsPhase(context))],
    [
      'commandsBigProgramme',
      async () => {
        const big = await bigProgrammePhase(context, results.commands?.rps);
        results.commandsBigProgramme = big.commandsBigProgramme;
        results.patch = big.patch;
      },
    ],
    ['lag', async () => void (results.lag = await lagPhase(context))],
    ['lagBigProgramme', async () => void (results.lagBigProgramme = await lagPhase(context, 'big'))],
    ['fanout', async () => void (results.fanout = await fanoutPhase(context))],
    [
      'rebuild',
      async () => {
        const outcome = await rebuildPhase(context);
        results.rebuild = outcome.figures;
        rebuilt = outcome.data;
      },
    ],
    [
      'coldStart',
      async () => {
        if (!rebuilt) throw new Error('needs the data folder the rebuild phase builds');
        results.coldStart = await coldStartPhase(context, rebuilt);
      },
    ],
    ['enrolBatch', async () => void (results.enrolBatch = await enrolBatchPhase(context))],
    ['pageFirstPaint', async () => void (results.pageFirstPaint = await pageFirstPaintPhase(context))],
  ];
  try {
    for (const [name, run] of phases) {
      if (only && !only.includes(name) && !(name === 'rebuild' && only.includes('coldStart')) && !(name === 'commandsBigProgramme' && only.includes('patch')))
        continue;
      const phaseStarted = performance.now();
      context.progress(`▶ ${name}`);
      try {
        await run();
        context.progress(`✓ ${name} (${((performance.now() - phaseStarted) / 1000).toFixed(1)} s)`);
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        failures.set(name, message);
        context.progress(`✗ ${name} failed: ${message}`);
      }
    }
  } finally {
    rebuilt?.remove();
  }

  writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  printTable(results, failures, notes);
  if (profileDir) summariseProfiles(profileDir);
  console.log(`\n${quick ? 'quick run' : 'full run'} in ${((performance.now() - started) / 1000).toFixed(1)} s; figures in bench/results.json`);
  process.exitCode = failures.size > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import WebSocket from 'ws';
import { DISTRICT_CODES } from '@tayari/app/demo/demoWorkers';
import type { BenchContext } from '../BenchContext';
import type { BenchResults } from '../BenchResults';
import { cpuMs } from '../support/cpuMs';
import { enrolmentItems, sendBatch, type BatchOutcome } from '../support/enrolments';
import { getJson } from '../support/getJson';
import { median } from '../support/median';
import { serviceNodeArgs } from '../support/serviceNodeArgs';
import { startService } from '../support/startService';
import { tempDataDir } from '../support/tempDataDir';

const DRIVE = 'bench-shakti';
const DAY = 86_400_000;
/** People whose tokens send the batches, in turn. */
const ENROLLERS = 25;

/**
 * Issue 15's enrolment burst: `enrolments` through POST /api/commands/batch in batches of `batch`,
 * from `clients` clients at once, on an empty embedded store (durable: synchronous=FULL, keys.db
 * too). Then the board must count exactly what was accepted; one more burst of a batch is watched
 * live (the patch bytes it costs every watcher); the board's GET is timed at that size.
 */
export async function enrolBatchPhase(context: BenchContext): Promise<BenchResults['enrolBatch']> {
  const { enrolments, batch, clients, gets } = context.sizes.enrolBatch;
  const data = tempDataDir('enrol');
  const service = await startService({ dataDir: data.path, secret: context.secret, nodeArgs: serviceNodeArgs(context, 'enrolBatch') });
  try {
    // Enrolments come from many people (aspirants, wing leads): the board's top 20 is full, as in the field.
    const [incharge, ...enrollers] = await context.tokens.incharges(ENROLLERS + 1);
    const [observer] = await context.tokens.observers(1);
    if (incharge === undefined || observer === undefined) throw new Error('no tokens');
    const now = Date.now();
    const targets = Object.fromEntries(DISTRICT_CODES.map((code) => [code, Math.ceil((enrolments * 1.1) / DISTRICT_CODES.length)]));
    const launch = await fetch(`${service.url}/api/drives`, {
      method: 'POST',
      headers: { authorization: `Bearer ${incharge}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: DRIVE,
        title: 'Shakti (bench)',
        startsAt: new Date(now - DAY).toISOString(),
        endsAt: new Date(now + 30 * DAY).toISOString(),
        targets,
      }),
    });
    if (launch.status !== 201) throw new Error(`launching the drive answered ${launch.status}: ${await launch.text()}`);

    context.progress(`enrolBatch: ${enrolments} enrolments in batches of ${batch}, ${clients} clients`);
    const batches = Array.from({ length: Math.ceil(enrolments / batch) }, (_, i) =>
      enrolmentItems(DRIVE, i * batch, Math.min(batch, enrolments - i * batch), 'load'),
    );
    const outcomes: BatchOutcome[] = [];
    let next = 0;
    const started = performance.now();
    const cpuBefore = cpuMs(service.pid);
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let i = next++; i < batches.length; i = next++)
          outcomes.push(await sendBatch(service.url, enrollers[i % ENROLLERS] ?? incharge, batches[i] ?? []));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    // CPU per enrolment (both threads): what a loaded machine does not blur.
    context.note(`enrolBatch: the service used ${((cpuMs(service.pid) - cpuBefore) / enrolments).toFixed(2)} ms CPU per enrolment`);
    const accepted = outcomes.reduce((sum, o) => sum + o.accepted, 0);
    const refused: Record<string, number> = {};
    for (const o of outcomes) for (const [status, n] of Object.entries(o.refused)) refused[status] = (refused[status] ?? 0) + n;
    if (Object.keys(refused).length > 0) context.note(`enrolBatch: items not 201: ${JSON.stringify(refused)}`);
    const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const last = outcomes.map((o) => o.position).reduce((a, b) => (b !== undefined && (a === undefined || BigInt(b) > BigInt(a)) ? b : a), undefined);

    const board = await getJson(
      `${service.url}/api/drives/${DRIVE}/board${last === undefined ? '' : `?minPosition=${last}`}`,
      { authorization: `Bearer ${observer}` },
      30_000,
    );
    const total = (board.body as { total?: number }).total ?? -1;

    context.progress('enrolBatch: one more burst, watched live');
    // SPEC: "a district sends hundreds at once"; sent by one of the top enrollers, so their row moves too.
    const patch = await watchBurst(service.url, observer, enrollers[0] ?? incharge, enrolmentItems(DRIVE, enrolments, batch, 'burst', 'cg-raipur'));

    const getMs: number[] = [];
    for (let i = 0; i < gets; i++) {
      const t = performance.now();
      const answer = await getJson(`${service.url}/api/drives/${DRIVE}/board`, { authorization: `Bearer ${observer}` });
      getMs.push(performance.now() - t);
      if (answer.status !== 200) throw new Error(`GET board answered ${answer.status}`);
    }
    context.note(
      `enrolBatch: batch times p50 ${median(times).toFixed(0)} ms, max ${(times.at(-1) ?? 0).toFixed(0)} ms; the burst (200 in one district, alone) took ${patch.ms.toFixed(0)} ms and came in ${patch.frames} patch frame(s), the largest ${patch.largest} bytes`,
    );
    return {
      enrolments: accepted,
      enrolments_per_s: accepted / seconds,
      p99_batch_ms: times[Math.min(times.length - 1, Math.ceil(0.99 * times.length) - 1)] ?? Number.NaN,
      board_total: total,
      board_exact: total === accepted ? 1 : 0,
      burst_patch_bytes: patch.bytes,
      board_get_ms: median(getMs),
    };
  } finally {
    await service.stop();
    data.remove();
  }
}

/** Watches the drive's board, sends one batch, and adds up the patch frames that carried it. */
async function watchBurst(
  baseUrl: string,
  observer: string,
  token: string,
  items: readonly unknown[],
): Promise<{ bytes: number; frames: number; largest: number; ms: number }> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws?token=${observer}`);
  const frames: { type?: string; position?: string; bytes: number }[] = [];
  socket.on('message', (raw: Buffer) => frames.push({ ...(JSON.parse(raw.toString('utf8')) as { type?: string; position?: string }), bytes: raw.length }));
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ type: 'subscribe', board: `drive:${DRIVE}` }));
    await until(() => frames.some((f) => f.type === 'snapshot'), 'no snapshot of the drive board');
    const from = frames.length;
    const outcome = await sendBatch(baseUrl, token, items);
    const reached = outcome.position;
    if (reached === undefined) throw new Error('the burst enrolled nobody');
    await until(() => frames.slice(from).some((f) => f.position !== undefined && BigInt(f.position) >= BigInt(reached)), 'the burst never showed');
    const patches = frames.slice(from).filter((f) => f.type === 'patch');
    if (frames.slice(from).some((f) => f.type === 'snapshot')) throw new Error('the burst came as a snapshot, not patches');
    return {
      bytes: patches.reduce((sum, f) => sum + f.bytes, 0),
      frames: patches.length,
      largest: Math.max(0, ...patches.map((f) => f.bytes)),
      ms: outcome.ms,
    };
  } finally {
    socket.terminate();
  }
}

async function until(test: () => boolean, failure: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`enrolBatch: ${failure} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

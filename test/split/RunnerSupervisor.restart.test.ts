import { filter, firstValueFrom, timeout } from 'rxjs';
import { startProjector, type ProjectorProcess } from '@tayari/app/split/startProjector';
import { createLogger } from '@tayari/app/logger';
import { appendEvents } from '@tayari/projections/testing/appendEvents';
import { ev } from '@tayari/projections/testing/domainEvents';
import { FlakyReadStore } from './FlakyReadStore';
import { embeddedStores, type EmbeddedStores } from './splitFixture';

/** A pino logger whose JSON lines are kept, to check what the process says. */
function capturingLogger() {
  const lines: { level: number; msg: string; attempt?: number; delayMs?: number }[] = [];
  const logger = createLogger({ level: 'warn', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  return { logger, lines };
}

/**
 * The projector process's supervision on the EMBEDDED stores, with the read store made to fail as an
 * unreachable MongoDB would (StoreUnavailable): restart with backoff from the stored checkpoints, and
 * what its health endpoint says meanwhile. The MongoDB adapter's own failures are not exercised here.
 */
describe('the projector process restarts its runner', () => {
  let stores: EmbeddedStores;
  let projector: ProjectorProcess | undefined;

  beforeEach(async () => {
    stores = await embeddedStores();
  });

  afterEach(async () => {
    await projector?.close();
    projector = undefined;
    await stores.close();
  });

  const health = async () => {
    const response = await fetch(`${projector?.url}/api/health`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('after the read store failed mid-way: degraded while restarting, then every event applied once', async () => {
    const flaky = new FlakyReadStore(stores.readStore);
    const { logger, lines } = capturingLogger();
    projector = await startProjector({
      events: stores.events,
      readStore: flaky,
      config: stores.config,
      logger,
      zeroPosition: '0',
      runner: { retry: { initialDelayMs: 20, maxDelayMs: 40 } },
    });
    const { supervisor } = projector;
    await appendEvents(stores.events, [ev.tourPlanned('t1'), ev.taskLogged('k1', 't1', 'youth')]);
    await firstValueFrom(
      supervisor.commits$.pipe(
        filter((c) => c.position === '2'),
        timeout(5000),
      ),
    );

    flaky.failing = true;
    const note = await appendEvents(stores.events, [ev.taskNoteAdded('k1', 't1', 'youth', 'one')]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(supervisor.state).toBe('restarting');
    expect(supervisor.failure?.name).toBe('StoreUnavailable');
    const degraded = await health();
    expect(degraded.status).toBe(503);
    expect(degraded.body).toMatchObject({
      status: 'degraded',
      service: 'projector',
      runner: 'restarting',
      failure: 'sqlite unavailable (test)',
      unavailable: [{ store: 'sqlite' }],
    });

    flaky.failing = false;
    const reached = firstValueFrom(
      supervisor.commits$.pipe(
        filter((c) => c.position === note?.position),
        timeout(5000),
      ),
    );
    await reached;
    expect(supervisor.state).toBe('running');
    expect(supervisor.restarts).toBeGreaterThanOrEqual(1);
    const warned = lines.filter((line) => line.msg === 'projections stopped; restarting from the stored checkpoints');
    expect(warned.slice(0, 2).map((line) => [line.attempt, line.delayMs])).toEqual([
      [1, 20],
      [2, 40],
    ]);
    // Resumed from the committed checkpoint: the note applied once, not skipped, not twice.
    expect(supervisor.runner?.cache.programme('t1')?.tasks.k1?.notes).toBe(1);
    const ok = await health();
    expect(ok).toMatchObject({ status: 200, body: { status: 'ok', runner: 'running', caughtUp: true, position: note?.position } });
  });

  it('stops for good at an event it cannot project, and says so (503)', async () => {
    await appendEvents(stores.events, [ev.tourPlanned('t1')]);
    await stores.events.append('task-x', [{ id: 'ab8a1a56-3c55-4f7c-9d49-3f1b8f5b1c11', type: 'TaskTeleported', data: {}, metadata: {} }], 'any');
    const { logger, lines } = capturingLogger();
    projector = await startProjector({ events: stores.events, readStore: stores.readStore, config: stores.config, logger, zeroPosition: '0' });
    const { supervisor } = projector;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(supervisor.state).toBe('failed');
    expect(supervisor.restarts).toBe(0);
    expect(lines.map((line) => [line.level, line.msg])).toEqual([[60, 'projections stopped at an event they cannot apply']]);
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body).toMatchObject({ runner: 'failed', position: '1', caughtUp: false });
    expect(String(body.failure)).toMatch(/TaskTeleported/);
  });
});

import type { BenchContext } from '../BenchContext';
import type { SeedReply } from '../children/seedStore';
import { seedDataDir } from './seedDataDir';
import { serviceNodeArgs } from './serviceNodeArgs';
import { startService, type RunningService } from './startService';
import { tempDataDir } from './tempDataDir';
import { waitForPosition } from './waitForHealth';

export interface SeededService {
  service: RunningService;
  seeded: SeedReply;
  /** Stops the service and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * A temp data folder seeded with upcoming programmes holding `tasks` tasks (`big`: all in one
 * programme), and the service on it,
 * returned once its read models caught up with the seeded events (phases measure the live path).
 */
export async function startSeededService(context: BenchContext, phase: string, tasks: number, plan: 'live' | 'big' = 'live'): Promise<SeededService> {
  const dir = tempDataDir(phase);
  try {
    const seeded = await seedDataDir({ type: plan, dataDir: dir.path, tasks });
    const service = await startService({ dataDir: dir.path, secret: context.secret, nodeArgs: serviceNodeArgs(context, phase) });
    try {
      await waitForPosition(service.url, seeded.head, 60_000);
    } catch (error) {
      await service.stop();
      throw error;
    }
    return {
      service,
      seeded,
      async stop() {
        try {
          await service.stop();
        } finally {
          dir.remove();
        }
      },
    };
  } catch (error) {
    dir.remove();
    throw error;
  }
}

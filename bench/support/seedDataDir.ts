import type { SeedReply, SeedRequest } from '../children/seedStore';
import { BenchChild } from './BenchChild';

/** Seeds a data folder's event store in a child process (the service is not running yet). */
export async function seedDataDir(request: SeedRequest, timeoutMs = 300_000): Promise<SeedReply> {
  const child = new BenchChild<SeedRequest, SeedReply>('seedStore');
  try {
    return await child.ask(request, 'seeded', timeoutMs);
  } finally {
    await child.stop();
  }
}

import { join } from 'node:path';
import type { BenchContext } from '../BenchContext';

/**
 * Node flags for a service the bench starts: with --profile, a CPU profile per thread (the main
 * thread and the event store's writer worker) in bench/profiles/<phase>/.
 */
export function serviceNodeArgs(context: BenchContext, phase: string): string[] {
  if (!context.profileDir) return [];
  return ['--cpu-prof', `--cpu-prof-dir=${join(context.profileDir, phase)}`];
}

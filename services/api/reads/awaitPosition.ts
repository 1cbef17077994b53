import type { ReadSide } from '@tayari/projections/ReadSide';
import { HttpProblem, problem } from '../http/Problem';

/** Checks a position named in a query (400 when it is not one of this store's). */
export function requirePosition(readSide: Pick<ReadSide, 'isPosition'>, name: string, value: string): string {
  if (!readSide.isPosition(value))
    throw new HttpProblem(problem(400, 'invalid-position', `${name} is not a position of this event store`, [{ path: name, message: 'not a position' }]));
  return value;
}

/**
 * `?minPosition=P`: waits until the projections reached P, so a client reads its own writes;
 * 504 when they do not within the timeout (5 s by default).
 */
export async function awaitPosition(readSide: Pick<ReadSide, 'isPosition' | 'waitFor'>, minPosition: string | undefined, timeoutMs: number): Promise<void> {
  if (minPosition === undefined) return;
  requirePosition(readSide, 'minPosition', minPosition);
  if (await readSide.waitFor(minPosition, timeoutMs)) return;
  throw new HttpProblem(problem(504, 'projection-lagging', `the read models did not reach position ${minPosition} within ${timeoutMs} ms; retry`), {
    'Retry-After': '1',
  });
}

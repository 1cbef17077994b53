import { nth } from '@tayari/shared/testing/nth';
import type { BoardArrivals } from '../children/watchers';

export interface BurstRate {
  /** Deliveries per second while pushes were being fanned out. */
  deliveriesPerSecond: number;
  bursts: number;
  deliveries: number;
  /** Mean time from a push's first to its last delivery (ms). */
  meanBurstMs: number;
}

/**
 * Fan-out speed at the clients: for each push (a board at a position, after `afterPosition`), the
 * time from its first delivery to its last across all clients; deliveries per second is all
 * deliveries over the sum of those spans. Measured the same way for Tayari and the raw server, it
 * compares what each does between writing the first socket and the last.
 */
export function burstRate(arrivals: BoardArrivals[], board: string, afterPosition: number): BurstRate {
  const pushes = new Map<number, { first: number; last: number; count: number }>();
  for (const track of arrivals) {
    if (track.board !== board) continue;
    for (const [i, position] of track.positions.entries()) {
      if (!(position > afterPosition)) continue;
      const at = nth(track.times, i);
      const push = pushes.get(position);
      if (!push) pushes.set(position, { first: at, last: at, count: 1 });
      else {
        if (at < push.first) push.first = at;
        if (at > push.last) push.last = at;
        push.count++;
      }
    }
  }
  let deliveries = 0;
  let spanMs = 0;
  for (const push of pushes.values()) {
    deliveries += push.count;
    spanMs += push.last - push.first;
  }
  return {
    deliveriesPerSecond: spanMs > 0 ? deliveries / (spanMs / 1000) : Number.NaN,
    bursts: pushes.size,
    deliveries,
    meanBurstMs: pushes.size > 0 ? spanMs / pushes.size : Number.NaN,
  };
}

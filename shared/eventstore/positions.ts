import type { EventStore, Position } from './EventStore';

/** True when `position` is at or past `target` in `store`'s order; undefined means "nothing yet". */
export function reached(store: Pick<EventStore, 'comparePositions'>, position: Position | undefined, target: Position): boolean {
  return position !== undefined && store.comparePositions(position, target) >= 0;
}

import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import { ModelCache } from '../runner/ModelCache';
import { Projector } from '../runner/Projector';

/** Every model after these events, as the runner would hold them (one batch, no store). */
export function projectAll(events: readonly StoredEvent[]): ModelCache {
  const cache = ModelCache.empty();
  if (events.length > 0) cache.merge(new Projector(cache, (a, b) => Number(a) - Number(b)).project(events, {}).rows);
  return cache;
}

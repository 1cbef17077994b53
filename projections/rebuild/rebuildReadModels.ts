import type { EventStore, Position } from '@tayari/shared/eventstore/EventStore';
import { parseRecorded, type StoredEvent } from '@tayari/shared/events/StoredEvent';
import type { ReadBatch, ReadStore } from '@tayari/shared/readstore/ReadStore';
import { ModelCache } from '../runner/ModelCache';
import { ProjectionFailed } from '../runner/ProjectionFailed';
import { Projector, type Checkpoints, type ProjectedBatch } from '../runner/Projector';

export interface RebuildProgress {
  /** Events applied so far. */
  applied: number;
  /** The position of the last event applied. */
  position: Position | undefined;
  /** The event store's head when the rebuild began (the rebuild stops there). */
  head: Position | undefined;
  elapsedMs: number;
}

export interface RebuildOptions {
  events: EventStore;
  readStore: ReadStore;
  /** Events per read and per commit. Default 1000. */
  pageSize?: number;
  /** Replay only up to this position (inclusive); default the head at the start. */
  until?: Position;
  /** Called after each commit. */
  onProgress?: (progress: RebuildProgress) => void;
  /** Wall time, for the progress figures. */
  now?: () => number;
  /** As the runner's option of the same name: what is committed for each page (e.g. plus the board-change journal). */
  decorateBatch?: ((projected: ProjectedBatch, previous: Position | undefined) => ReadBatch) | undefined;
}

export interface RebuildResult {
  applied: number;
  position: Position | undefined;
  elapsedMs: number;
}

/**
 * Drops every read model and replays the events from the start with the runner's own projector,
 * a page per commit. Runs with the live runner stopped (the embedded store's data lock sees to it).
 * An event that does not parse stops the rebuild, as it stops the runner.
 */
export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildResult> {
  const { events, readStore } = options;
  const now = options.now ?? (() => performance.now());
  const pageSize = options.pageSize ?? 20_000;
  const started = now();
  const head = options.until ?? (await events.headPosition());
  await readStore.clear();
  const cache = ModelCache.empty();
  const projector = new Projector(cache, (a, b) => events.comparePositions(a, b));
  let checkpoints: Checkpoints = {};
  let position: Position | undefined;
  let applied = 0;

  while (head !== undefined && (position === undefined || events.comparePositions(position, head) < 0)) {
    const page = await events.readAll(position, pageSize);
    const parsed: StoredEvent[] = [];
    for (const recorded of page) {
      if (events.comparePositions(recorded.position, head) > 0) break;
      try {
        parsed.push(parseRecorded(recorded));
      } catch (error) {
        throw new ProjectionFailed(recorded, error);
      }
    }
    if (parsed.length === 0) break;
    const projected = projector.project(parsed, checkpoints);
    await readStore.commit(options.decorateBatch ? options.decorateBatch(projected, position) : projected.write);
    cache.merge(projected.rows);
    checkpoints = { ...checkpoints, ...projected.write.checkpoints };
    position = projected.position;
    applied += parsed.length;
    options.onProgress?.({ applied, position, head, elapsedMs: now() - started });
  }
  return { applied, position, elapsedMs: now() - started };
}

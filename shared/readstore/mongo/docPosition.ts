import type { Position } from '../../eventstore/EventStore';
import type { ReadBatch } from '../ReadStore';

/**
 * The position a batch brings a collection's docs to, for the per-doc guard: the checkpoint named
 * after the collection (the runner names each model's checkpoint after its collection), else the one
 * position every checkpoint of the batch shares. Undefined when the batch does not say (no
 * checkpoint, or projections at different positions): such docs are written unguarded.
 */
export function docPosition(batch: ReadBatch, collection: string): Position | undefined {
  if (Object.hasOwn(batch.checkpoints, collection)) return batch.checkpoints[collection];
  const positions = new Set(Object.values(batch.checkpoints));
  return positions.size === 1 ? [...positions][0] : undefined;
}

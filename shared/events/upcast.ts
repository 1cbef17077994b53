import { z } from 'zod';
import type { RecordedEvent } from '../eventstore/EventStore';

/**
 * Old event shapes are upcast on read, never rewritten. Each entry turns `{type, data}` written
 * under metadata.schema = N into the shape of N + 1. None exist yet: v1 is the only shape.
 */
type Upcaster = (event: { type: string; data: unknown }) => { type: string; data: unknown };

export const UPCASTERS: Record<number, Upcaster> = {};
export const CURRENT_SCHEMA = 1;

export function upcast(event: { type: string; data: unknown }, schema: number): { type: string; data: unknown } {
  let current = event;
  for (let version = schema; version < CURRENT_SCHEMA; version++) {
    const step = UPCASTERS[version];
    if (step) current = step(current);
  }
  return current;
}

/** Only the schema version of an event's metadata (the rest is checked where it is used). */
const SchemaOfMetadata = z.object({ schema: z.number().int().positive().default(1) });

/** A recorded event's `{type, data}` in today's shape, for readers that do not need its metadata. */
export function upcastRecorded(recorded: Pick<RecordedEvent, 'type' | 'data' | 'metadata'>): { type: string; data: unknown } {
  return upcast({ type: recorded.type, data: recorded.data }, SchemaOfMetadata.parse(recorded.metadata).schema);
}

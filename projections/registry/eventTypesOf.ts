import type { z } from 'zod';
import type { StoredEvent } from '@tayari/shared/events/StoredEvent';

/** An aggregate's event union, as shared/<aggregate>/events.ts declares it. */
export type EventUnion = z.ZodDiscriminatedUnion<readonly z.ZodObject<{ type: z.ZodLiteral<StoredEvent['type']> }>[]>;

/** The stored events of some unions: what a read model that handles them is given. */
export type StoredEventOf<U extends EventUnion> = Extract<StoredEvent, { type: z.infer<U>['type'] }>;

/** The event types of some unions, read off their schemas (never listed by hand). */
export function eventTypesOf(unions: readonly EventUnion[]): ReadonlySet<string> {
  const types = new Set<string>();
  for (const union of unions) for (const option of union.options) types.add(option.shape.type.value);
  return types;
}

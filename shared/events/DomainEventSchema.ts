import { z } from 'zod';
import { AGGREGATES } from '../application/aggregates';
import type { EventOption } from './EventUnion';

type Aggregates = typeof AGGREGATES;
/** The event schemas of every aggregate in the registry, in order, as one tuple type. */
type OptionsOf<A extends readonly { events: { options: readonly EventOption[] } }[]> = A extends readonly [
  infer Head extends { events: { options: readonly EventOption[] } },
  ...infer Rest extends readonly { events: { options: readonly EventOption[] } }[],
]
  ? [...Head['events']['options'], ...OptionsOf<Rest>]
  : [];

function flatten(): OptionsOf<Aggregates> {
  const all: EventOption[] = [];
  for (const aggregate of AGGREGATES) all.push(...aggregate.events.options);
  // The one place where the registry's unions are flattened: a loop loses the tuple type that
  // z.discriminatedUnion needs, which OptionsOf restores.
  return all as unknown as OptionsOf<Aggregates>;
}

const options = flatten();

/** Every event Tayari writes, read off the aggregate registry; parsed on write (before append) and on read. */
export const DomainEventSchema = z.discriminatedUnion('type', options);
export type DomainEvent = z.infer<typeof DomainEventSchema>;

import type { z } from 'zod';
import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import { eventTypesOf, type EventUnion, type StoredEventOf } from './eventTypesOf';

/** One entry of a log model, as the read store keeps it: in `group`, ordered by `key`. */
export interface LogEntry<Entry> {
  group: string;
  /** Sorts like positions do: an entry redelivered replaces itself. */
  key: string;
  entry: Entry;
}

/**
 * A read model kept as an append-only log per group (a programme's history): each event it handles
 * adds at most one entry, read back a page at a time.
 */
export interface LogModel<Entry = unknown, E extends StoredEvent = StoredEvent> {
  readonly kind: 'log';
  /** Its name: the log and the checkpoint. */
  readonly name: string;
  readonly schema: z.ZodType<Entry>;
  readonly types: ReadonlySet<string>;
  handles(event: StoredEvent): event is E;
  entry(event: E): LogEntry<Entry> | undefined;
}

export type LogModelDefinition<Entry, U extends EventUnion> = Omit<LogModel<Entry, StoredEventOf<U>>, 'kind' | 'types' | 'handles'> & {
  events: readonly U[];
};

export function defineLog<Entry, U extends EventUnion>(definition: LogModelDefinition<Entry, U>): LogModel<Entry, StoredEventOf<U>> {
  const { events, ...rest } = definition;
  const types = eventTypesOf(events);
  return { kind: 'log', types, handles: (event: StoredEvent): event is StoredEventOf<U> => types.has(event.type), ...rest };
}

import type { z } from 'zod';
import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import type { BoardName } from '../BoardSource';
import { eventTypesOf, type EventUnion, type StoredEventOf } from './eventTypesOf';

/** What an evolve may look at besides its own row: other models' rows as they stand in the batch so far. */
export interface ModelView {
  row<R extends Identified>(model: RowModel<R>, id: string): R | undefined;
  /** The wings with live work on a programme (the wing boards that list it). */
  wingsOf(programmeId: string): readonly string[];
  /** The people with live tasks on a programme (the `mine` boards that show it). */
  peopleOf(programmeId: string): readonly string[];
  comparePositions(a: Position, b: Position): number;
}

export interface Identified {
  id: string;
}

/**
 * A read model kept as rows (documents) keyed by id, one collection of the read store. Each event it
 * handles touches at most one row (`key`), so a change costs the same however large the model.
 * Methods, not function properties: a model of one row type stands in a list of models of any.
 */
export interface RowModel<Row extends Identified = Identified, E extends StoredEvent = StoredEvent> {
  readonly kind: 'rows';
  /** The model's name: its collection and its checkpoint. */
  readonly name: string;
  readonly schema: z.ZodType<Row>;
  /** The event types it handles, derived from the event schemas. */
  readonly types: ReadonlySet<string>;
  /**
   * Rows stored by group (a task: its programme) are read per group when needed: a start reads only
   * the groups still to come. Rows without one are all read at start.
   */
  readonly grouped: boolean;
  /** Whether the cache lists its ids in the order its rows came (ModelCache.addedIds: an index over it catches up from those). */
  readonly listsArrivals: boolean;
  handles(event: StoredEvent): event is E;
  /** The row an event touches; undefined: none. */
  key(event: E): string | undefined;
  /** True when the row already reflects the event (a redelivery): it is skipped. */
  seen(row: Row, event: E, view: ModelView): boolean;
  /** The row after the event: pure; undefined or the same object when nothing changed. */
  evolve(row: Row | undefined, event: E, view: ModelView): Row | undefined;
  /** The live boards that show the change. */
  boards(before: Row | undefined, after: Row, event: E, view: ModelView): Iterable<BoardName>;
  /** The programme the row belongs to, if any (its group when grouped; the board clock re-plans it). */
  programmeOf(row: Row): string | undefined;
}

export type RowModelDefinition<Row extends Identified, U extends EventUnion> = Omit<
  RowModel<Row, StoredEventOf<U>>,
  'kind' | 'types' | 'handles' | 'grouped' | 'listsArrivals' | 'programmeOf' | 'seen'
> & {
  events: readonly U[];
  grouped?: boolean;
  listsArrivals?: boolean;
  programmeOf?(row: Row): string | undefined;
  /** Default: the row's stream `version` is at or past the event's. */
  seen?(row: Row, event: StoredEventOf<U>, view: ModelView): boolean;
};

function versionOf(row: Identified): number | undefined {
  return 'version' in row && typeof row.version === 'number' ? row.version : undefined;
}

/** A row model from its definition: the event types it handles are read off `events`. */
export function defineRows<Row extends Identified, U extends EventUnion>(definition: RowModelDefinition<Row, U>): RowModel<Row, StoredEventOf<U>> {
  const { events, grouped = false, listsArrivals = false, ...rest } = definition;
  const types = eventTypesOf(events);
  return {
    kind: 'rows',
    grouped,
    listsArrivals,
    types,
    handles: (event: StoredEvent): event is StoredEventOf<U> => types.has(event.type),
    programmeOf: () => undefined,
    seen: (row: Row, event: StoredEvent) => {
      const version = versionOf(row);
      return version !== undefined && event.version <= version;
    },
    ...rest,
  };
}

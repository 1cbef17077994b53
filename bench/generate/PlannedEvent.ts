import type { Actor } from '@tayari/shared/common/actor';
import type { DomainEvent } from '@tayari/shared/events/DomainEventSchema';

/** A generated event before it is stored: when it happens, in which stream, by whom. */
export interface PlannedEvent {
  /** Milliseconds since the epoch. */
  at: number;
  streamId: string;
  actor: Actor;
  event: DomainEvent;
}

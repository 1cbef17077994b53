import type { RecordedEvent } from '../eventstore/EventStore';
import { EventMetadataSchema, type EventMetadata } from '../common/metadata';
import { DomainEventSchema, type DomainEvent } from './DomainEventSchema';
import { upcast } from './upcast';

/** A recorded event after parsing: the domain event, its metadata and where it sits. */
export type StoredEvent = DomainEvent & {
  metadata: EventMetadata;
  streamId: string;
  version: number;
  position: string;
};

/** Parses what a store returned; throws a ZodError when the stored shape is not one we know. */
export function parseRecorded(recorded: RecordedEvent): StoredEvent {
  const metadata = EventMetadataSchema.parse(recorded.metadata);
  const event = DomainEventSchema.parse(upcast({ type: recorded.type, data: recorded.data }, metadata.schema));
  return { ...event, metadata, streamId: recorded.streamId, version: recorded.version, position: recorded.position };
}

import type { Actor } from '@tayari/shared/common/actor';
import type { EventMetadata } from '@tayari/shared/common/metadata';
import { meetingAggregate } from '@tayari/shared/meeting/meetingAggregate';
import { responsibilityAggregate } from '@tayari/shared/responsibility/responsibilityAggregate';
import { taskAggregate } from '@tayari/shared/task/taskAggregate';
import { tourAggregate } from '@tayari/shared/tour/tourAggregate';
import { CATALOGUE_STREAM_ID, wingsAggregate } from '@tayari/shared/wings/wingsAggregate';
import type { DomainEvent } from '@tayari/shared/events/DomainEventSchema';
import type { StoredEvent } from '@tayari/shared/events/StoredEvent';

export const INCHARGE: Actor = { sub: 'u-incharge', name: 'प्रभारी', role: 'incharge' };

/** The stream an event is written to, as the command side names it. */
export function streamOf(event: DomainEvent): string {
  const data = event.data;
  if (event.type === 'WingRegistered') return wingsAggregate.stream(CATALOGUE_STREAM_ID);
  if ('taskId' in data) return taskAggregate.stream(data.taskId);
  if ('responsibilityId' in data) return responsibilityAggregate.stream(data.responsibilityId);
  if ('tourId' in data) return tourAggregate.stream(data.tourId);
  if ('meetingId' in data) return meetingAggregate.stream(data.meetingId);
  throw new Error(`no stream for ${event.type}`);
}

/** Hands out stored events with increasing positions and per-stream versions, for model tests. */
export class EventLog {
  private position = 0;
  private readonly versions = new Map<string, number>();

  constructor(private at = '2018-06-20T04:30:00.000Z') {}

  record(event: DomainEvent, options: { actor?: Actor; at?: string } = {}): StoredEvent {
    const streamId = streamOf(event);
    const version = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, version);
    const metadata: EventMetadata = {
      actor: options.actor ?? INCHARGE,
      at: options.at ?? this.at,
      commandId: `c${this.position + 1}`,
      correlationId: `c${this.position + 1}`,
      schema: 1,
    };
    return { ...event, metadata, streamId, version, position: String(++this.position) } as StoredEvent;
  }

  all(events: DomainEvent[]): StoredEvent[] {
    return events.map((event) => this.record(event));
  }
}

/** Folds events with an evolve, from `initial`. */
export function fold<M>(evolve: (model: M, event: StoredEvent) => M, initial: M, events: readonly StoredEvent[]): M {
  return events.reduce(evolve, initial);
}

import type { Actor } from '@tayari/shared/common/actor';
import type { EventMetadata } from '@tayari/shared/common/metadata';
import { streams } from '@tayari/shared/common/streams';
import type { DomainEvent } from '@tayari/shared/events/DomainEventSchema';
import type { StoredEvent } from '@tayari/shared/events/StoredEvent';

export const INCHARGE: Actor = { sub: 'u-incharge', name: 'प्रभारी', role: 'incharge' };

/** The stream an event is written to, as the command side names it. */
export function streamOf(event: DomainEvent): string {
  const data = event.data;
  if (event.type === 'WingRegistered') return streams.wings();
  if ('taskId' in data) return streams.task(data.taskId);
  if ('responsibilityId' in data) return streams.responsibility(data.responsibilityId);
  if ('tourId' in data) return streams.tour(data.tourId);
  if ('meetingId' in data) return streams.meeting(data.meetingId);
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

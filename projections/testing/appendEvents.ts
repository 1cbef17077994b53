import { randomUUID } from 'node:crypto';
import type { Actor } from '@tayari/shared/common/actor';
import type { EventMetadata } from '@tayari/shared/common/metadata';
import type { DomainEvent } from '@tayari/shared/events/DomainEventSchema';
import type { AppendResult, EventStore } from '@tayari/shared/eventstore/EventStore';
import { INCHARGE, streamOf } from './EventLog';

/** Appends domain events one by one to their streams, with valid metadata (for runner tests). */
export async function appendEvents(
  store: EventStore,
  events: readonly DomainEvent[],
  options: { actor?: Actor; at?: string } = {},
): Promise<AppendResult | undefined> {
  let last: AppendResult | undefined;
  for (const event of events) {
    const commandId = randomUUID();
    const metadata: EventMetadata = {
      actor: options.actor ?? INCHARGE,
      at: options.at ?? '2018-06-20T04:30:00.000Z',
      commandId,
      correlationId: commandId,
      schema: 1,
    };
    last = await store.append(streamOf(event), [{ id: randomUUID(), type: event.type, data: event.data, metadata }], 'any');
  }
  return last;
}

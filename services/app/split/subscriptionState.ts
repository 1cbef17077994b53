import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import { EsdbEventStore } from '@tayari/shared/eventstore/esdb/EsdbEventStore';
import type { SubscriptionStatus } from '@tayari/shared/eventstore/esdb/SubscriptionStatus';

/** How the $all subscription stands, where the store reports it (EventStoreDB); null otherwise. */
export function subscriptionState(events: EventStore): SubscriptionStatus | null {
  return events instanceof EsdbEventStore ? events.status : null;
}

import type { EventStore } from '@tayari/shared/eventstore/EventStore';
import type { EsdbEventStore } from '@tayari/shared/eventstore/esdb/EsdbEventStore';
import type { SubscriptionStatus } from '@tayari/shared/eventstore/esdb/SubscriptionStatus';

// By kind, not instanceof: the EventStoreDB adapter (and its gRPC client) is loaded only when used.
function isEsdb(events: EventStore): events is EsdbEventStore {
  return events.kind === 'eventstoredb';
}

/** How the $all subscription stands, where the store reports it (EventStoreDB); null otherwise. */
export function subscriptionState(events: EventStore): SubscriptionStatus | null {
  return isEsdb(events) ? events.status : null;
}

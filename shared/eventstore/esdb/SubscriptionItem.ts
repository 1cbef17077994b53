import type { SubscriptionStatus } from './SubscriptionStatus';

/** What a subscription emits: an event, or a change of its status (kept in one ordered stream). */
export type SubscriptionItem<T> = { kind: 'event'; event: T } | { kind: 'status'; status: SubscriptionStatus };

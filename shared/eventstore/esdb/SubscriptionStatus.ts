/**
 * Where a subscription to $all stands, for /api/health:
 * - `idle`: nothing is subscribed;
 * - `catchingUp`: (re)subscribed and reading history (older servers send no caughtUp, so it stays here);
 * - `caughtUp`: live, receiving new events as they are written;
 * - `fellBehind`: was live but lags, so the server reads history again;
 * - `reconnecting`: dropped; the next attempt starts after `delayMs`.
 */
export type SubscriptionStatus =
  | { state: 'idle' }
  | { state: 'catchingUp' }
  | { state: 'caughtUp' }
  | { state: 'fellBehind' }
  | { state: 'reconnecting'; attempt: number; delayMs: number; error: string };

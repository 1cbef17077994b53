import { asyncScheduler, Observable, type SchedulerLike, type Subscription } from 'rxjs';
import type { Position } from '../EventStore';
import type { SubscriptionItem } from './SubscriptionItem';
import { SubscriptionEnded } from './SubscriptionEnded';

interface ResubscribeOptions<T> {
  /** Where a delivered event sits, so that the next attempt starts right after it. */
  positionOf: (event: T) => Position;
  /** First wait after a drop; doubles on each failure in a row. Default 100 ms. */
  initialDelayMs?: number | undefined;
  /** Longest wait between attempts. Default 5 s. */
  maxDelayMs?: number | undefined;
  /** Errors that end the subscription instead of retrying (bugs, bad positions). Default: retry all. */
  isRetryable?: (error: unknown) => boolean;
  /** Where the waits are scheduled; tests pass a virtual-time scheduler. */
  scheduler?: SchedulerLike | undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Keeps a subscription alive across drops. `subscribe(after)` must start strictly after `after`
 * (exclusive, as EventStoreDB's subscribeToAll does). When it errors or ends, this waits (exponential
 * backoff) and subscribes again from the last event it delivered, so consumers see no gap and no
 * duplicate. Status items tell `catchingUp` on each (re)subscription and `reconnecting` on each drop;
 * the source's own status items (caughtUp, fellBehind) pass through. A delivered event or a
 * `caughtUp` proves the connection healthy and resets the backoff.
 *
 * Cold: each subscriber gets its own chain of source subscriptions; unsubscribing tears down the
 * current source subscription and any pending wait.
 */
export function resubscribing<T>(
  subscribe: (after: Position | undefined) => Observable<SubscriptionItem<T>>,
  after: Position | undefined,
  options: ResubscribeOptions<T>,
): Observable<SubscriptionItem<T>> {
  const { positionOf, initialDelayMs = 100, maxDelayMs = 5000, isRetryable = () => true, scheduler = asyncScheduler } = options;

  return new Observable<SubscriptionItem<T>>((subscriber) => {
    let last = after;
    let failures = 0;
    let source: Subscription | undefined;
    let wait: Subscription | undefined;

    const dropped = (error: unknown) => {
      source = undefined;
      if (subscriber.closed) return;
      if (!isRetryable(error)) {
        subscriber.error(error);
        return;
      }
      const delayMs = Math.min(maxDelayMs, initialDelayMs * 2 ** failures);
      failures += 1;
      subscriber.next({ kind: 'status', status: { state: 'reconnecting', attempt: failures, delayMs, error: messageOf(error) } });
      wait = scheduler.schedule(() => {
        wait = undefined;
        connect();
      }, delayMs);
    };

    const connect = () => {
      if (subscriber.closed) return;
      subscriber.next({ kind: 'status', status: { state: 'catchingUp' } });
      let stream: Observable<SubscriptionItem<T>>;
      try {
        stream = subscribe(last);
      } catch (error) {
        dropped(error);
        return;
      }
      source = stream.subscribe({
        next: (item) => {
          if (item.kind === 'event') {
            last = positionOf(item.event);
            failures = 0;
          } else if (item.status.state === 'caughtUp') {
            failures = 0;
          }
          subscriber.next(item);
        },
        error: dropped,
        // A catch-up subscription has no natural end: the server or the connection closed it.
        complete: () => dropped(new SubscriptionEnded()),
      });
      // A synchronous source may already have failed (leaving a closed subscription here), or our
      // subscriber may have unsubscribed while it emitted, before the teardown could see `source`.
      if (subscriber.closed) source.unsubscribe();
      if (source.closed) source = undefined;
    };

    connect();
    return () => {
      wait?.unsubscribe();
      source?.unsubscribe();
    };
  });
}

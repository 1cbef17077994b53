import { START, streamNameFilter, type AllStreamResolvedEvent, type EventStoreDBClient } from '@eventstore/db-client';
import { Observable } from 'rxjs';
import type { Position, RecordedEvent } from '../EventStore';
import { esdbPosition } from './esdbPosition';
import { fromEsdbEvent } from './fromEsdbEvent';
import { isOwnEvent } from './isOwnEvent';
import type { SubscriptionItem } from './SubscriptionItem';

/**
 * One subscription to $all as a cold Observable, without any retry (see resubscribing.ts).
 * Starts strictly after `after` (subscribeToAll's fromPosition is exclusive), from the start when
 * undefined. The server filters by stream prefix; the same check runs here, because the prefix
 * filter alone would let `$`-typed events of our streams through.
 */
export function esdbAllSubscription(
  client: EventStoreDBClient,
  after: Position | undefined,
  prefixes: readonly string[],
): Observable<SubscriptionItem<RecordedEvent>> {
  return new Observable<SubscriptionItem<RecordedEvent>>((subscriber) => {
    const subscription = client.subscribeToAll({
      fromPosition: after === undefined ? START : esdbPosition.decode(after),
      filter: streamNameFilter({ prefixes: [...prefixes] }),
    });
    const onData = (resolved: AllStreamResolvedEvent) => {
      const event = resolved.event;
      if (!event || !isOwnEvent(event.streamId, event.type, prefixes)) return;
      let recorded: RecordedEvent;
      try {
        recorded = fromEsdbEvent(event);
      } catch (error) {
        subscriber.error(error);
        return;
      }
      subscriber.next({ kind: 'event', event: recorded });
    };
    const onCaughtUp = () => subscriber.next({ kind: 'status', status: { state: 'caughtUp' } });
    const onFellBehind = () => subscriber.next({ kind: 'status', status: { state: 'fellBehind' } });
    const onError = (error: Error) => subscriber.error(error);
    // 'close' without 'end' happens when the stream is destroyed under us; either way it is over,
    // and resubscribing.ts subscribes again.
    const onEnd = () => subscriber.complete();
    subscription.on('data', onData);
    subscription.on('caughtUp', onCaughtUp);
    subscription.on('fellBehind', onFellBehind);
    subscription.on('error', onError);
    subscription.on('end', onEnd);
    subscription.on('close', onEnd);

    return () => {
      // Only our listeners: the stream's own (pipe, cleanup) must stay.
      subscription.removeListener('data', onData);
      subscription.removeListener('caughtUp', onCaughtUp);
      subscription.removeListener('fellBehind', onFellBehind);
      subscription.removeListener('end', onEnd);
      subscription.removeListener('close', onEnd);
      // An 'error' emitted with no listener would crash the process; late ones mean nothing now.
      subscription.removeListener('error', onError);
      subscription.on('error', () => undefined);
      subscription.unsubscribe().catch(() => undefined);
    };
  });
}

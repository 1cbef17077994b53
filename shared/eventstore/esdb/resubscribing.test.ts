import { Observable, Subject, take, type Subscription } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { StoreUnavailable } from '../../common/errors';
import type { Position } from '../EventStore';
import { resubscribing } from './resubscribing';
import { nth } from '../../testing/nth';
import type { SubscriptionItem } from './SubscriptionItem';

/** Events of the fake source are just their positions. */
type Item = SubscriptionItem<Position>;
const ev = (position: Position): Item => ({ kind: 'event', event: position });
const caughtUp: Item = { kind: 'status', status: { state: 'caughtUp' } };

/** Renders what came out, with the virtual time it came at, compactly. */
function label(item: Item): string {
  if (item.kind === 'event') return item.event;
  return item.status.state === 'reconnecting' ? `reconnecting#${item.status.attempt}+${item.status.delayMs}` : item.status.state;
}

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const drop = new StoreUnavailable('connection lost');

describe('resubscribing', () => {
  test('after an error mid-stream, resubscribes from the last delivered position after the backoff', () => {
    const calls: (Position | undefined)[] = [];
    const seen: string[] = [];
    const scheduler = newScheduler();
    scheduler.run(({ cold }) => {
      const subscribe = (after: Position | undefined) => {
        calls.push(after);
        // First connection delivers p1, p2 then drops; the second continues strictly after p2.
        return calls.length === 1 ? cold<Item>('-a-b-#', { a: ev('p1'), b: ev('p2') }, drop) : cold<Item>('-c-u-d', { c: ev('p3'), u: caughtUp, d: ev('p4') });
      };
      resubscribing(subscribe, undefined, { positionOf: (p) => p }).subscribe((item) => seen.push(`${label(item)}@${scheduler.now()}`));
    });
    expect(calls).toEqual([undefined, 'p2']);
    expect(seen).toEqual(['catchingUp@0', 'p1@1', 'p2@3', 'reconnecting#1+100@5', 'catchingUp@105', 'p3@106', 'caughtUp@108', 'p4@110']);
  });

  test('passes the caller’s starting position to the first subscription', () => {
    const calls: (Position | undefined)[] = [];
    newScheduler().run(({ cold }) => {
      resubscribing(
        (after) => {
          calls.push(after);
          return cold<Item>('-a|', { a: ev('p9') });
        },
        'p8',
        { positionOf: (p) => p },
      )
        .pipe(take(5))
        .subscribe();
    });
    // Ended (|) → resubscribed from the event it had delivered, not from the start.
    expect(calls).toEqual(['p8', 'p9']);
  });

  test('an end of the source is a drop too', () => {
    const seen: string[] = [];
    const scheduler = newScheduler();
    scheduler.run(({ cold }) => {
      let n = 0;
      resubscribing(() => (++n === 1 ? cold<Item>('a|', { a: ev('p1') }) : cold<Item>('-b', { b: ev('p2') })), undefined, {
        positionOf: (p) => p,
      }).subscribe((item) => seen.push(`${label(item)}@${scheduler.now()}`));
    });
    expect(seen).toEqual(['catchingUp@0', 'p1@0', 'reconnecting#1+100@1', 'catchingUp@101', 'p2@102']);
  });

  test('backoff doubles per failure in a row and is capped', () => {
    const delays: number[] = [];
    newScheduler().run(({ cold }) => {
      resubscribing(() => cold<Item>('#', undefined, drop), undefined, { positionOf: (p) => p, initialDelayMs: 100, maxDelayMs: 5000 })
        .pipe(take(20))
        .subscribe((item) => {
          if (item.kind === 'status' && item.status.state === 'reconnecting') delays.push(item.status.delayMs);
        });
    });
    expect(delays).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000, 5000]);
  });

  test('a delivered event resets the backoff', () => {
    const delays: number[] = [];
    newScheduler().run(({ cold }) => {
      let n = 0;
      const sources = [
        () => cold<Item>('#', undefined, drop), // 100
        () => cold<Item>('#', undefined, drop), // 200
        () => cold<Item>('a#', { a: ev('p1') }, drop), // delivered, then dropped: 100 again
        () => cold<Item>('#', undefined, drop), // 200
        () => cold<Item>('-'),
      ];
      resubscribing(() => nth(sources, n++)(), undefined, { positionOf: (p) => p }).subscribe((item) => {
        if (item.kind === 'status' && item.status.state === 'reconnecting') delays.push(item.status.delayMs);
      });
    });
    expect(delays).toEqual([100, 200, 100, 200]);
  });

  test('reports the drop’s error and attempt number', () => {
    const statuses: Item[] = [];
    newScheduler().run(({ cold }) => {
      resubscribing(() => cold<Item>('#', undefined, drop), undefined, { positionOf: (p) => p })
        .pipe(take(2))
        .subscribe((item) => statuses.push(item));
    });
    expect(statuses[1]).toEqual({
      kind: 'status',
      status: { state: 'reconnecting', attempt: 1, delayMs: 100, error: 'StoreUnavailable: connection lost' },
    });
  });

  test('an error that is not retryable ends the subscription with that error, without resubscribing', () => {
    const bug = new RangeError('not an EventStoreDB position');
    let calls = 0;
    let failure: unknown;
    const seen: string[] = [];
    newScheduler().run(({ cold }) => {
      resubscribing(
        () => {
          calls += 1;
          return cold<Item>('-a-#', { a: ev('p1') }, bug);
        },
        undefined,
        { positionOf: (p) => p, isRetryable: (error) => error instanceof StoreUnavailable },
      ).subscribe({ next: (item) => seen.push(label(item)), error: (error) => (failure = error) });
    });
    expect(calls).toBe(1);
    expect(seen).toEqual(['catchingUp', 'p1']);
    expect(failure).toBe(bug);
  });

  test('a subscribe function that throws is treated like a source error', () => {
    const calls: (Position | undefined)[] = [];
    newScheduler().run(({ cold }) => {
      resubscribing(
        (after) => {
          calls.push(after);
          if (calls.length === 1) throw drop;
          return cold<Item>('-');
        },
        undefined,
        { positionOf: (p) => p },
      ).subscribe();
    });
    expect(calls).toEqual([undefined, undefined]);
  });

  test('unsubscribing tears down the source and cancels a pending resubscription', () => {
    newScheduler().run(({ cold, expectSubscriptions, flush }) => {
      const first = cold<Item>('-a-#', { a: ev('p1') }, drop);
      const second = cold<Item>('-b', { b: ev('p2') });
      let n = 0;
      let subscription: Subscription | undefined;
      subscription = resubscribing(() => (++n === 1 ? first : second), undefined, { positionOf: (p) => p }).subscribe();
      // Dropped at 3, would resubscribe at 103: unsubscribe in between.
      cold('50ms a').subscribe(() => subscription?.unsubscribe());
      flush();
      expectSubscriptions(first.subscriptions).toBe('^--!');
      expect(second.subscriptions).toEqual([]);
      expect(n).toBe(1);
    });
  });

  test('unsubscribing while connected unsubscribes the source', () => {
    newScheduler().run(({ cold, expectSubscriptions }) => {
      const source = cold<Item>('-a-b-c-d', { a: ev('p1'), b: ev('p2'), c: ev('p3'), d: ev('p4') });
      resubscribing(() => source, undefined, { positionOf: (p) => p })
        .pipe(take(3)) // catchingUp, p1, p2
        .subscribe();
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  test('a consumer that unsubscribes while a resubscribed synchronous source is still emitting tears it down', () => {
    let tornDown = false;
    const synchronous = new Observable<Item>((subscriber) => {
      for (let i = 1; i <= 5 && !subscriber.closed; i++) subscriber.next(ev(`p${i}`));
      return () => {
        tornDown = true;
      };
    });
    const seen: string[] = [];
    newScheduler().run(({ cold }) => {
      let n = 0;
      resubscribing(() => (++n === 1 ? cold<Item>('#', undefined, drop) : synchronous), undefined, { positionOf: (p) => p })
        .pipe(take(5))
        .subscribe((item) => seen.push(label(item)));
    });
    expect(seen).toEqual(['catchingUp', 'reconnecting#1+100', 'catchingUp', 'p1', 'p2']);
    expect(tornDown).toBe(true);
  });

  test('is cold: each subscriber gets its own source subscriptions', () => {
    const calls: (Position | undefined)[] = [];
    const source = new Subject<Item>();
    const observable = resubscribing(
      (after) => {
        calls.push(after);
        return source.asObservable();
      },
      'p0',
      { positionOf: (p) => p },
    );
    expect(calls).toEqual([]);
    const a = observable.subscribe();
    const b = observable.subscribe();
    expect(calls).toEqual(['p0', 'p0']);
    a.unsubscribe();
    b.unsubscribe();
    expect(source.observed).toBe(false);
  });

  test('with real timers, waits the injected delay before resubscribing', async () => {
    const calls: (Position | undefined)[] = [];
    const started = Date.now();
    const times: number[] = [];
    const seen = await new Promise<string[]>((resolve) => {
      const labels: string[] = [];
      const subscription = resubscribing<Position>(
        (after) =>
          new Observable<Item>((subscriber) => {
            calls.push(after);
            times.push(Date.now() - started);
            if (calls.length === 1) {
              subscriber.next(ev('p1'));
              subscriber.error(drop);
            } else {
              subscriber.next(ev('p2'));
            }
          }),
        undefined,
        { positionOf: (p) => p, initialDelayMs: 20 },
      ).subscribe((item) => {
        labels.push(label(item));
        if (item.kind === 'event' && item.event === 'p2') {
          subscription.unsubscribe();
          resolve(labels);
        }
      });
    });
    expect(seen).toEqual(['catchingUp', 'p1', 'reconnecting#1+20', 'catchingUp', 'p2']);
    expect(calls).toEqual([undefined, 'p1']);
    expect(nth(times, 1) - nth(times, 0)).toBeGreaterThanOrEqual(15);
  });
});

import { UnknownError } from '@eventstore/db-client';
import type { Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { Position } from '../EventStore';
import { isRetryableSubscriptionError } from './isRetryableSubscriptionError';
import { resubscribing } from './resubscribing';
import type { SubscriptionItem } from './SubscriptionItem';

/**
 * With EsdbEventStore's own retry rule: a subscription that ends or closes (a server restart, a
 * leader change) and the client's UnknownError are subscribed again with backoff from the last
 * event delivered, instead of failing the projector (whose supervisor would reload every model).
 */
type Item = SubscriptionItem<Position>;
const ev = (position: Position): Item => ({ kind: 'event', event: position });
const label = (item: Item) =>
  item.kind === 'event'
    ? item.event
    : item.status.state === 'reconnecting'
      ? `reconnecting#${item.status.attempt}+${item.status.delayMs}:${item.status.error}`
      : item.status.state;

type Cold = <T>(marbles: string, values?: Record<string, T>, error?: unknown) => Observable<T>;

function run(sources: (cold: Cold) => (after: Position | undefined) => Observable<Item>) {
  const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  const seen: string[] = [];
  let failed: unknown;
  scheduler.run(({ cold }) => {
    resubscribing<Position>(sources(cold), undefined, { positionOf: (p) => p, isRetryable: isRetryableSubscriptionError }).subscribe({
      next: (item) => seen.push(`${label(item)}@${scheduler.now()}`),
      error: (error: unknown) => {
        failed = error;
      },
    });
  });
  return { seen, failed };
}

describe('resubscribing with isRetryableSubscriptionError', () => {
  test('an end (complete) is followed by a new subscription after the last event', () => {
    const calls: (Position | undefined)[] = [];
    const { seen, failed } = run((cold) => (after) => {
      calls.push(after);
      return calls.length === 1 ? cold<Item>('-a-|', { a: ev('p1') }) : cold<Item>('-b-', { b: ev('p2') });
    });
    expect(failed).toBeUndefined();
    expect(calls).toEqual([undefined, 'p1']);
    expect(seen).toEqual(['catchingUp@0', 'p1@1', 'reconnecting#1+100:SubscriptionEnded: the subscription to $all ended (end)@3', 'catchingUp@103', 'p2@104']);
  });

  test('UnknownError is retried, with the wait doubling while it repeats', () => {
    const calls: (Position | undefined)[] = [];
    const { seen, failed } = run((cold) => (after) => {
      calls.push(after);
      return calls.length < 3 ? cold<Item>('-#', {}, new UnknownError()) : cold<Item>('-a-', { a: ev('p1') });
    });
    expect(failed).toBeUndefined();
    expect(seen.filter((line) => line.startsWith('reconnecting')).map((line) => line.replace(/:.*@/, '@'))).toEqual([
      'reconnecting#1+100@1',
      'reconnecting#2+200@102',
    ]);
    expect(seen.at(-1)).toBe('p1@303');
  });

  test('an error that would repeat (an event we cannot read) still fails', () => {
    const broken = new RangeError('stream tour-1 is too long for a numeric version');
    const { failed } = run((cold) => () => cold<Item>('-#', {}, broken));
    expect(failed).toBe(broken);
  });
});

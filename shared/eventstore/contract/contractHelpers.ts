import { randomUUID } from 'node:crypto';
import { filter, firstValueFrom, type Observable, take, timeout, toArray } from 'rxjs';
import { ConcurrencyError } from '../../common/errors';
import type { EventStore, EventToAppend, ExpectedVersion, Position, RecordedEvent } from '../EventStore';

// The contract suites' helpers: streams of their own, events to append, and the checks they share.

export function streamName(label: string): string {
  return `contract_${label.replace(/-/g, '_')}-${randomUUID().replace(/-/g, '')}`;
}

export function makeEvents(count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    type: 'ContractTested',
    data: { index: i, text: `event ${i}` },
    metadata: { actor: 'contract', batch: count },
  }));
}

/** Appends batches of the given sizes in order, each at the exact expected version. */
export async function appendSeveral(store: EventStore, stream: string, sizes: number[]): Promise<EventToAppend[]> {
  const all: EventToAppend[] = [];
  let version: ExpectedVersion = 'no_stream';
  for (const size of sizes) {
    const events = makeEvents(size);
    version = (await store.append(stream, events, version)).version;
    all.push(...events);
  }
  return all;
}

export async function expectConcurrency(promise: Promise<unknown>, fields: { expected: string; actual: string; streamId?: string }): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ConcurrencyError);
  expect(error).toMatchObject(fields);
}

export function expectIncreasing(store: EventStore, positions: Position[]): void {
  let previous: Position | undefined;
  for (const position of positions) {
    if (previous !== undefined) expect(store.comparePositions(position, previous)).toBeGreaterThan(0);
    previous = position;
  }
}

/** The first `count` events of `stream` that the subscription delivers. */
export function collect(events: Observable<RecordedEvent>, stream: string, count: number): Promise<RecordedEvent[]> {
  return firstValueFrom(
    events.pipe(
      filter((event) => event.streamId === stream),
      take(count),
      toArray(),
      timeout(15_000),
    ),
  );
}

export async function waitFor(condition: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

import { BACKWARDS, END, FORWARDS, type EventStoreDBClient } from '@eventstore/db-client';
import type { AppendResult, EventToAppend, ExpectedVersion, RecordedEvent } from '../EventStore';
import { readStreamRange } from './esdbReads';

/** How far back a retry with 'any' / 'stream_exists' is looked for among a stream's newest events. */
export const RECENT_WINDOW = 256;

/**
 * The result of an earlier append of exactly these events at `expected`, if there was one: after a
 * conflict or a timeout, the events may already sit where they were meant to go.
 */
export async function alreadyAppended(
  client: EventStoreDBClient,
  streamId: string,
  events: EventToAppend[],
  expected: ExpectedVersion,
  deadlineMs: number,
): Promise<AppendResult | undefined> {
  let stored: RecordedEvent[];
  if (typeof expected === 'number' || expected === 'no_stream') {
    const first = BigInt(expected === 'no_stream' ? 0 : expected);
    stored = await readStreamRange(client, streamId, first, FORWARDS, events.length, deadlineMs);
  } else {
    // 'any' / 'stream_exists' name no place: look for the first id among the newest events.
    const newest = await readStreamRange(client, streamId, END, BACKWARDS, RECENT_WINDOW, deadlineMs);
    const start = newest.findIndex((event) => event.id === events[0]?.id);
    stored = start < 0 ? [] : newest.slice(Math.max(0, start - events.length + 1), start + 1).reverse();
  }
  const same = stored.length === events.length && stored.every((event, i) => event.id === events[i]?.id);
  const last = stored[stored.length - 1];
  if (!same || last === undefined) return undefined;
  return { version: last.version, position: last.position };
}

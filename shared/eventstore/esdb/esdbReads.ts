import {
  StreamNotFoundError,
  type AllStreamRecordedEvent,
  type Direction,
  type EventStoreDBClient,
  type ReadPosition,
  type ReadRevision,
} from '@eventstore/db-client';
import type { RecordedEvent } from '../EventStore';
import { collectWithin } from './collectWithin';
import { esdbErrors } from './esdbErrors';
import { fromEsdbEvent } from './fromEsdbEvent';

// The two reads EsdbEventStore makes, each read to its end so that no gRPC stream is left open, and
// each within `deadlineMs` (StoreUnavailable after it: 503 store-unavailable at the HTTP edge).

/** Up to `maxCount` events of a stream from a revision (all by default); [] when it does not exist. */
export async function readStreamRange(
  client: EventStoreDBClient,
  streamId: string,
  fromRevision: ReadRevision,
  direction: Direction,
  maxCount: number | undefined,
  deadlineMs: number,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  try {
    const read = client.readStream(streamId, { fromRevision, direction, ...(maxCount === undefined ? {} : { maxCount }) });
    for (const resolved of await collectWithin(read, deadlineMs, `a read of ${streamId}`)) {
      if (resolved.event) events.push(fromEsdbEvent(resolved.event));
    }
  } catch (error) {
    // The client reports a missing stream while iterating, not when the read is made.
    if (error instanceof StreamNotFoundError) return [];
    throw esdbErrors(error);
  }
  return events;
}

/** One page of $all, read to the end (maxCount bounds it) so that no gRPC stream is left open. */
export async function readAllPage(
  client: EventStoreDBClient,
  fromPosition: ReadPosition,
  direction: Direction,
  maxCount: number,
  deadlineMs: number,
): Promise<AllStreamRecordedEvent[]> {
  const events: AllStreamRecordedEvent[] = [];
  try {
    const read = client.readAll({ fromPosition, direction, maxCount, resolveLinkTos: false });
    for (const resolved of await collectWithin(read, deadlineMs, 'a read of $all')) {
      if (resolved.event) events.push(resolved.event);
    }
  } catch (error) {
    throw esdbErrors(error);
  }
  return events;
}

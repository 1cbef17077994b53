import type { Position as EsdbPosition } from '@eventstore/db-client';
import type { RecordedEvent } from '../EventStore';
import { esdbPosition } from './esdbPosition';

/** The fields we use of the client's recorded event (JSON or binary; from a stream or from $all). */
interface EsdbRecordedEvent {
  id: string;
  streamId: string;
  type: string;
  revision: bigint;
  data: unknown;
  metadata: unknown;
  position?: EsdbPosition;
}

/** Old servers (and stream reads before 22.6) send "no position" as unsigned -1. */
const NO_POSITION = 2n ** 64n - 1n;

/** One of the client's recorded events as ours: version = revision + 1, position as our string. */
export function fromEsdbEvent(event: EsdbRecordedEvent): RecordedEvent {
  const { position } = event;
  if (!position || position.commit === NO_POSITION) {
    throw new Error(`EventStoreDB sent no $all position for ${event.streamId}@${event.revision}: the server must be 22.6 or newer`);
  }
  if (event.revision >= BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`stream ${event.streamId} is too long for a numeric version (revision ${event.revision})`);
  }
  return {
    id: event.id,
    streamId: event.streamId,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    version: Number(event.revision) + 1,
    position: esdbPosition.encode(position),
  };
}

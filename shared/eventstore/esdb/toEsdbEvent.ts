import { jsonEvent, type EventData, type JSONType } from '@eventstore/db-client';
import type { EventToAppend } from '../EventStore';

/** The client stores JSON objects, arrays and strings; anything else would not round-trip. */
function asJson(value: unknown, what: string): JSONType {
  if (typeof value === 'string' || (typeof value === 'object' && value !== null)) return value as JSONType;
  throw new TypeError(`event ${what} must be a JSON object, array or string, got ${value === null ? 'null' : typeof value}`);
}

/** Our event as a JSON event for the client, keeping its id (the store deduplicates retries by id). */
export function toEsdbEvent(event: EventToAppend): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: asJson(event.data, 'data'),
    metadata: event.metadata === undefined || event.metadata === null ? undefined : asJson(event.metadata, 'metadata'),
  });
}

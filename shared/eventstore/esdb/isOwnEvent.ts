import { STREAM_PREFIXES } from '../../application/aggregates';

/**
 * True for an event of one of our aggregate streams. $all also carries the server's own events
 * ($-prefixed streams and types, e.g. stats, projections' link events) and maybe other
 * applications' streams; readers of $all must see neither.
 */
export function isOwnEvent(streamId: string, type: string, prefixes: readonly string[] = STREAM_PREFIXES): boolean {
  if (streamId.startsWith('$') || type.startsWith('$')) return false;
  return prefixes.some((prefix) => streamId.startsWith(prefix));
}

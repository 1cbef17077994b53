import type { AppendResult, EventToAppend, RecordedEvent } from './EventStore';

function commandIdOf(metadata: unknown): string | undefined {
  if (typeof metadata !== 'object' || metadata === null || !('commandId' in metadata)) return undefined;
  return typeof metadata.commandId === 'string' ? metadata.commandId : undefined;
}

/**
 * What an earlier attempt of the same keyed command appended, found among a stream's newest events
 * (newest first) by the id of its first event, which derives from the command id (eventId.ts): the
 * run of events from there that carry that event's command id in their metadata (or, without one,
 * this attempt's ids in order). Undefined when no earlier attempt is there.
 *
 * EventStoreDB recognises a repeated event id only at the same expected version: a retry decided
 * again at a newer version (its idempotency record lost, or a second API process) would otherwise
 * append the command a second time.
 */
export function earlierAttempt(newest: readonly RecordedEvent[], events: readonly EventToAppend[]): AppendResult | undefined {
  const first = events[0];
  if (first === undefined) return undefined;
  const index = newest.findIndex((event) => event.id === first.id);
  const start = newest[index];
  if (start === undefined) return undefined;
  const commandId = commandIdOf(start.metadata);
  let last = start;
  for (let i = index - 1; i >= 0; i--) {
    const candidate = newest[i];
    if (candidate === undefined) break;
    const same = commandId !== undefined ? commandIdOf(candidate.metadata) === commandId : candidate.id === events[index - i]?.id;
    if (!same) break;
    last = candidate;
  }
  return { version: last.version, position: last.position };
}

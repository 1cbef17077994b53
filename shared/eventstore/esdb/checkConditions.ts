import { ConcurrencyError } from '../../common/errors';
import type { AppendCondition, RecordedEvent } from '../EventStore';

/**
 * EventStoreDB appends to one stream at a time, so append conditions on other streams cannot be part
 * of the append's transaction: they are checked just before it (each stream's last event, read in
 * parallel). A stream moving in the few milliseconds between the check and the append is not caught
 * here: the late-event compensator (shared/compensation) undoes what lands in that window.
 */
export async function checkConditions(
  conditions: readonly AppendCondition[],
  lastEvent: (streamId: string) => Promise<RecordedEvent | undefined>,
): Promise<void> {
  const lasts = await Promise.all(conditions.map((condition) => lastEvent(condition.streamId)));
  conditions.forEach((condition, i) => {
    const version = lasts[i]?.version ?? 0;
    const expected = condition.expected === 'no_stream' ? 0 : condition.expected;
    if (version !== expected) throw new ConcurrencyError(condition.streamId, String(condition.expected), version === 0 ? 'no_stream' : String(version));
  });
}

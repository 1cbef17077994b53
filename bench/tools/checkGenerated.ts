import { parseRecorded } from '@tayari/shared/events/StoredEvent';
import { generateEvents } from '../generate/generateEvents';
import { historyPlan, livePlan } from '../generate/seedPlans';

/**
 * `node bench/dist/tools/checkGenerated.js [events]`: generates a history and a live plan and parses
 * every event with the domain schemas, so that a schema change that the generator missed shows here
 * and not as a projection failure in the middle of a benchmark. Prints counts by type.
 */
function main(): void {
  const events = Number(process.argv[2] ?? 100_000);
  const now = Date.now();
  for (const [name, plan] of [
    ['history', historyPlan(now, events)],
    ['live', livePlan(now, 16)],
  ] as const) {
    const byType = new Map<string, number>();
    const programmes = new Set<string>();
    let count = 0;
    let bytes = 0;
    for (const { streamId, event } of generateEvents(plan)) {
      if (name === 'history' && count >= events) break;
      count++;
      const recorded = { ...event, streamId, version: 1, position: String(count) };
      const parsed = parseRecorded(JSON.parse(JSON.stringify(recorded)) as typeof recorded);
      byType.set(parsed.type, (byType.get(parsed.type) ?? 0) + 1);
      bytes += JSON.stringify(event.data).length + JSON.stringify(event.metadata).length;
      if (parsed.type === 'TourPlanned' || parsed.type === 'MeetingScheduled') programmes.add(streamId);
    }
    console.log(
      `${name}: ${count} events, ${programmes.size} programmes (${(count / programmes.size).toFixed(0)} events each), ${(bytes / count).toFixed(0)} bytes of JSON each`,
    );
    for (const [type, n] of [...byType].sort((a, b) => b[1] - a[1])) console.log(`  ${type.padEnd(28)} ${n}`);
  }
}

main();

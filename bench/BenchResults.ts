/** bench/results.json: the figures speed targets are judged by (issue #7). */
export interface BenchResults {
  machine: { cpus: number; node: string };
  commands: { rps: number; p50_ms: number; p99_ms: number; baseline_rps: number; ratio: number };
  lag: { p50_ms: number; p99_ms: number; rate: number; watchers: number };
  fanout: { deliveries_per_s: number; baseline_deliveries_per_s: number; ratio: number; rss_per_connection_kb: number };
  rebuild: { events: number; events_per_s: number; baseline_events_per_s: number; ratio: number };
  coldStart: { events: number; ms: number };
}

/** bench/results.json: the figures speed targets are judged by (issues #7 and #10). */
export interface BenchResults {
  machine: { cpus: number; node: string };
  /** `batch200_ms`: one POST /api/commands/batch of 200 notes, answered in full (median of 5). */
  commands: { rps: number; p50_ms: number; p99_ms: number; baseline_rps: number; ratio: number; batch200_ms: number };
  /** The same load with every task in one programme; `flatness` = its rps ÷ `commands.rps`. */
  commandsBigProgramme: { tasks: number; rps: number; p99_ms: number; flatness: number };
  /** The frame one task's move pushes on the big programme's board, and that board's snapshot. */
  patch: { bytes: number; snapshot_bytes: number };
  /** Watchers on the readiness board (some on programme boards too) of the live data's programmes. */
  lag: { p50_ms: number; p99_ms: number; rate: number; watchers: number; tasks: number };
  /** Every watcher on the board of one programme of `tasks` cards, every command on it. */
  lagBigProgramme: { p50_ms: number; p99_ms: number; rate: number; watchers: number; tasks: number };
  fanout: { deliveries_per_s: number; baseline_deliveries_per_s: number; ratio: number; rss_per_connection_kb: number };
  rebuild: { events: number; events_per_s: number; baseline_events_per_s: number; ratio: number };
  /** `rss_mb`: the service's resident memory at its first 200 on /api/health. */
  coldStart: { events: number; ms: number; rss_mb: number };
}

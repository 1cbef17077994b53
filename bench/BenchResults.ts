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
  /**
   * Issue 15: enrolments accepted through the batch endpoint (4 clients, batches of 200) per second
   * and the p99 of a batch; the board's total then (`board_exact`: 1 when it equals the accepted);
   * the patch frames one more burst of 200 cost a watcher; the board's GET (median) at that size.
   */
  enrolBatch: {
    enrolments: number;
    enrolments_per_s: number;
    p99_batch_ms: number;
    board_total: number;
    board_exact: number;
    burst_patch_bytes: number;
    board_get_ms: number;
  };
  /**
   * Issue 14: a phone (390×844, CPU 4× slower) opening the board of one programme of `tasks` cards:
   * ms from navigation to the first frame with cards (median of fresh visits), again on a reload, and
   * how many card elements the page made; `small_board_ms`: the first paint of a 50-card board.
   */
  pageFirstPaint: { tasks: number; first_paint_ms: number; warm_ms: number; cards_drawn: number; small_board_ms: number };
}

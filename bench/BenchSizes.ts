/** How big each phase is: the figures, or a small run that only shows the phases work (--quick). */
export interface BenchSizes {
  /** `people`: distinct in-charges whose tokens the commands use in turn (commands come from many people). */
  commands: { tasks: number; people: number; connections: number; warmupSeconds: number; seconds: number };
  /** `graceMs`: after the last command, how long pushes may still arrive (coalescing window plus slack). */
  lag: { watchers: number; programmeWatcherEvery: number; rate: number; warmupSeconds: number; seconds: number; graceMs: number };
  /**
   * `settleMs`: after connecting, before memory is read (snapshots written out), and after the last
   * push; `rssSamples`: readings (200 ms apart) whose median is the RSS.
   */
  fanout: { clients: number; warmupBursts: number; bursts: number; intervalMs: number; settleMs: number; rssSamples: number };
  rebuild: { events: number };
  /** The one programme of the flatness and patch figures. */
  bigProgramme: { tasks: number };
  /** Issue 15's burst: enrolments sent in batches of `batch` by `clients` at once; `gets`: board GETs timed. */
  enrolBatch: { enrolments: number; batch: number; clients: number; gets: number };
}

export function benchSizes(quick: boolean): BenchSizes {
  if (quick) {
    return {
      commands: { tasks: 1_000, people: 100, connections: 50, warmupSeconds: 1, seconds: 2 },
      lag: { watchers: 100, programmeWatcherEvery: 10, rate: 200, warmupSeconds: 1, seconds: 2, graceMs: 500 },
      fanout: { clients: 100, warmupBursts: 2, bursts: 5, intervalMs: 200, settleMs: 300, rssSamples: 3 },
      rebuild: { events: 10_000 },
      bigProgramme: { tasks: 1_000 },
      enrolBatch: { enrolments: 2_000, batch: 200, clients: 4, gets: 5 },
    };
  }
  return {
    commands: { tasks: 1_000, people: 100, connections: 50, warmupSeconds: 2, seconds: 10 },
    lag: { watchers: 1_000, programmeWatcherEvery: 10, rate: 1_000, warmupSeconds: 3, seconds: 10, graceMs: 1_500 },
    fanout: { clients: 1_000, warmupBursts: 5, bursts: 20, intervalMs: 300, settleMs: 2_000, rssSamples: 5 },
    rebuild: { events: 1_000_000 },
    bigProgramme: { tasks: 5_000 },
    enrolBatch: { enrolments: 25_000, batch: 200, clients: 4, gets: 21 },
  };
}

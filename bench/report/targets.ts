import type { BenchResults } from '../BenchResults';

export interface Target {
  phase: keyof Omit<BenchResults, 'machine'>;
  label: string;
  /** Reads the figure the target is about. */
  figure(results: BenchResults): number;
  unit: string;
  /** `min`: the figure must be at least `limit`; `max`: at most. */
  kind: 'min' | 'max';
  limit: number;
}

/** The targets of issue #10 (the read side at state scale). */
export const TARGETS: readonly Target[] = [
  { phase: 'commands', label: 'commands ratio to express + zod', figure: (r) => r.commands.ratio, unit: '×', kind: 'min', limit: 0.5 },
  { phase: 'commands', label: 'commands p99', figure: (r) => r.commands.p99_ms, unit: 'ms', kind: 'max', limit: 30 },
  { phase: 'commands', label: 'a batch of 200 commands (issue 13)', figure: (r) => r.commands.batch200_ms, unit: 'ms', kind: 'max', limit: 5_000 },
  {
    phase: 'commandsBigProgramme',
    label: 'flatness (one 5,000-card programme ÷ many small)',
    figure: (r) => r.commandsBigProgramme.flatness,
    unit: '×',
    kind: 'min',
    limit: 0.9,
  },
  { phase: 'patch', label: 'one move on a 5,000-card board', figure: (r) => r.patch.bytes, unit: 'bytes', kind: 'max', limit: 2_048 },
  { phase: 'lag', label: 'live lag p99', figure: (r) => r.lag.p99_ms, unit: 'ms', kind: 'max', limit: 120 },
  {
    phase: 'lagBigProgramme',
    label: 'live lag p99, every watcher on the 5,000-card board',
    figure: (r) => r.lagBigProgramme.p99_ms,
    unit: 'ms',
    kind: 'max',
    limit: 120,
  },
  { phase: 'fanout', label: 'fan-out ratio to raw ws', figure: (r) => r.fanout.ratio, unit: '×', kind: 'min', limit: 0.9 },
  { phase: 'fanout', label: 'server memory per connection', figure: (r) => r.fanout.rss_per_connection_kb, unit: 'KB', kind: 'max', limit: 20 },
  { phase: 'rebuild', label: 'rebuild', figure: (r) => r.rebuild.events_per_s, unit: 'events/s', kind: 'min', limit: 150_000 },
  { phase: 'coldStart', label: 'cold start', figure: (r) => r.coldStart.ms, unit: 'ms', kind: 'max', limit: 1_000 },
  {
    phase: 'pageFirstPaint',
    label: 'a 5,000-card board on a phone, first paint (390 px, CPU 4× slower; issue 14)',
    figure: (r) => r.pageFirstPaint.first_paint_ms,
    unit: 'ms',
    kind: 'max',
    limit: 1_500,
  },
  { phase: 'enrolBatch', label: 'enrolments through batches (issue 15)', figure: (r) => r.enrolBatch.enrolments_per_s, unit: '/s', kind: 'min', limit: 2_000 },
  { phase: 'enrolBatch', label: 'the drive board counts every accepted enrolment', figure: (r) => r.enrolBatch.board_exact, unit: '', kind: 'min', limit: 1 },
  {
    phase: 'enrolBatch',
    label: 'patches for a burst of 200 enrolments',
    figure: (r) => r.enrolBatch.burst_patch_bytes,
    unit: 'bytes',
    kind: 'max',
    limit: 2_048,
  },
  { phase: 'enrolBatch', label: 'drive board GET at 25,000 enrolments', figure: (r) => r.enrolBatch.board_get_ms, unit: 'ms', kind: 'max', limit: 20 },
];

export function met(target: Target, value: number): boolean {
  return target.kind === 'min' ? value >= target.limit : value <= target.limit;
}

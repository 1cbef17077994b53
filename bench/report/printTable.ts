import { nth } from '@tayari/shared/testing/nth';
import type { BenchResults } from '../BenchResults';
import { formatNumber } from './formatNumber';
import { met, TARGETS } from './targets';

export type PhaseResults = { [K in keyof BenchResults]: BenchResults[K] | null };

/** The final table on stdout: every figure, then each target with ✓ or ✗; failed phases say so. */
export function printTable(results: PhaseResults, failures: Map<string, string>, notes: string[]): void {
  const rows: [string, string, string][] = [];
  const { machine, ...phases } = results;
  rows.push(['machine', `${machine?.cpus} cpus, node ${machine?.node}`, '']);
  for (const [phase, figures] of Object.entries(phases)) {
    if (figures === null) {
      const failure = failures.get(phase);
      rows.push([phase, failure === undefined ? 'skipped' : `FAILED: ${nth(failure.split('\n'), 0)}`, '']);
      continue;
    }
    for (const [name, value] of Object.entries(figures)) rows.push([phase, name, typeof value === 'number' ? formatNumber(value) : String(value)]);
  }
  const width = (i: 0 | 1 | 2) => Math.max(...rows.map((r) => r[i].length));
  const line = (r: [string, string, string]) => `${r[0].padEnd(width(0))}  ${r[1].padEnd(width(1))}  ${r[2].padStart(width(2))}`;
  console.log('');
  console.log(line(['phase', 'figure', 'value']));
  console.log('-'.repeat(width(0) + width(1) + width(2) + 4));
  for (const row of rows) console.log(line(row));

  console.log('');
  console.log('targets');
  for (const target of TARGETS) {
    const figures = results[target.phase];
    if (figures === null) {
      console.log(`  ?  ${target.label}: ${failures.has(target.phase) ? 'phase failed' : 'skipped'}`);
      continue;
    }
    const value = target.figure(results as BenchResults);
    const sign = target.kind === 'min' ? '≥' : '≤';
    console.log(
      `  ${met(target, value) ? '✓' : '✗'}  ${target.label}: ${formatNumber(value)} ${target.unit} (target ${sign} ${formatNumber(target.limit)} ${target.unit})`,
    );
  }
  if (notes.length > 0) {
    console.log('');
    console.log('notes');
    for (const note of notes) console.log(`  - ${note}`);
  }
}

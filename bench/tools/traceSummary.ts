import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { traceSummary } from '../support/traceSummary';

/**
 * `node bench/dist/tools/traceSummary.js [file or dir]`: where a traced first visit of the page
 * spent its main thread (written by `npm run bench:page -- --profile`, default
 * bench/profiles/pageFirstPaint): self time by trace event, and when scripts ran and requests left.
 */
const target = process.argv[2] ?? join(__dirname, '..', '..', 'profiles', 'pageFirstPaint');
const files = target.endsWith('.json')
  ? [target]
  : readdirSync(target)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(target, f));
for (const file of files) {
  const { selfMs, timeline, busyMs } = traceSummary(file);
  console.log(`\n${file}: main thread busy ${busyMs.toFixed(0)} ms`);
  for (const { name, ms } of selfMs.slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  console.log('  timeline (ms from the first task):');
  for (const { at, what, ms } of timeline) console.log(`  ${at.toFixed(0).padStart(6)}  ${what}${ms === undefined ? '' : ` (${ms.toFixed(0)} ms)`}`);
}

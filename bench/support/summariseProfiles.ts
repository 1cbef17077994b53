import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { topFrames } from './topFrames';

/** Prints the top frames of every CPU profile under `dir` (one folder per phase, a file per thread). */
export function summariseProfiles(dir: string, inclusive = false): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      summariseProfiles(path, inclusive);
      continue;
    }
    if (!name.endsWith('.cpuprofile')) continue;
    const summary = topFrames(path);
    console.log(`\nprofile ${path}: ${summary.busyMs.toFixed(0)} ms busy, ${summary.idleMs.toFixed(0)} ms idle`);
    console.log('  self time by package/folder:');
    for (const g of summary.groups.slice(0, 10)) console.log(`    ${g.percent.toFixed(1).padStart(5)}%  ${g.name}`);
    console.log('  self time by function:');
    for (const f of summary.functions) console.log(`    ${f.percent.toFixed(1).padStart(5)}%  ${f.name}`);
    if (!inclusive) continue;
    console.log('  time on the stack (inclusive) by function:');
    for (const f of summary.inclusive) console.log(`    ${f.percent.toFixed(1).padStart(5)}%  ${f.name}`);
  }
}

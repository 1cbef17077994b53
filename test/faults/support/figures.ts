import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The measured figures of a fault test: logged, and kept in test-artifacts/faults/<name>.json
 * (ignored by git) so that CI can publish them next to the test report.
 */
export function recordFigures(name: string, figures: Record<string, unknown>): void {
  const folder = join(__dirname, '..', '..', '..', 'test-artifacts', 'faults');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`${name}: ${JSON.stringify(figures)}`);
}

import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Compiles the worker's TypeScript on load when this module itself runs from source (under jest,
 * through swc): a worker thread does not share jest's transform. Uses @swc/core, a dev dependency.
 */
const TYPESCRIPT_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const fs = require('node:fs');
const requireHere = createRequire(workerData.entry);
const { transformSync } = requireHere('@swc/core');
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    sourceMaps: 'inline',
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
requireHere(workerData.entry);
`;

/** Starts the writer worker for `file`, from the compiled .js next to this module or from .ts source. */
export function startWriterWorker(file: string): Worker {
  const extension = path.extname(__filename);
  const entry = path.join(__dirname, `sqliteWriterWorker${extension}`);
  if (extension === '.ts') {
    return new Worker(TYPESCRIPT_BOOTSTRAP, { eval: true, workerData: { file, entry } });
  }
  return new Worker(entry, { workerData: { file } });
}

// Bundles the all-in-one process `npm start` runs (dist/main.js and everything it requires) into
// dist/bundle/main.js with esbuild: one file to load instead of hundreds of modules to resolve, read
// and compile, which is most of a cold start (about 0.2 s of 0.9 s on these machines). The writer
// worker is bundled beside it (it is started from its own file). Native and server-only packages stay
// outside: better-sqlite3 (a native addon), and the EventStoreDB and MongoDB clients (loaded only when
// configured). `npm run build` runs this after `tsc --build`; the split processes run from dist/.
const { join } = require('node:path');
const esbuild = require('esbuild');

const root = join(__dirname, '..', '..');

esbuild.buildSync({
  entryPoints: {
    main: join(__dirname, 'dist', 'main.js'),
    sqliteWriterWorker: join(root, 'shared', 'dist', 'eventstore', 'sqlite', 'sqliteWriterWorker.js'),
  },
  outdir: join(__dirname, 'dist', 'bundle'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // The page's files are found through its package at run time (serveWeb), not bundled.
  external: ['better-sqlite3', '@eventstore/db-client', 'mongodb', '@swc/core', '@tayari/web/package.json'],
  logLevel: 'warning',
});

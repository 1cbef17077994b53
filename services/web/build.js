// Builds the readiness page: type-checks services/web/page (its own tsconfig: DOM, no Node), then
// bundles page/main.ts with esbuild into dist/public/app.js (minified, with a source map), its service
// worker page/sw/sw.ts into dist/public/sw.js, and copies
// index.html and the style sheets (styles.css, forms.css, print.css) beside it, with a brotli (.br) and a
// gzip (.gz) copy of each script and sheet that serveWeb sends to browsers that take them (a phone on a
// poor connection downloads the 250 KB bundle as about 60 KB). `npm run build` runs this after `tsc --build`.
// TAYARI_WEB_TYPECHECK=0 skips the type-check (the tests use it when only the bundle is stale).
// TAYARI_WEB_NAMES=1 keeps function names in the bundle, so a CPU profile of the page says where its time goes.
const { spawnSync } = require('node:child_process');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { brotliCompressSync, constants, gzipSync } = require('node:zlib');
const esbuild = require('esbuild');

const page = join(__dirname, 'page');
const out = join(__dirname, 'dist', 'public');

function typecheck() {
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(page, 'tsconfig.json')], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('services/web: the page does not type-check (see above)');
    process.exit(result.status ?? 1);
  }
}

/**
 * Each file is written beside its final name and renamed over it (atomic on one file system), and the
 * folder is never emptied: a page being served (or a test suite building at the same time as another)
 * never sees a missing or half-written file.
 */
function put(file, contents) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, file);
}

/** The file, and its brotli and gzip copies (built once, at the highest levels: sent many times). */
function putPacked(file, contents) {
  put(file, contents);
  put(`${file}.br`, brotliCompressSync(contents, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: contents.length } }));
  put(`${file}.gz`, gzipSync(contents, { level: 9 }));
}

function bundle() {
  mkdirSync(out, { recursive: true });
  const options = {
    entryPoints: [join(page, 'main.ts')],
    outfile: join(out, 'app.js'),
    bundle: true,
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: process.env.TAYARI_WEB_NAMES !== '1',
    sourcemap: true,
    format: 'iife',
    // Phones in use are a few years old; BigInt (positions) needs es2020.
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  };
  const worker = { ...options, entryPoints: [join(page, 'sw', 'sw.ts')], outfile: join(out, 'sw.js'), sourcemap: false };
  for (const build of [options, worker]) {
    let result;
    try {
      result = esbuild.buildSync(build);
    } catch {
      // esbuild has printed the errors already.
      console.error('services/web: the page did not bundle');
      process.exit(1);
    }
    for (const output of result.outputFiles) (output.path.endsWith('.js') ? putPacked : put)(output.path, output.contents);
  }
  put(join(out, 'index.html'), readFileSync(join(page, 'index.html')));
  for (const file of ['styles.css', 'forms.css', 'print.css']) putPacked(join(out, file), readFileSync(join(page, file)));
}

if (process.env.TAYARI_WEB_TYPECHECK !== '0') typecheck();
bundle();

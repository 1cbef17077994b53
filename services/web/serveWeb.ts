import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import express, { type Router } from 'express';

export interface ServeWebOptions {
  /** The built page (services/web/build.js output). Default: dist/public beside this module. */
  root?: string;
}

/**
 * The page loads only its own files and talks only to its own origin (fetch and the websocket);
 * no inline script or style, so injected markup could not run even if some slipped through.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The page's files the build also writes compressed (`.br`, `.gz`). */
const PACKED_FILES = /^\/(app\.js|sw\.js|styles\.css|forms\.css|print\.css)$/;

/**
 * The package's own dist/public, found through the package rather than this file's folder: the same
 * whether this module runs compiled, from source under jest, or inside the bundle `npm start` runs.
 */

function defaultRoot(): string {
  return join(dirname(require.resolve('@tayari/web/package.json')), 'dist', 'public');
}

function pageHeaders(res: express.Response): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The token travels in the fragment, which is never sent; no referrer keeps even the path private.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  // The files are not fingerprinted: revalidate every time (cheap: ETag / Last-Modified answer 304).
  res.setHeader('Cache-Control', 'no-cache');
}

/**
 * The readiness page at `/`: index.html for `/` and `/index.html`, the bundle, its source map, the
 * style sheets (screen, forms, print) and the service worker `/sw.js` (at the root, so its scope is
 * the whole page; same strict headers), scripts and sheets brotli- or gzip-compressed by the build when
 * the browser accepts it; anything else falls through (so /api and /ws keep their own answers).
 */
export function serveWeb(options: ServeWebOptions = {}): Router {
  const root = options.root ?? defaultRoot();
  const router = express.Router();
  const files = express.static(root, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    fallthrough: true,
    setHeaders: (res) => pageHeaders(res),
  });
  const index = join(root, 'index.html');

  router.get(['/', '/index.html'], (_req, res, next) => {
    if (!existsSync(index)) {
      res.status(503).type('text/plain; charset=utf-8').send('The page is not built: run `npm run build` (services/web/build.js).\n');
      return;
    }
    pageHeaders(res);
    res.type('text/html; charset=utf-8');
    res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } }, (error) => {
      if (error) next(error);
    });
  });
  // The build's compressed copies, when the browser takes one (else the plain file below).
  router.get(PACKED_FILES, (req, res, next) => {
    res.vary('Accept-Encoding');
    const name = req.path.slice(1);
    const accepted = req.acceptsEncodings();
    const encoding = accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : undefined;
    // Looked for on each request (a stat): the page may be built again while the service runs.
    const packed = encoding === undefined ? undefined : join(root, `${name}.${encoding === 'br' ? 'br' : 'gz'}`);
    if (encoding === undefined || packed === undefined || !existsSync(packed)) {
      next();
      return;
    }
    pageHeaders(res);
    // Typed by the file's own name, not the copy's (.br, .gz); the copy has its own ETag.
    res.type(extname(name));
    res.set('Content-Encoding', encoding);
    res.sendFile(packed, (error) => {
      if (error) next(error);
    });
  });
  router.get(/^\/(app\.js|app\.js\.map|sw\.js|styles\.css|forms\.css|print\.css)$/, files);
  return router;
}

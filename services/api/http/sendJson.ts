import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Request, Response } from 'express';

/** Below this a compressed body saves less than the work and the headers cost. */
export const COMPRESS_FROM_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Sends `body` as JSON, compressed (brotli, else gzip) when the client accepts it and the body is
 * big enough: a 5,000-card board is 1.3 MB of JSON and ~10× less compressed. Compression runs on
 * zlib's thread pool, not the event loop. Brotli at quality 4: close to gzip's speed, smaller.
 */
export async function sendJson(req: Request, res: Response, body: unknown): Promise<void> {
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  res.type('application/json');
  res.vary('Accept-Encoding');
  // Brotli whenever it is accepted at all (clients list encodings in no particular order).
  const accepted = json.length >= COMPRESS_FROM_BYTES ? req.acceptsEncodings() : [];
  const encoding = accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : undefined;
  if (encoding !== undefined) {
    const packed =
      encoding === 'br'
        ? await brotli(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: json.length } })
        : await gzipAsync(json, { level: 6 });
    res.set('Content-Encoding', encoding);
    res.send(packed);
    return;
  }
  res.send(json);
}

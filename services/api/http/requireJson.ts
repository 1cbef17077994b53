import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type RequestHandler } from 'express';
import { HttpProblem, problem } from './Problem';
import { strictJsonProblem } from './strictJson';

const JSON_TYPES = ['application/json', 'application/*+json'];

/** Fatal: a byte sequence that is not UTF-8 is refused, not turned into U+FFFD and stored. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Runs on the raw bytes (after inflating, within the size limit) before JSON.parse: what JSON.parse
 * would accept silently but a command must not carry is refused here with a 400.
 */
function verifyBody(_req: IncomingMessage, _res: ServerResponse, bytes: Buffer, encoding: string): void {
  if (bytes.length === 0) return;
  // body-parser lets any utf-* charset through; SPEC speaks only UTF-8.
  if (encoding.toLowerCase() !== 'utf-8') throw new HttpProblem(problem(415, 'unsupported-encoding', 'send UTF-8 JSON'));
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new HttpProblem(problem(400, 'invalid-utf8', 'the body is not valid UTF-8'));
  }
  const found = strictJsonProblem(text);
  if (found) throw new HttpProblem(problem(400, found.rule, `${found.path || '(body)'}: ${found.message}`, [{ path: found.path, message: found.message }]));
}

/** A body must be JSON (415 otherwise); an empty body stands for `{}`. Bodies over `limitKiB` (64) are 413. */
export function requireJson(limitKiB = 64): RequestHandler[] {
  const contentType: RequestHandler = (req, _res, next) => {
    const hasBody = req.get('Content-Length') !== undefined ? Number(req.get('Content-Length')) > 0 : req.get('Transfer-Encoding') !== undefined;
    if (hasBody && !req.is(JSON_TYPES)) {
      return next(new HttpProblem(problem(415, 'unsupported-media-type', 'send the body as application/json')));
    }
    next();
  };
  return [contentType, express.json({ limit: `${limitKiB}kb`, strict: true, type: JSON_TYPES, verify: verifyBody })];
}

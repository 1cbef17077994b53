import type { RequestHandler } from 'express';

export interface AccessLogEntry {
  requestId: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  sub?: string;
}

/** One line per request: the path without its query (which could carry a token), never headers. */
export function accessLog(write: (entry: AccessLogEntry) => void): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const sub: unknown = res.locals.actor?.sub;
      write({
        requestId: String(res.locals.requestId),
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        ...(typeof sub === 'string' ? { sub } : {}),
      });
    });
    next();
  };
}

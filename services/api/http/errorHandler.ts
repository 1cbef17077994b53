import type { ErrorRequestHandler, RequestHandler } from 'express';
import { problem } from './Problem';
import { toProblem } from './toProblem';

export type ErrorLogger = (error: unknown, context: { method: string; path: string }) => void;

/** The edge: every error leaves as application/problem+json, from this one place. */
export function errorHandler(log: ErrorLogger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const { problem: p, headers, unexpected } = toProblem(error);
    if (unexpected) log(error, { method: req.method, path: req.path });
    if (res.headersSent) return res.end();
    res.status(p.status).set(headers).type('application/problem+json').send(JSON.stringify(p));
  };
}

export const notFound: RequestHandler = (req, res) => {
  const p = problem(404, 'no-such-endpoint', `${req.method} ${req.path} is not part of this API`);
  res.status(404).type('application/problem+json').send(JSON.stringify(p));
};

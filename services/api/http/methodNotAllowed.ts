import type { RequestHandler } from 'express';
import { HttpProblem, problem } from './Problem';

/** One endpoint as a route table names it: `/tasks/:taskId/status` or `/programmes/{id}`. */
export interface Endpoint {
  method: 'GET' | 'POST';
  path: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Express matches paths case-insensitively and with or without a trailing slash; so does this. */
function pathPattern(path: string): RegExp {
  const segments = path.split('/').map((segment) => (/^:\w+$|^\{\w+\}$/.test(segment) ? '[^/]+' : escapeRegExp(segment)));
  return new RegExp(`^${segments.join('/')}/?$`, 'i');
}

/** A GET endpoint answers HEAD too (Express does that for every GET route). */
const methodsOf = (method: Endpoint['method']) => (method === 'GET' ? ['GET', 'HEAD'] : [method]);

/**
 * Mounted after every route: a request whose path is an endpoint but whose method is not gets 405
 * with `Allow` listing the methods that path takes; any other request goes on (to the 404).
 */
export function methodNotAllowed(endpoints: readonly Endpoint[]): RequestHandler {
  const compiled = endpoints.map((e) => ({ pattern: pathPattern(e.path), methods: methodsOf(e.method) }));
  return (req, _res, next) => {
    const allowed = new Set(compiled.filter((e) => e.pattern.test(req.path)).flatMap((e) => e.methods));
    if (allowed.size === 0 || allowed.has(req.method)) return next();
    const allow = [...allowed].sort().join(', ');
    next(new HttpProblem(problem(405, 'method-not-allowed', `${req.method} is not allowed on ${req.path}; use ${allow}`), { Allow: allow }));
  };
}

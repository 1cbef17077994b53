import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { HttpProblem, problem } from './Problem';

/**
 * `limit` requests a minute per token subject, or per client IP for requests without a valid
 * token; 0 turns it off. Answers 429 problem+json with the standard RateLimit headers.
 */
export function rateLimitBySubject(limit: number): RequestHandler {
  if (limit === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req, res) => {
      const sub: unknown = res.locals.actor?.sub;
      return typeof sub === 'string' ? `sub:${sub}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    handler: (_req, _res, next) => next(new HttpProblem(problem(429, 'rate-limited', `more than ${limit} requests a minute; slow down`))),
  });
}

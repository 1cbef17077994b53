import type { RequestHandler } from 'express';
import { accessRefusal, type PersonLookup } from '../auth/accessRefusal';
import type { TokenVerifier } from '../auth/TokenVerifier';
import { HttpProblem, problem } from './Problem';

/**
 * Reads the bearer token if there is one and keeps the result: rate limiting can then count by
 * subject, and `requireActor` refuses afterwards with the verifier's own 401. A valid token of a
 * revoked person, or one made before their role changed, is refused too (checked from memory).
 */
export function identify(verifier: TokenVerifier, people?: PersonLookup): RequestHandler {
  return async (req, res, next) => {
    try {
      const verified = await verifier.verifyHeader(req.get('Authorization'));
      const refusal = people && accessRefusal(verified, people);
      if (refusal !== undefined) {
        res.locals.authError = new HttpProblem(problem(401, refusal.rule, refusal.detail), { 'WWW-Authenticate': 'Bearer realm="tayari"' });
      } else {
        res.locals.actor = verified.actor;
        res.locals.tokenExpiresAt = verified.exp;
      }
    } catch (error) {
      res.locals.authError = error;
    }
    next();
  };
}

/** Every /api request but health and the OpenAPI document needs a valid bearer token. */
export const requireActor: RequestHandler = (_req, res, next) => {
  if (res.locals.actor) return next();
  next(res.locals.authError);
};

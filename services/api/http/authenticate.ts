import type { RequestHandler } from 'express';
import type { TokenVerifier } from '../auth/TokenVerifier';

/**
 * Reads the bearer token if there is one and keeps the result: rate limiting can then count by
 * subject, and `requireActor` refuses afterwards with the verifier's own 401.
 */
export function identify(verifier: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    try {
      const { actor, exp } = await verifier.verifyHeader(req.get('Authorization'));
      res.locals.actor = actor;
      res.locals.tokenExpiresAt = exp;
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

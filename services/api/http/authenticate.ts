import type { RequestHandler } from 'express';
import type { TokenVerifier } from '../auth/TokenVerifier';

/** Every /api request but health and the OpenAPI document needs a valid bearer token. */
export function authenticate(verifier: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    const { actor, exp } = await verifier.verifyHeader(req.get('Authorization'));
    res.locals.actor = actor;
    res.locals.tokenExpiresAt = exp;
    next();
  };
}

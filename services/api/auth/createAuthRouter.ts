import { Router, type Request } from 'express';
import type { z } from 'zod';
import type { Clock } from '@tayari/shared/common/clock';
import { InvalidBody } from '@tayari/shared/application/InvalidBody';
import { type SignIn, SignInRefused, type Session } from '@tayari/shared/people/SignIn';
import { HttpProblem, problem } from '../http/Problem';
import { requestIdOf } from '../http/locals';
import { requireJson } from '../http/requireJson';
import { AttemptLimiter } from './AttemptLimiter';
import { AUTH_OPERATIONS, RedeemBody, RefreshBody } from './authOperations';
import type { TokenVerifier } from './TokenVerifier';

/** An access token made by sign-in lives 12 hours (SPEC); the page refreshes it before then. */
export const ACCESS_TOKEN_SECONDS = 12 * 60 * 60;

export interface AuthRouterDeps {
  signIn: SignIn;
  verifier: TokenVerifier;
  clock: Clock;
  /** Attempts a minute per client IP (default 60) and per person named by a code or token (default 10). */
  perIpPerMinute?: number;
  perPersonPerMinute?: number;
}

/** The body through its schema: a bad one is 400 with one error per field, as every command answers. */
function bodyOf<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const parsed = schema.safeParse(req.body ?? {});
  if (!parsed.success) throw new InvalidBody(parsed.error);
  return parsed.data;
}

/**
 * The open sign-in endpoints (SPEC v2 "people and access"): an invitation code or a refresh token in,
 * a 12-hour token and the next refresh token out. Rate limited per IP and per person the secret
 * names, so that 128-bit secrets stay out of reach of guessing; nothing secret is logged.
 */
export function createAuthRouter(deps: AuthRouterDeps): Router {
  const now = () => deps.clock.now().getTime();
  const perIp = new AttemptLimiter(deps.perIpPerMinute ?? 60, 60_000, now);
  const perPerson = new AttemptLimiter(deps.perPersonPerMinute ?? 10, 60_000, now);
  const limit = (req: Request, secret: string) => {
    const person = `person:${secret.split('.')[0] ?? ''}`;
    for (const [limiter, key] of [
      [perIp, `ip:${req.ip ?? 'unknown'}`],
      [perPerson, person],
    ] as const) {
      if (!limiter.attempt(key)) {
        throw new HttpProblem(problem(429, 'rate-limited', 'too many sign-in attempts; wait a minute'), { 'Retry-After': String(limiter.retryAfter(key)) });
      }
    }
  };
  const answer = async (session: Session) => {
    const { person, personId } = session;
    const token = await deps.verifier.issue(
      {
        sub: personId,
        name: person.name,
        role: person.role,
        ...(person.wing === undefined ? {} : { wing: person.wing }),
        ...(person.unit === undefined ? {} : { unit: person.unit }),
        ver: person.accessVersion,
      },
      ACCESS_TOKEN_SECONDS,
    );
    const expiresAt = new Date(now() + ACCESS_TOKEN_SECONDS * 1000).toISOString();
    return { token, refreshToken: session.refreshToken, expiresAt };
  };
  const refused = (error: unknown): never => {
    if (error instanceof SignInRefused) throw new HttpProblem(problem(error.status, error.rule, error.message));
    throw error;
  };

  const router = Router();
  router.post(AUTH_OPERATIONS[0].path, ...requireJson(4), async (req, res) => {
    const { code } = bodyOf(RedeemBody, req);
    limit(req, code);
    const session = await deps.signIn.redeem(code, requestIdOf(res)).catch(refused);
    res.set('Cache-Control', 'no-store').json(await answer(session));
  });
  router.post(AUTH_OPERATIONS[1].path, ...requireJson(4), async (req, res) => {
    const { refreshToken } = bodyOf(RefreshBody, req);
    limit(req, refreshToken);
    const session = await deps.signIn.refresh(refreshToken, requestIdOf(res)).catch(refused);
    res.set('Cache-Control', 'no-store').json(await answer(session));
  });
  router.post(AUTH_OPERATIONS[2].path, ...requireJson(4), async (req, res) => {
    const { refreshToken } = bodyOf(RefreshBody, req);
    limit(req, refreshToken);
    await deps.signIn.signOut(refreshToken, requestIdOf(res));
    res.status(204).end();
  });
  return router;
}

import { createSecretKey, type KeyObject } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Actor } from '@tayari/shared/common/actor';
import { HttpProblem, problem } from '../http/Problem';
import { duplicateJsonKey } from './duplicateJsonKey';
import { isCanonicalBase64url } from './isCanonicalBase64url';
import { TokenClaimsSchema, type TokenPerson } from './TokenClaims';

/** The actor a token speaks for, and when it expires (seconds since the epoch). */
export interface VerifiedToken {
  actor: Actor;
  exp: number;
  /** The access version the token was made at (tokens made by sign-in carry it). */
  ver?: number;
}

export interface TokenVerifierOptions {
  /** TAYARI_MAX_TOKEN_DAYS: a token whose `exp` is further ahead is refused. Default 30. */
  maxTokenDays?: number | undefined;
}

const unauthorized = (detail: string) => new HttpProblem(problem(401, 'unauthorized', detail), { 'WWW-Authenticate': 'Bearer realm="tayari"' });

/** Tokens remembered as verified: a phone sends the same token with every command. */
const CACHE_SIZE = 10_000;
/** How far a token's `iat` or `nbf` may be ahead of our clock (the issuer's clock may run fast). */
const CLOCK_SKEW_SECONDS = 60;
const DAY_SECONDS = 24 * 60 * 60;

/**
 * HS256 only, strict: `alg: none`, other algorithms and other secrets are refused; `exp` is required,
 * in the future and at most TAYARI_MAX_TOKEN_DAYS ahead (an `exp` in milliseconds would otherwise
 * last 50,000 years); `iat`/`nbf` more than 60 s ahead are refused; each segment must be canonical
 * base64url and each claim said once. A token verified once is remembered (by its exact text) until
 * its `exp`, so these checks run once per token, not once per request.
 */
export class TokenVerifier {
  private readonly verified = new Map<string, VerifiedToken>();
  /** Imported once: with raw bytes jose imports the HMAC key again on every verify (18.7% of a command's CPU in the bench). */
  private readonly key: KeyObject;
  /** The longest lifetime a token may claim, in seconds. */
  readonly maxTtlSeconds: number;

  constructor(
    secret: string,
    private readonly now: () => Date = () => new Date(),
    options: TokenVerifierOptions = {},
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
    this.maxTtlSeconds = (options.maxTokenDays ?? 30) * DAY_SECONDS;
  }

  async verify(token: string): Promise<VerifiedToken> {
    const known = this.verified.get(token);
    if (known !== undefined) {
      if (this.now().getTime() < known.exp * 1000) return known;
      this.verified.delete(token); // expired: refused below
    }
    const fresh = await this.check(token);
    if (this.verified.size >= CACHE_SIZE) {
      // Oldest first out (Map keeps insertion order).
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, fresh);
    return fresh;
  }

  private async check(token: string): Promise<VerifiedToken> {
    const segments = token.split('.');
    if (segments.length !== 3 || !segments.every(isCanonicalBase64url)) throw unauthorized('the token is not valid');
    for (const segment of segments.slice(0, 2)) {
      const repeated = duplicateJsonKey(Buffer.from(segment, 'base64url').toString('utf8'));
      if (repeated !== undefined) throw unauthorized(`the token says "${repeated.slice(0, 40)}" twice`);
    }
    const now = this.now();
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'sub'],
        currentDate: now,
        // For nbf only: exp is checked exactly below, so this grants no extra life.
        clockTolerance: CLOCK_SKEW_SECONDS,
      }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw unauthorized(code === 'ERR_JWT_EXPIRED' ? 'the token has expired' : 'the token is not valid');
    }
    const claims = TokenClaimsSchema.safeParse(payload);
    if (!claims.success) throw unauthorized(`the token's claims are not usable: ${claims.error.issues[0]?.message}`);
    const { sub, name, role, wing, unit, ver, exp, iat, nbf } = claims.data;
    const seconds = now.getTime() / 1000;
    if (exp <= seconds) throw unauthorized('the token has expired');
    if (exp > seconds + this.maxTtlSeconds)
      throw unauthorized(`the token is valid for more than ${this.maxTtlSeconds / DAY_SECONDS} days (TAYARI_MAX_TOKEN_DAYS)`);
    if (iat !== undefined && iat > seconds + CLOCK_SKEW_SECONDS) throw unauthorized('the token was issued in the future (iat)');
    if (nbf !== undefined && nbf > seconds + CLOCK_SKEW_SECONDS) throw unauthorized('the token is not valid yet (nbf)');
    return {
      actor: { sub, name, role, ...(wing === undefined ? {} : { wing }), ...(unit === undefined ? {} : { unit }) },
      exp,
      ...(ver === undefined ? {} : { ver }),
    };
  }

  /** Reads `Authorization: Bearer <token>`. */
  async verifyHeader(header: string | undefined): Promise<VerifiedToken> {
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header ?? '');
    if (!match) throw unauthorized('send Authorization: Bearer <token>');
    return this.verify(match[1] ?? '');
  }

  async issue(claims: TokenPerson, ttlSeconds: number): Promise<string> {
    return new SignJWT({
      name: claims.name,
      role: claims.role,
      ...(claims.wing ? { wing: claims.wing } : {}),
      ...(claims.unit ? { unit: claims.unit } : {}),
      ...(claims.ver === undefined ? {} : { ver: claims.ver }),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuedAt(Math.floor(this.now().getTime() / 1000))
      .setExpirationTime(Math.floor(this.now().getTime() / 1000) + ttlSeconds)
      .sign(this.key);
  }
}

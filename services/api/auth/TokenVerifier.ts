import { createSecretKey, type KeyObject } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { Actor } from '@tayari/shared/common/actor';
import { HttpProblem, problem } from '../http/Problem';
import { TokenClaimsSchema, type TokenClaims } from './TokenClaims';

/** The actor a token speaks for, and when it expires (seconds since the epoch). */
export interface VerifiedToken {
  actor: Actor;
  exp: number;
}

const unauthorized = (detail: string) =>
  new HttpProblem(problem(401, 'unauthorized', detail), { 'WWW-Authenticate': 'Bearer realm="tayari"' });

/** Tokens remembered as verified: a phone sends the same token with every command. */
const CACHE_SIZE = 10_000;

/**
 * HS256 only, `exp` required: `alg: none`, other algorithms and other secrets are refused. A token
 * verified once is remembered (by its exact text, signature included) until its `exp`, so the
 * signature check and claim parsing run once per token, not once per request.
 */
export class TokenVerifier {
  private readonly verified = new Map<string, VerifiedToken>();
  /** Imported once: with raw bytes jose imports the HMAC key again on every verify (18.7% of a command's CPU in the bench). */
  private readonly key: KeyObject;

  constructor(
    secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  async verify(token: string): Promise<VerifiedToken> {
    const known = this.verified.get(token);
    if (known !== undefined) {
      if (this.now().getTime() < known.exp * 1000) return known;
      this.verified.delete(token); // expired: jose says so below
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
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'sub'],
        currentDate: this.now(),
      }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw unauthorized(code === 'ERR_JWT_EXPIRED' ? 'the token has expired' : 'the token is not valid');
    }
    const claims = TokenClaimsSchema.safeParse(payload);
    if (!claims.success) throw unauthorized(`the token's claims are not usable: ${claims.error.issues[0]?.message}`);
    const { sub, name, role, wing, exp } = claims.data;
    return { actor: { sub, name, role, ...(wing === undefined ? {} : { wing }) }, exp };
  }

  /** Reads `Authorization: Bearer <token>`. */
  async verifyHeader(header: string | undefined): Promise<VerifiedToken> {
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header ?? '');
    if (!match) throw unauthorized('send Authorization: Bearer <token>');
    return this.verify(match[1]);
  }

  async issue(claims: Omit<TokenClaims, 'exp'>, ttlSeconds: number): Promise<string> {
    return new SignJWT({ name: claims.name, role: claims.role, ...(claims.wing ? { wing: claims.wing } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuedAt(Math.floor(this.now().getTime() / 1000))
      .setExpirationTime(Math.floor(this.now().getTime() / 1000) + ttlSeconds)
      .sign(this.key);
  }
}

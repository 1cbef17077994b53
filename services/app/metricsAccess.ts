import { createHash, timingSafeEqual } from 'node:crypto';
import type { TokenVerifier } from '@tayari/api/auth/TokenVerifier';

/** Whether a request's `Authorization` header may read `/metrics`. */
export type MetricsAccess = (authorization: string | undefined) => Promise<boolean>;

export interface MetricsAccessOptions {
  /** TAYARI_METRICS_TOKEN: a scraper's bearer token, compared in constant time. */
  token?: string | undefined;
  /** Where the process verifies JWTs: an in-charge's token may read metrics too. */
  verifier?: Pick<TokenVerifier, 'verify'> | undefined;
}

/** Hashing both sides first makes the comparison constant-time whatever the lengths. */
const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Metrics tell command counts by type and status, connections and memory: only a scraper holding
 * TAYARI_METRICS_TOKEN, or an in-charge, may read them. With neither configured nobody may.
 */
export function metricsAccess(options: MetricsAccessOptions): MetricsAccess {
  const expected = options.token === undefined || options.token === '' ? undefined : digest(options.token);
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    const presented = match?.[1];
    if (presented === undefined) return false;
    if (expected !== undefined && timingSafeEqual(digest(presented), expected)) return true;
    if (options.verifier === undefined) return false;
    try {
      const { actor } = await options.verifier.verify(presented);
      return actor.role === 'incharge';
    } catch {
      return false;
    }
  };
}

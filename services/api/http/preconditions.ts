import { HttpProblem, problem } from './Problem';

/** `If-Match: "<version>"` (or `W/"<version>"`); `*` asks for nothing. A value we never issue cannot match. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) throw new HttpProblem(problem(412, 'version-mismatch', `If-Match ${header} is not a version this API issues`));
  return Number(match[1]);
}

/** `Idempotency-Key`: 1–128 visible ASCII characters. */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,128}$/.test(header)) {
    throw new HttpProblem(problem(400, 'invalid-idempotency-key', 'Idempotency-Key must be 1–128 visible ASCII characters'));
  }
  return header;
}

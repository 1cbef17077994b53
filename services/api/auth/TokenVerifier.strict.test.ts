import { createHmac } from 'node:crypto';
import { TokenVerifier } from './TokenVerifier';

/** Hand-made tokens against the strict rules: lifetime, clock skew, canonical text, repeated claims. */

const SECRET = 'token-verifier-strict-secret-0123456789abcdef';
const NOW = Date.parse('2018-06-20T00:00:00.000Z') / 1000;
const DAY = 24 * 60 * 60;
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const HEADER = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const sign = (input: string) => createHmac('sha256', SECRET).update(input).digest('base64url');

/** A token of exactly this payload text (so a repeated key stays repeated). */
function tokenOf(payloadText: string, header = HEADER): string {
  const input = `${header}.${b64(payloadText)}`;
  return `${input}.${sign(input)}`;
}
const claims = (extra: Record<string, unknown>) => JSON.stringify({ sub: 'p1', name: 'P', role: 'observer', iat: NOW, exp: NOW + 600, ...extra });

const verifier = (maxTokenDays?: number) => new TokenVerifier(SECRET, () => new Date(NOW * 1000), { maxTokenDays });
const refusal = (token: string, v = verifier()) =>
  v.verify(token).then(
    () => 'accepted',
    (error: { problem?: { status: number; detail: string } }) => `${error.problem?.status} ${error.problem?.detail}`,
  );

describe('TokenVerifier, strict', () => {
  test('a well-formed token within every rule is accepted', async () => {
    await expect(verifier().verify(tokenOf(claims({})))).resolves.toMatchObject({ actor: { sub: 'p1', role: 'observer' }, exp: NOW + 600 });
  });

  test('exp is required, in the future, and at most TAYARI_MAX_TOKEN_DAYS (default 30) ahead', async () => {
    expect(await refusal(tokenOf(JSON.stringify({ sub: 'p1', name: 'P', role: 'observer', iat: NOW })))).toMatch(/^401 /);
    expect(await refusal(tokenOf(claims({ exp: NOW })))).toBe('401 the token has expired');
    expect(await refusal(tokenOf(claims({ exp: NOW - 30 })))).toBe('401 the token has expired');
    expect(await refusal(tokenOf(claims({ exp: NOW + 30 * DAY })))).toBe('accepted');
    expect(await refusal(tokenOf(claims({ exp: NOW + 30 * DAY + 1 })))).toMatch(/^401 the token is valid for more than 30 days/);
    // exp in milliseconds, and absurdly far
    expect(await refusal(tokenOf(claims({ exp: (NOW + 600) * 1000 })))).toMatch(/^401 the token is valid for more than/);
    expect(await refusal(tokenOf(claims({ exp: 1e20 })))).toMatch(/^401 /);
    expect(await refusal(tokenOf(claims({ exp: '9999999999' })))).toMatch(/^401 /);
    expect(await refusal(tokenOf(claims({ exp: NOW + 8 * DAY })), verifier(7))).toMatch(/^401 the token is valid for more than 7 days/);
    expect(await refusal(tokenOf(claims({ exp: NOW + 7 * DAY })), verifier(7))).toBe('accepted');
  });

  test('iat or nbf more than 60 s in the future is refused; within 60 s (clock skew) it is not', async () => {
    expect(await refusal(tokenOf(claims({ iat: NOW + 60 })))).toBe('accepted');
    expect(await refusal(tokenOf(claims({ iat: NOW + 61 })))).toBe('401 the token was issued in the future (iat)');
    expect(await refusal(tokenOf(claims({ iat: NOW + 10 * 60 * 60 })))).toMatch(/^401 /);
    expect(await refusal(tokenOf(claims({ nbf: NOW + 60 })))).toBe('accepted');
    expect(await refusal(tokenOf(claims({ nbf: NOW + 61 })))).toMatch(/^401 /);
    expect(await refusal(tokenOf(claims({ nbf: NOW - 60 })))).toBe('accepted');
  });

  test('only canonical base64url: no padding, no other alphabet, no non-zero trailing bits', async () => {
    const good = tokenOf(claims({}));
    const [head, body, signature] = good.split('.') as [string, string, string];
    expect(signature.length % 4).not.toBe(0); // an HS256 signature (32 bytes) has trailing bits
    const variants = [
      `${head}.${body}.${signature}=`,
      `${head}=.${body}.${signature}`,
      `${head}.${body}.${signature.replace(/-/g, '+').replace(/_/g, '/')}${/[-_]/.test(signature) ? '' : '+'}`,
      // Same bytes, different text: flip the unused low bits of the last character.
      (() => {
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
        const last = alphabet.indexOf(signature.at(-1) ?? 'A');
        const twisted = `${signature.slice(0, -1)}${alphabet[last ^ 1]}`;
        expect(Buffer.from(twisted, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
        return `${head}.${body}.${twisted}`;
      })(),
      `${head}.${body}`,
      `${head}.${body}.${signature}.x`,
    ];
    for (const token of variants) expect({ token, answer: await refusal(token) }).toEqual({ token, answer: '401 the token is not valid' });
    expect(await refusal(good)).toBe('accepted');
  });

  test('a claim said twice is refused, whichever comes last; so is a header key said twice', async () => {
    const twice = `{"sub":"p1","name":"P","role":"observer","role":"incharge","iat":${NOW},"exp":${NOW + 600}}`;
    expect(await refusal(tokenOf(twice))).toBe('401 the token says "role" twice');
    const escaped = `{"sub":"p1","name":"P","role":"observer","\\u0072ole":"incharge","exp":${NOW + 600}}`;
    expect(await refusal(tokenOf(escaped))).toBe('401 the token says "role" twice');
    const header = b64('{"alg":"HS256","alg":"HS256","typ":"JWT"}');
    expect(await refusal(tokenOf(claims({}), header))).toBe('401 the token says "alg" twice');
  });

  test('claims other than Tayari’s are refused (strict)', async () => {
    expect(await refusal(tokenOf(claims({ admin: true })))).toMatch(/^401 the token's claims are not usable/);
  });

  test('issue() makes tokens that pass every rule', async () => {
    const v = verifier();
    const token = await v.issue({ sub: 'p9', name: 'नाम', role: 'organiser', wing: 'mahila' }, 30 * DAY);
    expect(token.split('.').every((segment) => !segment.includes('='))).toBe(true);
    await expect(v.verify(token)).resolves.toMatchObject({ actor: { sub: 'p9', wing: 'mahila' } });
  });
});

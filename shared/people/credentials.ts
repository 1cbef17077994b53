import { createHash, timingSafeEqual } from 'node:crypto';
import type { Keyring } from '../common/Keyring';

/**
 * The secrets a person holds: an invitation code (`<personId>.<secret>`) and refresh tokens
 * (`<personId>.<familyId>.<secret>`). The person's id up front lets a sign-in read one stream; the
 * secret is 128 bits derived from the server's key and what the events keep (ids, a generation),
 * so a retried request is answered with the same secret while the events hold only its hash.
 */
const SECRET = /^[A-Za-z0-9_-]{22}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** SHA-256 of a secret, base64url (43 characters): what events keep. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** Compares two hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** 128 bits (22 base64url characters) under the key for `purpose`. */
const derive = (keys: Keyring, purpose: string, text: string) => keys.mac(purpose, text).slice(0, 22);

export function invitationSecret(keys: Keyring, personId: string, invitationId: string): string {
  return derive(keys, 'invitation', `${personId}:${invitationId}`);
}

export function refreshSecret(keys: Keyring, personId: string, familyId: string, generation: number): string {
  return derive(keys, 'refresh', `${personId}:${familyId}:${generation}`);
}

export const invitationCode = (personId: string, secret: string) => `${personId}.${secret}`;
export const refreshToken = (personId: string, familyId: string, secret: string) => `${personId}.${familyId}.${secret}`;

/** The parts of an invitation code; undefined when it cannot be one. */
export function parseInvitationCode(code: string): { personId: string; secret: string } | undefined {
  const [personId, secret, ...rest] = code.split('.');
  if (rest.length > 0 || personId === undefined || secret === undefined || !ID.test(personId) || !SECRET.test(secret)) return undefined;
  return { personId, secret };
}

/** The parts of a refresh token; undefined when it cannot be one. */
export function parseRefreshToken(token: string): { personId: string; familyId: string; secret: string } | undefined {
  const [personId, familyId, secret, ...rest] = token.split('.');
  if (rest.length > 0 || personId === undefined || familyId === undefined || secret === undefined) return undefined;
  if (!ID.test(personId) || !ID.test(familyId) || !SECRET.test(secret)) return undefined;
  return { personId, familyId, secret };
}

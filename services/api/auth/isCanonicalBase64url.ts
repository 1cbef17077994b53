/**
 * Whether a JWS segment is base64url as RFC 7515 writes it: the URL-safe alphabet, no `=` padding,
 * and unused trailing bits zero. Decoders forgive the rest, so one token could otherwise be spelt
 * several ways (a different text for the same signature), which defeats comparing tokens as text.
 */
export function isCanonicalBase64url(segment: string): boolean {
  if (!/^[A-Za-z0-9_-]*$/.test(segment) || segment.length % 4 === 1) return false;
  return Buffer.from(segment, 'base64url').toString('base64url') === segment;
}

/**
 * A random UUID for `Idempotency-Key`. crypto.randomUUID exists only on secure origins (https,
 * localhost); a phone on the office Wi-Fi may open the page over plain http, so fall back to
 * getRandomValues, which every origin has.
 */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function' && isSecureContext) return crypto.randomUUID();
  const random = crypto.getRandomValues(new Uint8Array(16));
  // Byte 6 carries the version (4), byte 8 the variant (10xx).
  const b = Array.from(random, (x, i) => (i === 6 ? (x & 0x0f) | 0x40 : i === 8 ? (x & 0x3f) | 0x80 : x));
  const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

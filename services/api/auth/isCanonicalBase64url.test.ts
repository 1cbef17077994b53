import { isCanonicalBase64url } from './isCanonicalBase64url';

describe('isCanonicalBase64url', () => {
  test('takes what Buffer writes as base64url, for every length', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = Buffer.from(Array.from({ length }, (_, i) => (i * 37 + 11) % 256));
      expect(isCanonicalBase64url(bytes.toString('base64url'))).toBe(true);
    }
  });

  test.each([
    ['padding', 'YWI='],
    ['padding, two', 'YQ=='],
    ['the standard alphabet', 'a+/b'],
    ['non-zero trailing bits (YR decodes as YQ)', 'YR'],
    ['non-zero trailing bits after 2 bytes (YWJ decodes as YWI)', 'YWJ'],
    ['a length no encoder writes', 'YWJjZ'],
    ['whitespace', 'YW I'],
  ])('refuses %s: %s', (_why, segment) => {
    expect(isCanonicalBase64url(segment)).toBe(false);
  });
});

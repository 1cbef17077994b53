import type { Position as EsdbPosition } from '@eventstore/db-client';
import { esdbPosition } from './esdbPosition';

const pos = (commit: bigint, prepare: bigint): EsdbPosition => ({ commit, prepare });
const SAFE = BigInt(Number.MAX_SAFE_INTEGER); // 2^53 - 1
const U64_MAX = 2n ** 64n - 1n;

describe('esdbPosition', () => {
  test('encodes as zero-padded decimal commit/prepare and round-trips', () => {
    const encoded = esdbPosition.encode(pos(1234n, 1200n));
    expect(encoded).toBe('00000000000000001234/00000000000000001200');
    expect(esdbPosition.decode(encoded)).toEqual(pos(1234n, 1200n));
  });

  test('round-trips bigints beyond Number.MAX_SAFE_INTEGER exactly, up to 2^64 - 1', () => {
    for (const value of [SAFE, SAFE + 1n, SAFE + 2n, 2n ** 63n + 7n, U64_MAX]) {
      const decoded = esdbPosition.decode(esdbPosition.encode(pos(value, value - 1n)));
      expect(decoded.commit).toBe(value);
      expect(decoded.prepare).toBe(value - 1n);
    }
  });

  test('the encoded string survives JSON, which a bigint pair does not', () => {
    const encoded = esdbPosition.encode(pos(SAFE + 2n, SAFE + 1n));
    expect(() => JSON.stringify(pos(1n, 1n))).toThrow(TypeError);
    expect(esdbPosition.decode(JSON.parse(JSON.stringify({ encoded })).encoded)).toEqual(pos(SAFE + 2n, SAFE + 1n));
  });

  test('compares around 2^53, where numbers could not tell the positions apart', () => {
    const a = esdbPosition.encode(pos(SAFE + 1n, 0n));
    const b = esdbPosition.encode(pos(SAFE + 2n, 0n));
    expect(Number(SAFE + 1n)).toBe(Number(SAFE + 2n)); // the trap this codec avoids
    expect(esdbPosition.compare(a, b)).toBe(-1);
    expect(esdbPosition.compare(b, a)).toBe(1);
    expect(esdbPosition.compare(a, a)).toBe(0);
  });

  test('orders by commit first, then by prepare within one commit', () => {
    expect(esdbPosition.compare(esdbPosition.encode(pos(SAFE + 5n, SAFE + 3n)), esdbPosition.encode(pos(SAFE + 5n, SAFE + 4n)))).toBe(-1);
    // A later commit wins even with a smaller prepare.
    expect(esdbPosition.compare(esdbPosition.encode(pos(10n, 9n)), esdbPosition.encode(pos(9n, 9n)))).toBe(1);
  });

  test('string order of encoded positions is log order', () => {
    const positions = [pos(9n, 9n), pos(10n, 1n), pos(10n, 10n), pos(SAFE, 0n), pos(SAFE + 1n, 0n), pos(U64_MAX, U64_MAX)];
    const encoded = positions.map(esdbPosition.encode);
    const byString = [...encoded].reverse().sort();
    const byCompare = [...encoded].reverse().sort(esdbPosition.compare);
    expect(byString).toEqual(encoded);
    expect(byCompare).toEqual(encoded);
  });

  test('decodes unpadded decimal too', () => {
    expect(esdbPosition.decode('9007199254740993/42')).toEqual(pos(SAFE + 2n, 42n));
    expect(esdbPosition.compare('10/0', '9/0')).toBe(1);
  });

  test.each(['', '12', '1/2/3', '-1/0', '1/-1', '0x10/1', '1.5/1', ' 1/1', '1/1 ', 'a/b', '123456789012345678901/0', '18446744073709551616/0'])(
    'rejects %j',
    (bad) => {
      expect(() => esdbPosition.decode(bad)).toThrow(RangeError);
    },
  );

  test('refuses to encode values outside unsigned 64 bits', () => {
    expect(() => esdbPosition.encode(pos(-1n, 0n))).toThrow(RangeError);
    expect(() => esdbPosition.encode(pos(0n, U64_MAX + 1n))).toThrow(RangeError);
  });
});

import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import { toExpectedRevision } from './toExpectedRevision';

describe('toExpectedRevision', () => {
  test('named expectations map to the client constants', () => {
    expect(toExpectedRevision('any')).toBe(ANY);
    expect(toExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
  });

  test('version 0 (no events yet) is NO_STREAM, never ANY', () => {
    expect(toExpectedRevision(0)).toBe(NO_STREAM);
  });

  test('version n is the bigint revision n - 1 of the last event', () => {
    expect(toExpectedRevision(1)).toBe(0n);
    expect(toExpectedRevision(2)).toBe(1n);
    expect(toExpectedRevision(1000)).toBe(999n);
    expect(toExpectedRevision(Number.MAX_SAFE_INTEGER)).toBe(BigInt(Number.MAX_SAFE_INTEGER) - 1n);
    expect(typeof toExpectedRevision(5)).toBe('bigint');
  });

  test.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])('rejects %p', (bad) => {
    expect(() => toExpectedRevision(bad)).toThrow(RangeError);
  });
});

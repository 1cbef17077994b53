import { applyMergePatch, mergePatch } from './mergePatch';
import { seededRandom as random } from '../testing/seededRandom';

type Value = string | number | boolean | Value[] | { [key: string]: Value };

function randomValue(next: () => number, depth: number): Value {
  const pick = next();
  if (depth > 2 || pick < 0.3) return ['todo', 'done', 'मंच', ''][Math.floor(next() * 4)] ?? 'x';
  if (pick < 0.4) return Math.floor(next() * 5);
  if (pick < 0.5) return next() < 0.5;
  if (pick < 0.6) return [randomValue(next, depth + 1), randomValue(next, depth + 1)];
  return randomObject(next, depth + 1);
}

function randomObject(next: () => number, depth: number): { [key: string]: Value } {
  const object: { [key: string]: Value } = {};
  for (const key of ['a', 'b', 'c', 'd']) if (next() < 0.6) object[key] = randomValue(next, depth);
  return object;
}

describe('merge patches (RFC 7396)', () => {
  it('turns any board into any other, and only names what changed', () => {
    const next = random(7396);
    for (let i = 0; i < 2000; i++) {
      const before = randomObject(next, 0);
      const after = randomObject(next, 0);
      const patch = mergePatch(before, after);
      expect(applyMergePatch(before, patch ?? {})).toEqual(after);
      if (JSON.stringify(before) === JSON.stringify(after)) expect(patch).toBeUndefined();
    }
  });

  it('is idempotent: a patch applied twice gives what it gives once', () => {
    const next = random(42);
    for (let i = 0; i < 500; i++) {
      const before = randomObject(next, 0);
      const patch = mergePatch(before, randomObject(next, 0)) ?? {};
      const once = applyMergePatch(before, patch);
      expect(applyMergePatch(once, patch)).toEqual(once);
    }
  });

  it('names a moved card only, removes a card with null, and skips unchanged objects by identity', () => {
    const shared = { id: 'b', status: 'todo' };
    const before = { position: '9', cards: { a: { id: 'a', status: 'todo', title: 'मंच' }, b: shared, c: { id: 'c', status: 'done' } } };
    const after = { position: '10', cards: { a: { id: 'a', status: 'in_progress', title: 'मंच' }, b: shared } };
    expect(mergePatch(before, after)).toEqual({ position: '10', cards: { a: { status: 'in_progress' }, c: null } });
  });

  it('replaces arrays whole and treats undefined as absent', () => {
    expect(mergePatch({ stops: [1, 2], x: 1 }, { stops: [1, 3], x: undefined })).toEqual({ stops: [1, 3], x: null });
    expect(mergePatch({ stops: [1, 2] }, { stops: [1, 2] })).toBeUndefined();
    expect(applyMergePatch({ a: { b: 1 } }, { a: { b: null, c: 2 } })).toEqual({ a: { c: 2 } });
    expect(applyMergePatch('not an object', { a: 1 })).toEqual({ a: 1 });
  });
});

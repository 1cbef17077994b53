import { isRecord } from './isRecord';

/**
 * RFC 7396 JSON Merge Patch, both ways: `mergePatch(before, after)` makes the patch that turns one
 * board into the other, `applyMergePatch(target, patch)` applies one. Node-free: the page bundles it.
 *
 * Boards leave out fields without a value (never `null`), so every value is representable. Objects
 * that did not change are skipped by identity first: the board builders reuse the objects of
 * unchanged cards, so a diff of a 5,000-card board costs 5,000 pointer compares, not a deep walk.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A JSON object: a board's values are JSON, so a record of them is one. */
const isObject = (value: unknown): value is JsonObject => isRecord(value);

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
  }
  return false;
}

/**
 * The merge patch from `before` to `after` (both objects); undefined when they are equal. Keys whose
 * value is `undefined` count as absent, as JSON.stringify treats them.
 */
export function mergePatch(before: object, after: object): JsonObject | undefined {
  if (before === after) return undefined;
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  let patch: JsonObject | undefined;
  const put = (key: string, value: Json) => {
    patch ??= {};
    patch[key] = value;
  };
  for (const key of Object.keys(b)) {
    const next = b[key];
    if (next === undefined) continue;
    const prev = Object.hasOwn(a, key) ? a[key] : undefined;
    if (prev === next) continue;
    if (isObject(prev) && isObject(next)) {
      const inner = mergePatch(prev, next);
      if (inner !== undefined) put(key, inner);
    } else if (prev === undefined || !sameJson(prev, next)) {
      put(key, next as Json);
    }
  }
  for (const key of Object.keys(a)) {
    if (a[key] !== undefined && (!Object.hasOwn(b, key) || b[key] === undefined)) put(key, null);
  }
  return patch;
}

/** RFC 7396 §2: applies `patch` to `target` and answers the result; `target` is not changed. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(Object.hasOwn(result, key) ? result[key] : undefined, value);
  }
  return result;
}

/**
 * A record's own entry. Ids such as `constructor` or `toString` are valid, and a plain `record[id]`
 * would answer Object.prototype's member for them.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A copy of `record` with `key` set (or removed when `value` is undefined). */
export function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T | undefined): Record<string, T> {
  const next: Record<string, T> = { ...record };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

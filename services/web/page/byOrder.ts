/**
 * Keyed boards (SPEC v2) carry their order in `order` strings, compared as plain strings (code
 * units, not the locale's collation: the server builds them to sort that way).
 */
export function compareOrder(a: { order: string }, b: { order: string }): number {
  return a.order < b.order ? -1 : a.order > b.order ? 1 : 0;
}

/** The items of a keyed board part (cards, responsibilities, programmes), in their `order`. */
export function byOrder<T extends { order: string }>(items: Readonly<Record<string, T>>): T[] {
  return Object.values(items).sort(compareOrder);
}

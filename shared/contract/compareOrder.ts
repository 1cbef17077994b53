/**
 * Keyed boards (SPEC v2) carry their order in `order` strings, compared as plain strings (code
 * units, not the locale's collation: the server builds them to sort that way). Node-free: the page
 * sorts with it too.
 */
export function compareOrder(a: { order: string }, b: { order: string }): number {
  return a.order < b.order ? -1 : a.order > b.order ? 1 : 0;
}

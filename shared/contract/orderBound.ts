/**
 * Binary search in a list kept in `order` (SPEC v2's order strings, compared as plain strings like
 * compareOrder): the first place whose item's order is not below `order`, or, with `after`, is above
 * it. Node-free: the page's card groups and the read side's column index keep their columns with it.
 */
export function orderBound<T>(items: readonly T[], order: string, orderOf: (item: T) => string, after = false): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const at = orderOf(items[middle] as T);
    if (at < order || (after && at === order)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Where the item `is` picks sits among the items of `order` (-1: none of them). */
export function orderIndex<T>(items: readonly T[], order: string, orderOf: (item: T) => string, is: (item: T) => boolean): number {
  for (let i = orderBound(items, order, orderOf); i < items.length && orderOf(items[i] as T) === order; i++) if (is(items[i] as T)) return i;
  return -1;
}

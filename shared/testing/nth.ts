/**
 * The item at `index` (negative counts from the end) of a list that must hold it (tests, the bench's
 * generators and figures): fails plainly, naming the index and the length, not with a TypeError
 * further on. Takes arrays and typed arrays alike.
 */
export function nth<T>(items: { readonly length: number; at(index: number): T | undefined }, index: number): T {
  const item = items.at(index);
  if (item === undefined) throw new RangeError(`expected an item at index ${index}, but there are ${items.length}`);
  return item;
}

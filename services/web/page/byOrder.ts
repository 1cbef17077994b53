import { compareOrder } from '@tayari/shared/contract/compareOrder';

export { compareOrder };

/** The items of a keyed board part (cards, responsibilities, programmes), in their `order`. */
export function byOrder<T extends { order: string }>(items: Readonly<Record<string, T>>): T[] {
  return Object.values(items).sort(compareOrder);
}

import { isRecord } from '@tayari/shared/contract/isRecord';

/**
 * A programme board read as its columns' first cards (past SPEC `perColumn`) that holds every card
 * of the board (no column longer than the page): that board whole, without its `columnTotals`, so
 * a short board costs one read, not a preview and then the same board again. Undefined otherwise.
 */
export function wholePreview(body: { position: unknown }): { position: unknown } | undefined {
  const read: Record<string, unknown> = body;
  if (!isRecord(read.columnTotals) || !isRecord(read.cards)) return undefined;
  let total = 0;
  for (const n of Object.values(read.columnTotals)) {
    if (typeof n !== 'number') return undefined;
    total += n;
  }
  if (total !== Object.keys(read.cards).length) return undefined;
  const { columnTotals: _, ...whole } = read;
  return { ...whole, position: body.position };
}

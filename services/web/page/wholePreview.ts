const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A programme board read as its columns' first cards (past SPEC `perColumn`) that holds every card
 * of the board (no column longer than the page): that board whole, without its `columnTotals`, so
 * a short board costs one read, not a preview and then the same board again. Undefined otherwise.
 */
export function wholePreview(body: unknown): Record<string, unknown> | undefined {
  if (!isObject(body) || !isObject(body.columnTotals) || !isObject(body.cards)) return undefined;
  let total = 0;
  for (const n of Object.values(body.columnTotals)) {
    if (typeof n !== 'number') return undefined;
    total += n;
  }
  if (total !== Object.keys(body.cards).length) return undefined;
  const { columnTotals: _, ...whole } = body;
  return whole;
}

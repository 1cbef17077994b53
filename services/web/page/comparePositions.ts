/**
 * Orders two global positions. They cross the API as strings and stores count differently (a
 * number, or EventStoreDB's commit/prepare pair), so compare the runs of digits as numbers, in order.
 * Positions whose shape cannot be compared count as equal: the newer message then wins.
 */
export function comparePositions(a: string, b: string): number {
  const pa = a.match(/\d+/g);
  const pb = b.match(/\d+/g);
  if (!pa || !pb || pa.length !== pb.length) return 0;
  for (let i = 0; i < pa.length; i++) {
    const [p, q] = [pa[i], pb[i]];
    if (p === undefined || q === undefined) return 0;
    const x = BigInt(p);
    const y = BigInt(q);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

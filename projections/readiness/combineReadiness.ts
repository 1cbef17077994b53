import type { Readiness } from './types';
import { Tally } from './readiness';
import { NEVER_AT_RISK } from './riskWindow';

/**
 * The readiness of several parts taken together (a wing across programmes): counts add up, percent
 * is recomputed, and the whole is at risk when any part is.
 */
export function combineReadiness(parts: readonly Readiness[]): Readiness {
  const all = new Tally();
  const byWing = new Map<string, Tally>();
  for (const part of parts) {
    all.merge(part);
    for (const [wing, counts] of Object.entries(part.byWing)) {
      let tally = byWing.get(wing);
      if (!tally) byWing.set(wing, (tally = new Tally()));
      tally.merge(counts);
    }
  }
  const anyAtRisk = parts.some((part) => part.atRisk);
  const wingAtRisk = (wing: string) => parts.some((part) => Object.hasOwn(part.byWing, wing) && part.byWing[wing]?.atRisk === true);
  const counts = all.counts(NEVER_AT_RISK);
  return {
    ...counts,
    atRisk: anyAtRisk,
    byWing: Object.fromEntries(
      [...byWing].sort(([a], [b]) => (a < b ? -1 : 1)).map(([wing, t]) => [wing, { ...t.counts(NEVER_AT_RISK), atRisk: wingAtRisk(wing) }]),
    ),
  };
}

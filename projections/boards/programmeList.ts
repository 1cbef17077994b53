import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { inUnit } from './inUnit';
import { programmeSummary } from './programmeSummary';
import { byStart } from './timing';
import type { Position, ProgrammeListPayload } from './types';

export interface ProgrammeFilter {
  /** Programmes still running after this instant (ISO, UTC). */
  from?: string | undefined;
  /** Programmes starting before this instant (ISO, UTC). */
  to?: string | undefined;
  kind?: 'tour' | 'meeting' | undefined;
  /** Programmes of this unit or a unit under it. */
  unit?: string | undefined;
}

/**
 * GET /api/programmes: every programme (cancelled and ended ones too) whose time window overlaps
 * [from, to), by start. A tour without live stops has no window: it is listed (last) only when
 * neither from nor to is given.
 */
export function programmeList(
  docs: Iterable<ProgrammeDoc>,
  filter: ProgrammeFilter,
  now: Date,
  position: Position,
  /** With `filter.unit`: that unit and the units under it. */
  within?: ReadonlySet<string>,
): ProgrammeListPayload {
  const from = filter.from === undefined ? undefined : Date.parse(filter.from);
  const to = filter.to === undefined ? undefined : Date.parse(filter.to);
  const programmes = [];
  for (const doc of docs) {
    if (filter.kind !== undefined && doc.kind !== filter.kind) continue;
    if (!inUnit(doc, within)) continue;
    const summary = programmeSummary(doc, now);
    if (from !== undefined || to !== undefined) {
      if (summary.startsAt === undefined || summary.endsAt === undefined) continue;
      if (from !== undefined && Date.parse(summary.endsAt) <= from) continue;
      if (to !== undefined && Date.parse(summary.startsAt) >= to) continue;
    }
    programmes.push(summary);
  }
  return { position, programmes: programmes.sort(byStart) };
}

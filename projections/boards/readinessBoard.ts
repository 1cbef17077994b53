import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { inUnit } from './inUnit';
import { programmeSummary } from './programmeSummary';
import { programmeOrder } from './timing';
import type { OrderedSummary, Position, ReadinessBoardPayload } from './types';

/** GET /api/boards/readiness: every programme that is not cancelled and has not ended, keyed by id. */
export function readinessBoard(
  docs: Iterable<ProgrammeDoc>,
  now: Date,
  position: Position,
  /** With a unit filter: the units whose programmes it keeps. */
  within?: ReadonlySet<string>,
): ReadinessBoardPayload {
  const programmes: Record<string, OrderedSummary> = {};
  for (const doc of docs) {
    if (doc.status === 'cancelled' || !inUnit(doc, within)) continue;
    const summary = programmeSummary(doc, now);
    if (summary.phase !== 'ended') programmes[doc.id] = { ...summary, order: programmeOrder(summary) };
  }
  return { position, programmes };
}

import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { programmeSummary } from './programmeSummary';
import { byStart } from './timing';
import type { Position, ReadinessBoardPayload } from './types';

/** GET /api/boards/readiness: every programme that is not cancelled and has not ended, by start. */
export function readinessBoard(docs: Iterable<ProgrammeDoc>, now: Date, position: Position): ReadinessBoardPayload {
  const programmes = [];
  for (const doc of docs) {
    if (doc.status === 'cancelled') continue;
    const summary = programmeSummary(doc, now);
    if (summary.phase !== 'ended') programmes.push(summary);
  }
  return { position, programmes: programmes.sort(byStart) };
}

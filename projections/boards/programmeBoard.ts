import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { cancelledStops } from '../readiness/readiness';
import { cardPasses, responsibilityPasses } from './boardFilter';
import { isLive, toCard, toResponsibility } from './items';
import { detailOf } from './programmeDetail';
import { indexOf, readinessOf } from './programmeIndex';
import { seriesSection } from './seriesSection';
import { timingOf } from './timing';
import type { BoardFilter, BoardProgramme, Card, Position, ProgrammeBoardPayload, ResponsibilityItem } from './types';

/** The programme as its board shows it: the detail with the effective window and phase. */
export function boardProgramme(doc: ProgrammeDoc, now: Date): BoardProgramme {
  const timing = timingOf(doc, now);
  const detail = detailOf(doc);
  if (detail.kind === 'meeting') {
    const { startsAt: _s, endsAt: _e, ...rest } = detail;
    return { ...rest, ...timing };
  }
  return { ...detail, ...timing };
}

/** GET /api/boards/programme/{id}: the task board at `now`, its cards and duties filtered. */
export function programmeBoard(doc: ProgrammeDoc, now: Date, position: Position, filter: BoardFilter = {}): ProgrammeBoardPayload {
  const stopsCancelled = cancelledStops(doc);
  const cards: Record<string, Card> = {};
  for (const task of Object.values(doc.tasks)) {
    if (!isLive(task)) continue;
    const card = toCard(task, now, task.stopId !== undefined && stopsCancelled.has(task.stopId));
    if (cardPasses(card, filter)) cards[card.id] = card;
  }
  const responsibilities: Record<string, ResponsibilityItem> = {};
  for (const view of Object.values(doc.responsibilities)) {
    const item = toResponsibility(view);
    if (responsibilityPasses(item, filter)) responsibilities[item.id] = item;
  }
  const carried = indexOf(doc).carried?.();
  const board = { position, programme: boardProgramme(doc, now), readiness: readinessOf(doc, now), cards, responsibilities };
  return carried === undefined ? board : { ...board, series: seriesSection(carried, now, filter) };
}

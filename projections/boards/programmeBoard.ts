import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { cancelledStops } from '../readiness/readiness';
import { cardPasses, responsibilityPasses } from './boardFilter';
import { isLive, type LiveTask, toCard, toResponsibility } from './items';
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

/** A programme's live task as its board's card at `now` (whether its stop was cancelled, from `doc`). */
export function cardMaker(doc: ProgrammeDoc, now: Date): (task: LiveTask) => Card {
  const stopsCancelled = cancelledStops(doc);
  return (task) => toCard(task, now, task.stopId !== undefined && stopsCancelled.has(task.stopId));
}

/** A programme board but its cards: the programme, its readiness, its duties narrowed by `filter`, a meeting's carried follow-ups. */
export function boardFrame(doc: ProgrammeDoc, now: Date, position: Position, filter: BoardFilter): Omit<ProgrammeBoardPayload, 'cards'> {
  const responsibilities: Record<string, ResponsibilityItem> = {};
  for (const view of Object.values(doc.responsibilities)) {
    const item = toResponsibility(view);
    if (responsibilityPasses(item, filter)) responsibilities[item.id] = item;
  }
  const carried = indexOf(doc).carried?.();
  const frame = { position, programme: boardProgramme(doc, now), readiness: readinessOf(doc, now), responsibilities };
  return carried === undefined ? frame : { ...frame, series: seriesSection(carried, now, filter) };
}

/** GET /api/boards/programme/{id}: the task board at `now`, its cards and duties filtered. */
export function programmeBoard(doc: ProgrammeDoc, now: Date, position: Position, filter: BoardFilter = {}): ProgrammeBoardPayload {
  const card = cardMaker(doc, now);
  const cards: Record<string, Card> = {};
  for (const task of Object.values(doc.tasks)) {
    if (!isLive(task)) continue;
    const made = card(task);
    if (cardPasses(made, filter)) cards[made.id] = made;
  }
  return { ...boardFrame(doc, now, position, filter), cards };
}

import type { Wing } from '@tayari/shared/wings/events';
import type { ProgrammeDoc, StopView } from '../models/programme/ProgrammeDoc';
import { combineReadiness } from '../readiness/combineReadiness';
import { cancelledStops } from '../readiness/readiness';
import { cardPasses, responsibilityPasses } from './boardFilter';
import { inUnit } from './inUnit';
import { isLive, toCard, toResponsibility } from './items';
import { readinessOf } from './programmeIndex';
import { timeZoneOf } from './timeZone';
import { programmeOrder, timingOf } from './timing';
import type { BoardFilter, Card, Position, WingBoardPayload, WingCard, WingProgramme, WingResponsibilityItem } from './types';

// Like cards, a wing card is built once per card object, so that unchanged cards stay the same objects.
const wingCards = new WeakMap<Card, WingCard>();

function wingCardOf(card: Card, programmeId: string): WingCard {
  let wingCard = wingCards.get(card);
  if (wingCard === undefined) wingCards.set(card, (wingCard = { ...card, programmeId }));
  return wingCard;
}

/**
 * GET /api/boards/wing/{code}: the wing's live responsibilities and tasks in programmes that are
 * neither cancelled nor ended (of a unit and those under it, with `unit`), each programme with the
 * readiness of this wing's tasks. Keyed by id:
 * programmes carry their `order` (by start), cards theirs (by due time within a programme).
 */
export function wingBoard(
  wing: Wing,
  /** The programmes where the wing has live work. */
  programmeIds: Iterable<string>,
  programmeOf: (id: string) => ProgrammeDoc | undefined,
  now: Date,
  position: Position,
  filter: BoardFilter = {},
  /** With a unit filter: that unit's code and those under it (programmes of other units are left out). */
  within?: ReadonlySet<string>,
): WingBoardPayload {
  const ids = new Set(programmeIds);
  const programmes: Record<string, WingProgramme> = {};
  const cards: Record<string, WingCard> = {};
  const responsibilities: Record<string, WingResponsibilityItem> = {};
  for (const id of ids) {
    const programme = programmeOf(id);
    if (!programme || programme.status === 'cancelled' || !inUnit(programme, within)) continue;
    const timing = timingOf(programme, now);
    if (timing.phase === 'ended') continue;
    const tasks = Object.values(programme.tasks).filter((task) => task.wing === wing.code);
    programmes[id] = {
      id,
      kind: programme.kind,
      title: programme.title,
      ...timing,
      timeZone: timeZoneOf(),
      readiness: readinessOf(programme, now, wing.code),
      order: programmeOrder({ id, ...timing }),
      ...(programme.kind === 'tour' ? { stops: stopsOf(programme.stops) } : {}),
    };
    const stopsCancelled = cancelledStops(programme);
    for (const task of tasks) {
      if (!isLive(task)) continue;
      const card = toCard(task, now, task.stopId !== undefined && stopsCancelled.has(task.stopId));
      if (cardPasses(card, filter)) cards[card.id] = wingCardOf(card, id);
    }
    for (const view of Object.values(programme.responsibilities)) {
      if (view.wing !== wing.code || view.cancelled) continue;
      const item = toResponsibility(view);
      if (responsibilityPasses(item, filter)) responsibilities[item.id] = { ...item, programmeId: id };
    }
  }
  return { position, wing, readiness: combineReadiness(Object.values(programmes).map((p) => p.readiness)), programmes, cards, responsibilities };
}

/** A tour's stops as a wing card needs them: its place and time, by id. */
function stopsOf(stops: readonly StopView[]): NonNullable<WingProgramme['stops']> {
  return Object.fromEntries(stops.map((stop) => [stop.id, { place: stop.place, district: stop.district, startsAt: stop.startsAt, cancelled: stop.cancelled }]));
}

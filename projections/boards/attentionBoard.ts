import type { ProgrammeDoc, TaskCard } from '../models/programme/ProgrammeDoc';
import { cancelledStops, counts, type Tally } from '../readiness/readiness';
import { NEVER_AT_RISK } from '../readiness/riskWindow';
import { isLive, toCard, toResponsibility } from './items';
import { indexOf } from './programmeIndex';
import { inUnit } from './inUnit';
import { programmeSummary } from './programmeSummary';
import { programmeOrder } from './timing';
import type { AttentionBoardPayload, AttentionWing, BoardFilter, Position, WingCard } from './types';
import { compareOrder } from '@tayari/shared/contract/compareOrder';

const since = (now: Date, at: string | undefined) => (at === undefined ? 0 : Math.max(0, now.getTime() - Date.parse(at)));

/**
 * GET /api/boards/attention: at-risk programmes, overdue and blocked work, unacknowledged duties and
 * the wings ranked, across programmes that are neither cancelled nor ended. `filter.wing` keeps one
 * wing's work (and the at-risk programmes it has work in). Tasks of cancelled stops are left out,
 * as they are out of every count. Built from each programme's index (tallies, due times, blocked
 * tasks): it reads the tasks that need attention, not every task.
 */
export function attentionBoard(
  docs: Iterable<ProgrammeDoc>,
  now: Date,
  position: Position,
  filter: Pick<BoardFilter, 'wing'> = {},
  /** With a unit filter: the units whose programmes it keeps. */
  within?: ReadonlySet<string>,
): AttentionBoardPayload {
  const board: AttentionBoardPayload = { position, programmes: [], overdue: [], blocked: [], unacknowledged: [], wings: [] };
  const wings = new Map<string, Tally>();
  const wanted = (wing: string) => filter.wing === undefined || wing === filter.wing;
  for (const doc of docs) {
    if (doc.status === 'cancelled' || !inUnit(doc, within)) continue;
    const summary = programmeSummary(doc, now);
    if (summary.phase === 'ended') continue;
    if (summary.readiness.atRisk && (filter.wing === undefined || doc.wings.includes(filter.wing)))
      board.programmes.push({ ...summary, order: programmeOrder(summary) });
    const index = indexOf(doc);
    index.tallies.wingTallies(doc, now, wings);
    const stopsCancelled = cancelledStops(doc);
    const needing = (id: string): (WingCard & { programmeTitle: string; task: TaskCard }) | undefined => {
      const task = index.task(id);
      if (!task || !isLive(task) || !counts(task, stopsCancelled) || !wanted(task.wing)) return undefined;
      return { ...toCard(task, now, false), programmeId: doc.id, programmeTitle: doc.title, task };
    };
    for (const id of index.dues.fallenBy(now.getTime())) {
      const item = needing(id);
      if (item) board.overdue.push({ ...withoutTask(item), overdueMs: since(now, item.task.dueAt) });
    }
    for (const id of index.blocked) {
      const item = needing(id);
      if (item) board.blocked.push({ ...withoutTask(item), blockedMs: since(now, item.task.blockedSince ?? item.task.lastChange?.at) });
    }
    for (const view of Object.values(doc.responsibilities)) {
      if (view.cancelled || view.acknowledged || !wanted(view.wing)) continue;
      board.unacknowledged.push({ ...toResponsibility(view), programmeId: doc.id, programmeTitle: doc.title, sinceMs: since(now, view.givenAt) });
    }
  }
  board.programmes.sort(compareOrder);
  // Worst first; ties in the board's own order, so that equal figures do not shuffle between reads.
  board.overdue.sort((a, b) => b.overdueMs - a.overdueMs || compareOrder(a, b));
  board.blocked.sort((a, b) => b.blockedMs - a.blockedMs || compareOrder(a, b));
  board.unacknowledged.sort((a, b) => b.sinceMs - a.sinceMs || compareOrder(a, b));
  board.wings = [...wings]
    .filter(([wing]) => wanted(wing))
    .map(([wing, tally]): AttentionWing => {
      const { overdue, blocked, total, done, percent } = tally.counts(NEVER_AT_RISK);
      return { wing, overdue, blocked, total, done, percent };
    });
  board.wings.sort((a, b) => b.overdue + b.blocked - (a.overdue + a.blocked) || a.percent - b.percent || (a.wing < b.wing ? -1 : 1));
  return board;
}

function withoutTask<T extends { task: TaskCard }>(item: T): Omit<T, 'task'> {
  const { task: _task, ...rest } = item;
  return rest;
}

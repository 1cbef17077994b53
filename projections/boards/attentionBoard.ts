import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { cancelledStops, counts, Tally } from '../readiness/readiness';
import { NEVER_AT_RISK } from '../readiness/riskWindow';
import { isLive, toCard, toResponsibility } from './items';
import { programmeSummary } from './programmeSummary';
import { programmeOrder } from './timing';
import type { AttentionBoardPayload, AttentionWing, BoardFilter, Position } from './types';

const since = (now: Date, at: string | undefined) => (at === undefined ? 0 : Math.max(0, now.getTime() - Date.parse(at)));
const byOrder = (a: { order: string }, b: { order: string }) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0);

/**
 * GET /api/boards/attention: at-risk programmes, overdue and blocked work, unacknowledged duties and
 * the wings ranked, across programmes that are neither cancelled nor ended. `filter.wing` keeps one
 * wing's work (and the at-risk programmes it has work in). Tasks of cancelled stops are left out,
 * as they are out of every count.
 */
export function attentionBoard(docs: Iterable<ProgrammeDoc>, now: Date, position: Position, filter: Pick<BoardFilter, 'wing'> = {}): AttentionBoardPayload {
  const board: AttentionBoardPayload = { position, programmes: [], overdue: [], blocked: [], unacknowledged: [], wings: [] };
  const wings = new Map<string, Tally>();
  const wanted = (wing: string) => filter.wing === undefined || wing === filter.wing;
  for (const doc of docs) {
    if (doc.status === 'cancelled') continue;
    const summary = programmeSummary(doc, now);
    if (summary.phase === 'ended') continue;
    if (summary.readiness.atRisk && (filter.wing === undefined || doc.wings.includes(filter.wing))) board.programmes.push({ ...summary, order: programmeOrder(summary) });
    const stopsCancelled = cancelledStops(doc);
    for (const task of Object.values(doc.tasks)) {
      if (!isLive(task) || !counts(task, stopsCancelled) || !wanted(task.wing)) continue;
      let tally = wings.get(task.wing);
      if (!tally) wings.set(task.wing, (tally = new Tally()));
      tally.add(task, now);
      const card = { ...toCard(task, now, false), programmeId: doc.id };
      if (card.overdue) board.overdue.push({ ...card, overdueMs: since(now, task.dueAt) });
      if (task.status === 'blocked') board.blocked.push({ ...card, blockedMs: since(now, task.blockedSince ?? task.lastChange?.at) });
    }
    for (const view of Object.values(doc.responsibilities)) {
      if (view.cancelled || view.acknowledged || !wanted(view.wing)) continue;
      board.unacknowledged.push({ ...toResponsibility(view), programmeId: doc.id, sinceMs: since(now, view.givenAt) });
    }
  }
  board.programmes.sort(byOrder);
  // Worst first; ties in the board's own order, so that equal figures do not shuffle between reads.
  board.overdue.sort((a, b) => b.overdueMs - a.overdueMs || byOrder(a, b));
  board.blocked.sort((a, b) => b.blockedMs - a.blockedMs || byOrder(a, b));
  board.unacknowledged.sort((a, b) => b.sinceMs - a.sinceMs || byOrder(a, b));
  board.wings = [...wings].map(([wing, tally]): AttentionWing => {
    const { overdue, blocked, total, done, percent } = tally.counts(NEVER_AT_RISK);
    return { wing, overdue, blocked, total, done, percent };
  });
  board.wings.sort((a, b) => b.overdue + b.blocked - (a.overdue + a.blocked) || a.percent - b.percent || (a.wing < b.wing ? -1 : 1));
  return board;
}

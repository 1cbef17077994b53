import type { BoardName } from '../BoardSource';
import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { programmeWindow } from '../readiness/programmeWindow';
import { BLOCKED_HORIZON_MS, RISK_HORIZON_MS } from '../readiness/riskWindow';

export interface PlannedChange {
  /** Epoch ms at which derived values change (they hold from this instant on). */
  at: number;
  boards: Set<BoardName>;
}

/**
 * The first instant after `after` at which something derived from the clock changes on this
 * programme's boards, and which boards: a live task not done becomes overdue (1 ms after its due
 * time, as overdue means "due before now"); the programme comes within 7 days or 48 h of its start,
 * starts, or ends; a live stop enters its risk window or ends (its byStop figure).
 */
export function nextChange(doc: ProgrammeDoc, after: number): PlannedChange | undefined {
  let best: PlannedChange | undefined;
  const consider = (at: number, boards: readonly BoardName[]) => {
    if (!(at > after)) return;
    if (!best || at < best.at) best = { at, boards: new Set(boards) };
    else if (at === best.at) for (const board of boards) best.boards.add(board);
  };
  const programme: BoardName = `programme:${doc.id}`;
  const live = doc.status !== 'cancelled';

  for (const task of Object.values(doc.tasks)) {
    if (task.status === 'done' || task.status === 'cancelled' || task.dueAt === undefined) continue;
    consider(Date.parse(task.dueAt) + 1, live ? [programme, 'readiness', `wing:${task.wing}`] : [programme]);
  }
  if (!live) return best;

  const window = programmeWindow(doc);
  if (window) {
    const everywhere: BoardName[] = [programme, 'readiness', ...doc.wings.map((wing): BoardName => `wing:${wing}`)];
    const start = Date.parse(window.startsAt);
    consider(start - BLOCKED_HORIZON_MS, everywhere);
    consider(start - RISK_HORIZON_MS, everywhere);
    consider(start, everywhere);
    consider(Date.parse(window.endsAt), everywhere);
  }
  if (doc.kind === 'tour') {
    for (const stop of doc.stops) {
      if (stop.cancelled) continue;
      consider(Date.parse(stop.startsAt) - BLOCKED_HORIZON_MS, [programme, 'readiness']);
      consider(Date.parse(stop.startsAt) - RISK_HORIZON_MS, [programme, 'readiness']);
      consider(Date.parse(stop.endsAt), [programme, 'readiness']);
    }
  }
  return best;
}

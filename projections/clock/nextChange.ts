import type { BoardName } from '../BoardSource';
import type { ProgrammeHeader } from '../models/programme/ProgrammeDoc';
import { programmeWindow } from '../readiness/programmeWindow';
import { BLOCKED_HORIZON_MS, RISK_HORIZON_MS } from '../readiness/riskWindow';
import { mineBoardName } from '../boards/mineBoard';
import type { DueIndex } from './DueIndex';

export interface PlannedChange {
  /** Epoch ms at which derived values change (they hold from this instant on). */
  at: number;
  boards: Set<BoardName>;
}

/** What the board clock needs of the models: each programme's next clock-driven change. */
export interface ClockModels {
  programmeIds(): Iterable<string>;
  nextChange(programmeId: string, after: number): PlannedChange | undefined;
}

/**
 * The first instant after `after` at which something derived from the clock changes on this
 * programme's boards, and which boards: a live task not done becomes overdue (1 ms after its due
 * time, as overdue means "due before now": `dues`); the programme comes within 7 days or 48 h of its
 * start, starts, or ends; a live stop does the same or ends (its byStop figure). `wings`: the wings
 * with live work on the programme (their boards show it); `people`: those with live tasks on it
 * (their `mine` boards show its tasks until it ends, and the overdue flag of theirs).
 */
export function nextChange(
  header: ProgrammeHeader,
  wings: readonly string[],
  dues: DueIndex | undefined,
  after: number,
  people: Iterable<string> = [],
): PlannedChange | undefined {
  let best: PlannedChange | undefined;
  const consider = (at: number, boards: Iterable<BoardName>) => {
    if (!(at > after)) return;
    if (!best || at < best.at) best = { at, boards: new Set(boards) };
    else if (at === best.at) for (const board of boards) best.boards.add(board);
  };
  const programme: BoardName = `programme:${header.id}`;
  const live = header.status !== 'cancelled';

  const due = dues?.nextAfter(after);
  if (due) {
    const boards: BoardName[] = [programme];
    if (live) boards.push('readiness', 'attention', ...[...due.wings].map((wing): BoardName => `wing:${wing}`), ...[...due.people].map(mineBoardName));
    consider(due.at, boards);
  }
  if (!live) return best;

  const window = programmeWindow(header);
  if (window) {
    const everywhere: BoardName[] = [programme, 'readiness', 'attention', ...wings.map((wing): BoardName => `wing:${wing}`)];
    const start = Date.parse(window.startsAt);
    consider(start - BLOCKED_HORIZON_MS, everywhere);
    consider(start - RISK_HORIZON_MS, everywhere);
    consider(start, everywhere);
    consider(Date.parse(window.endsAt), [...everywhere, ...[...people].map(mineBoardName)]);
  }
  if (header.kind === 'tour') {
    for (const stop of header.stops) {
      if (stop.cancelled) continue;
      consider(Date.parse(stop.startsAt) - BLOCKED_HORIZON_MS, [programme, 'readiness', 'attention']);
      consider(Date.parse(stop.startsAt) - RISK_HORIZON_MS, [programme, 'readiness', 'attention']);
      consider(Date.parse(stop.endsAt), [programme, 'readiness', 'attention']);
    }
  }
  return best;
}

import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import { readiness } from '../readiness/readiness';
import { byAssignment, byDue, isLive, toCard, toResponsibility } from './items';
import { detailOf } from './programmeDetail';
import { timingOf } from './timing';
import type { BoardProgramme, Columns, Position, ProgrammeBoardPayload } from './types';

/** GET /api/boards/programme/{id}: the task board at `now`. */
export function programmeBoard(doc: ProgrammeDoc, now: Date, position: Position): ProgrammeBoardPayload {
  const timing = timingOf(doc, now);
  const detail = detailOf(doc);
  let programme: BoardProgramme;
  if (detail.kind === 'meeting') {
    const { startsAt: _s, endsAt: _e, ...rest } = detail;
    programme = { ...rest, ...timing };
  } else {
    programme = { ...detail, ...timing };
  }
  const tasks = Object.values(doc.tasks);
  const columns: Columns = { todo: [], in_progress: [], blocked: [], done: [] };
  for (const task of tasks.filter(isLive).sort(byDue)) columns[task.status].push(toCard(task, now));
  return {
    position,
    programme,
    columns,
    responsibilities: Object.values(doc.responsibilities).sort(byAssignment).map(toResponsibility),
    readiness: readiness(tasks, doc, now),
  };
}

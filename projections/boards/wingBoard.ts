import type { Wing } from '@tayari/shared/wings/events';
import type { ProgrammeDoc } from '../models/programme/ProgrammeDoc';
import type { WingDoc } from '../models/wing/WingDoc';
import { combineReadiness } from '../readiness/combineReadiness';
import { readiness } from '../readiness/readiness';
import { byAssignment, byDue, isLive, toCard, toResponsibility, type LiveTask } from './items';
import { byStart, timingOf } from './timing';
import type { Position, WingBoardPayload, WingProgramme, WingResponsibilityItem } from './types';

/**
 * GET /api/boards/wing/{code}: the wing's live responsibilities and tasks in programmes that are
 * neither cancelled nor ended, each programme with the readiness of this wing's tasks. Items come
 * in programme order (by start), cards then by due time.
 */
export function wingBoard(
  wing: Wing,
  docs: Iterable<WingDoc>,
  programmeOf: (id: string) => ProgrammeDoc | undefined,
  now: Date,
  position: Position,
): WingBoardPayload {
  const ids = new Set<string>();
  for (const doc of docs) if (doc.code === wing.code) ids.add(doc.programmeId);

  const shown: { programme: ProgrammeDoc; summary: WingProgramme; tasks: LiveTask[] }[] = [];
  for (const id of ids) {
    const programme = programmeOf(id);
    if (!programme || programme.status === 'cancelled') continue;
    const timing = timingOf(programme, now);
    if (timing.phase === 'ended') continue;
    const tasks = Object.values(programme.tasks).filter((task) => task.wing === wing.code).filter(isLive);
    const summary = { id, kind: programme.kind, title: programme.title, ...timing, readiness: readiness(tasks, programme, now) };
    shown.push({ programme, summary, tasks });
  }
  shown.sort((a, b) => byStart(a.summary, b.summary));

  const responsibilities: WingResponsibilityItem[] = [];
  const tasks = [];
  for (const { programme, tasks: own } of shown) {
    for (const task of own.sort(byDue)) tasks.push({ ...toCard(task, now), programmeId: programme.id });
    for (const r of Object.values(programme.responsibilities).sort(byAssignment)) {
      if (r.wing === wing.code && !r.cancelled) responsibilities.push({ ...toResponsibility(r), programmeId: programme.id });
    }
  }
  const programmes = shown.map((entry) => entry.summary);
  return { position, wing, responsibilities, tasks, programmes, readiness: combineReadiness(programmes.map((p) => p.readiness)) };
}

import type { CommandBus } from '../application/CommandBus';
import type { FollowUp } from '../application/CommandDefinition';
import type { ProgrammeFacts } from '../common/programme';
import { checklistAggregate } from './checklistAggregate';
import { dueFrom } from './offset';

/** The start a checklist counts back from now: its stop's, the meeting's, or a visit's first live stop. */
function startNow(programme: ProgrammeFacts, stopId: string | undefined): string | undefined {
  if (stopId !== undefined) return programme.stops.get(stopId)?.startsAt;
  if (programme.kind === 'meeting') return programme.startsAt;
  return [...programme.stops.values()]
    .filter((stop) => !stop.cancelled && stop.startsAt !== undefined)
    .map((stop) => stop.startsAt ?? '')
    .sort()[0];
}

/**
 * After a stop or meeting moved: each task a checklist planted for it gets its due time counted back
 * from the new start, as a ChangeTaskDue that only follows the start (the task's decider leaves a task
 * a person has changed as it is, and one whose due time is already right).
 */
export async function checklistMoves(bus: CommandBus, programme: ProgrammeFacts, movedStopId?: string): Promise<FollowUp[]> {
  const { state } = await bus.load(checklistAggregate, checklistAggregate.stream(programme.id));
  const moves: FollowUp[] = [];
  for (const applied of state.values()) {
    // A stop's checklist moves with that stop; a visit's with whichever stop is first.
    if (applied.stopId !== undefined && applied.stopId !== movedStopId) continue;
    const startsAt = startNow(programme, applied.stopId);
    if (startsAt === undefined) continue;
    for (const task of applied.tasks) {
      moves.push({ name: 'ChangeTaskDue', params: { taskId: task.taskId }, body: { dueAt: dueFrom(startsAt, task.offset), followsStart: true } });
    }
  }
  return moves;
}

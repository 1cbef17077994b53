import type { BoardName } from '../BoardSource';
import type { ProgrammeDoc, TaskRow } from '../models/programme/ProgrammeDoc';
import { cancelledStops } from '../readiness/readiness';
import { isLive, toCard } from './items';
import { timingOf } from './timing';
import type { Card, Position } from './types';
import { compareOrder } from '@tayari/shared/contract/compareOrder';

/** A task on its person's board: the card, and the programme it is for. */
export interface MineTask extends Card {
  programmeId: string;
  programmeTitle: string;
}

/**
 * GET /api/boards/mine and the live board `mine` (SPEC v2 "people and access"). `name` is left out
 * for a token whose `sub` the directory does not know (it can hold no tasks either). Tasks are keyed
 * by id like every board's cards, so a live patch names only the task that changed; `byUrgency`
 * gives their order.
 */
export interface MineBoardPayload {
  position: Position;
  person: { id: string; name?: string };
  tasks: Record<string, MineTask>;
}

/**
 * The internal live board of one person: the gateway maps a client's `mine` to its own `sub`. The id is
 * URI-encoded so that a `sub` from a token signed elsewhere can never hold the `?` that starts a filter key.
 */
export function mineBoardName(personId: string): BoardName {
  return `mine:${encodeURIComponent(personId)}`;
}

/** The person a `mine:` board name is for; undefined for any other board. */
export function personOfMineBoard(board: BoardName): string | undefined {
  if (!board.startsWith('mine:')) return undefined;
  try {
    return decodeURIComponent(board.slice('mine:'.length));
  } catch {
    return undefined;
  }
}

/** The name a client knows a board by: every person's own board is `mine` to them (and to metrics). */
export function clientBoardName(board: string): string {
  return board.startsWith('mine:') ? 'mine' : board;
}

/** Overdue first, then the rest not done, each by due time (none last, then logging order); done last. */
function rank(task: MineTask): number {
  if (task.status === 'done') return 2;
  return task.overdue ? 0 : 1;
}

function byRank(a: MineTask, b: MineTask): number {
  return rank(a) - rank(b) || compareOrder(a, b) || a.programmeId.localeCompare(b.programmeId);
}

/** A person's tasks as they should be read: overdue first, then the rest not done by due time, done last. */
export function byUrgency(tasks: Iterable<MineTask>): MineTask[] {
  return [...tasks].sort(byRank);
}

/**
 * A person's live tasks on programmes neither cancelled nor ended (like the wing board: an ended
 * programme's rows are not even held after a restart). It is read through the model cache's index of
 * person → programmes → task ids, so it costs the person's tasks, never a walk of every programme.
 */
export function mineBoard(
  person: MineBoardPayload['person'],
  programmeIds: Iterable<string>,
  programmeOf: (id: string) => ProgrammeDoc | undefined,
  tasksOf: (programmeId: string) => Iterable<TaskRow>,
  now: Date,
  position: Position,
): MineBoardPayload {
  const tasks: Record<string, MineTask> = {};
  for (const id of programmeIds) {
    const programme = programmeOf(id);
    if (!programme || programme.status === 'cancelled' || timingOf(programme, now).phase === 'ended') continue;
    const stopsCancelled = cancelledStops(programme);
    for (const task of tasksOf(id)) {
      if (!isLive(task)) continue;
      const card = toCard(task, now, task.stopId !== undefined && stopsCancelled.has(task.stopId));
      tasks[card.id] = { ...card, programmeId: id, programmeTitle: programme.title };
    }
  }
  return { position, person, tasks };
}

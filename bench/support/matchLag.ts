import { nth } from '@tayari/shared/testing/nth';
import type { PacedCommands } from '../children/commandPacer';
import type { BoardArrivals } from '../children/watchers';
import { Histogram } from './Histogram';

export interface LagMatch {
  histogram: Histogram;
  /** (command, watcher) pairs whose push never arrived. */
  missing: number;
  byBoard: Map<string, Histogram>;
}

/**
 * Lag = when the first push carrying a position at or after the command's arrived at a watcher,
 * minus when the command's answer arrived at its sender: for every answered command and every
 * watcher of a board it changes (readiness: all; programme:<id>: that programme's tasks).
 */
export function matchLag(commands: PacedCommands, programmeOfTask: (task: number) => string, arrivals: BoardArrivals[]): LagMatch {
  type Answered = { position: number; answeredAt: number; programme: string };
  const answered: Answered[] = [];
  for (const [i, position] of commands.position.entries()) {
    if (Number.isNaN(position)) continue;
    answered.push({ position, answeredAt: nth(commands.answeredAt, i), programme: programmeOfTask(nth(commands.task, i)) });
  }
  answered.sort((a, b) => a.position - b.position);
  const byProgramme = new Map<string, Answered[]>();
  for (const command of answered) {
    const list = byProgramme.get(command.programme);
    if (list) list.push(command);
    else byProgramme.set(command.programme, [command]);
  }

  const histogram = new Histogram();
  const byBoard = new Map<string, Histogram>();
  let missing = 0;
  for (const track of arrivals) {
    const kind = track.board === 'readiness' ? 'readiness' : track.board.startsWith('programme:') ? 'programme' : undefined;
    if (kind === undefined) continue;
    const relevant = kind === 'readiness' ? answered : (byProgramme.get(track.board.slice('programme:'.length)) ?? []);
    let boardHistogram = byBoard.get(kind);
    if (!boardHistogram) byBoard.set(kind, (boardHistogram = new Histogram()));
    let j = 0;
    for (const command of relevant) {
      // Positions per board never go backwards, so one forward walk finds each first covering push.
      while (j < track.positions.length && nth(track.positions, j) < command.position) j++;
      if (j >= track.positions.length) {
        missing++;
        continue;
      }
      const lag = nth(track.times, j) - command.answeredAt;
      histogram.add(lag);
      boardHistogram.add(lag);
    }
  }
  return { histogram, missing, byBoard };
}

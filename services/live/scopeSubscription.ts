import type { BoardName, BoardSource } from '@tayari/projections/BoardSource';
import type { BoardFilter } from '@tayari/projections/boards/types';
import type { Actor } from '@tayari/shared/common/actor';
import { HttpProblem } from '@tayari/api/http/Problem';
import { ReadScope } from '@tayari/api/reads/ReadScope';

/**
 * A subscription as a person acting for a unit may hold it (SPEC v2), the same rules as the GETs:
 * list boards (a wing's too) narrowed to the unit, a programme outside it refused.
 * Answers the filter to subscribe with, or the refusal's text.
 */
export function scopeSubscription(actor: Actor, boards: BoardSource, board: BoardName, filter: BoardFilter): { filter: BoardFilter } | { refused: string } {
  const unitWithin = boards.unitWithin?.bind(boards);
  if (actor.unit === undefined || unitWithin === undefined) return { filter };
  const scope = new ReadScope(actor, { unitWithin });
  try {
    if (board === 'readiness' || board === 'attention' || board === 'posts' || board.startsWith('wing:')) {
      const unit = scope.unit(filter.unit);
      return { filter: unit === undefined ? filter : { ...filter, unit } };
    }
    // From the programme's header in memory: no board is rendered to learn its unit.
    if (board.startsWith('programme:')) scope.require(boards.programmeUnit?.(board.slice('programme:'.length)), board);
    return { filter };
  } catch (error) {
    if (error instanceof HttpProblem) return { refused: error.problem.detail };
    throw error;
  }
}

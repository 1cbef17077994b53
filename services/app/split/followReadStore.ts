import type { Observable } from 'rxjs';
import type { Logger } from 'pino';
import type { Clock } from '@tayari/shared/common/clock';
import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import type { CommitNotice } from '@tayari/projections/stored/ModelFollower';
import { readBoardChanges, type BoardChangeReader } from '@tayari/projections/stored/readBoardChanges';
import { StoredReadSide } from '@tayari/projections/stored/StoredReadSide';

export interface FollowReadStoreDeps {
  readStore: ReadStore;
  /** The projector's commits (in production, the read store's checkpoint change stream). */
  commits$: Observable<CommitNotice>;
  /** How the board-change journal is read. Default: through the ReadStore port. */
  journal?: BoardChangeReader;
  comparePositions(a: Position, b: Position): number;
  /** The position before any event, as the event store writes positions. */
  zeroPosition: Position;
  clock: Clock;
  logger: Logger;
}

/** The read side of a split API or live gateway: the projector's read store, followed commit by commit. */
export function followReadStore(deps: FollowReadStoreDeps): Promise<StoredReadSide> {
  const { readStore, logger } = deps;
  return StoredReadSide.start({
    readStore,
    journal: deps.journal ?? readBoardChanges(readStore),
    commits$: deps.commits$,
    comparePositions: deps.comparePositions,
    zeroPosition: deps.zeroPosition,
    clock: deps.clock,
    onError: (error, attempt) => logger.warn({ err: error, attempt }, 'reading the read store failed; retrying'),
  });
}

import { parseBoardKey } from '@tayari/shared/contract/boardKey';
import type { ChangeTarget } from './QueuedChange';

/**
 * What a change on a card or duty row is about. Cards of a wing or attention board carry their
 * programme; on a programme board the board names it.
 */
export function targetOf(board: string, kind: ChangeTarget['kind'], item: { id: string; programmeId?: string }, title: string): ChangeTarget {
  const programmeId = item.programmeId ?? parseBoardKey(board).board.replace(/^programme:/, '');
  return { kind, id: item.id, programmeId, title };
}

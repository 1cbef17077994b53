import type { ApiClient } from '../api';
import { assigneeName } from '@tayari/shared/contract/assignee';
import type { ProgrammeBoardPayload } from '../types';
import type { ChangeTarget } from './QueuedChange';
import type { CurrentState } from './staleVerdict';

const ATTEMPTS = 6;
const PAUSE_MS = 300;

function pick(board: ProgrammeBoardPayload, target: ChangeTarget): CurrentState | undefined {
  if (target.kind === 'task') {
    const card = board.cards[target.id];
    if (!card) return undefined;
    // A person-assignee is compared by the name the person saw on the card.
    const { assignee, ...rest } = card;
    return assignee === undefined ? rest : { ...rest, assignee: assigneeName(assignee) };
  }
  const duty = board.responsibilities[target.id];
  return duty && !duty.cancelled ? duty : undefined;
}

/**
 * Reads a task card or duty again from its programme's whole board, waiting (briefly) until the
 * board shows at least `version`: the read side may be a moment behind the write that made the 412.
 * Undefined when it is on the board no more (a cancelled task leaves it).
 */
export async function readCurrent(api: ApiClient, target: ChangeTarget, version: number | undefined): Promise<CurrentState | undefined> {
  let found: CurrentState | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    found = pick(await api.get<ProgrammeBoardPayload>(`/api/boards/programme/${encodeURIComponent(target.programmeId)}`), target);
    if (!found || version === undefined || found.version >= version) return found;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
  return found;
}

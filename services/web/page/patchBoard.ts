import { isRecord } from '@tayari/shared/contract/isRecord';
import { applyMergePatch } from '@tayari/shared/contract/mergePatch';

/**
 * A keyed board's `cards` object, patched in place, and the ids of the cards the patches changed
 * since, in order (both grow in place): whoever grouped the cards reads the ids past those it saw.
 */
export interface CardLog {
  readonly cards: Record<string, unknown>;
  readonly ids: string[];
  /** Ids logged before the log starts again on a copy of the cards (its readers group afresh). */
  readonly limit: number;
}

/** A log holds at least this many ids, and at least as many as the board has cards. */
const LOG_AT_LEAST = 1_000;

/**
 * Applies a board's merge patch (RFC 7396) at a cost a phone can afford on a 5,000-card board: the
 * board's other fields as `applyMergePatch` does (a new object), its `cards` in place with the ids
 * logged, so a patch costs the cards it names instead of a copy of every card. A changed card is a
 * new object (card views compare them). The cards object belongs to its board's socket chain alone
 * (BoardStore); a log that reaches its limit starts again on a copy, so that copy, once per as many
 * changes as the board has cards, is all the O(board) work patches cost.
 */
export function patchBoard(data: unknown, patch: object, log: CardLog | undefined): { data: unknown; log?: CardLog } {
  const { cards: cardsPatch, ...rest } = patch as Record<string, unknown>;
  if (!isRecord(data) || !isRecord(data.cards) || !isRecord(cardsPatch)) {
    const patched = applyMergePatch(data, patch);
    // A patch that leaves the cards alone keeps their object, and so their log.
    return log && isRecord(patched) && patched.cards === log.cards ? { data: patched, log } : { data: patched };
  }
  const patched = applyMergePatch(data, rest) as Record<string, unknown>;
  let kept = log?.cards === data.cards ? log : undefined;
  const changes = Object.entries(cardsPatch);
  if (!kept || kept.ids.length + changes.length > kept.limit) {
    const cards = kept ? { ...data.cards } : data.cards;
    kept = { cards, ids: [], limit: Math.max(LOG_AT_LEAST, Object.keys(cards).length) };
  }
  const { cards, ids } = kept;
  for (const [id, change] of changes) {
    if (change === null) delete cards[id];
    else cards[id] = applyMergePatch(Object.hasOwn(cards, id) ? cards[id] : undefined, change);
    ids.push(id);
  }
  patched.cards = cards;
  return { data: patched, log: kept };
}

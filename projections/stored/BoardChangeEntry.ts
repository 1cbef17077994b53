import { z } from 'zod';
import type { Position } from '@tayari/shared/eventstore/EventStore';
import { positionKey } from '@tayari/shared/readstore/positionKey';
import type { BoardName } from '../BoardSource';

/**
 * The read-store collection of the board-change journal: one small document per committed batch,
 * written in the batch's own transaction by the split projector, so that readers in other processes
 * (the API, the live gateway) learn exactly which documents and boards a commit changed.
 */
export const BOARD_CHANGES = 'boardChanges';

const BoardNameSchema = z.custom<BoardName>(
  (value) => typeof value === 'string' && /^(readiness|attention|posts|programme:.+|wing:.+|mine:.+|drive:.+)$/s.test(value),
  {
    message: 'not a board name',
  },
);

export const BoardChangeEntrySchema = z.strictObject({
  /** The batch's position: every checkpoint after the commit. */
  position: z.string(),
  /** Where the models were before the batch (null: nothing applied yet). Readers check the chain with it. */
  previous: z.string().nullable(),
  boards: z.array(BoardNameSchema),
  /** The rows the batch wrote: model name → ids. */
  rows: z.record(z.string(), z.array(z.string())),
});
export type BoardChangeEntry = z.infer<typeof BoardChangeEntrySchema>;

/** An entry's id: sorts like positions do, so "entries after P" is a range of ids. */
export function boardChangeId(position: Position): string {
  return positionKey(position);
}

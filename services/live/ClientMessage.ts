import { z } from 'zod';
import { BoardFilterSchema } from '@tayari/projections/boards/BoardFilterSchema';

// Board names are checked after parsing (parseBoardName), so that a name we do not know is
// answered as `unknown-board` rather than as a malformed message.
const board = z.string().min(1).max(200);

/** What a browser may send (SPEC.md, "Live boards"); unknown fields are refused. */
export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('subscribe'), board, filter: BoardFilterSchema.optional(), since: z.string().min(1).max(200).optional() }),
  z.strictObject({ type: z.literal('unsubscribe'), board }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

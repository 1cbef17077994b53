import { z } from 'zod';
import { AccessSchema, PersonEventSchema } from '@tayari/shared/people/events';
import { IdSchema } from '@tayari/shared/common/ids';
import { StoredInstantSchema } from '@tayari/shared/common/time';
import type { BoardName } from '../../BoardSource';
import { defineRows } from '../../registry/RowModel';
import { mineBoardName } from '../../boards/mineBoard';
import { evolvePersonRow } from './evolvePersonRow';

/**
 * A person as the directory and the access checks see them: no code or token hashes (reads never
 * hold secrets), the access version their tokens must carry, and where their sign-in stands.
 */
export const PersonRowSchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  phone: z.string().optional(),
  ...AccessSchema.shape,
  accessVersion: z.number().int().positive(),
  revoked: z.boolean(),
  /** The latest invitation: open until it is used or expires. */
  invitation: z.strictObject({ expiresAt: StoredInstantSchema, redeemedAt: StoredInstantSchema.optional() }).optional(),
  /** Devices signed in now (refresh families not ended). */
  devices: z.array(IdSchema),
  addedAt: StoredInstantSchema,
  version: z.number().int().positive(),
});
export type PersonRow = z.infer<typeof PersonRowSchema>;

/** The people of the deployment, one row each: few, all held in memory, checked on every request. */
export const peopleModel = defineRows({
  name: 'people',
  schema: PersonRowSchema,
  events: [PersonEventSchema],
  key: (event) => event.data.personId,
  evolve: evolvePersonRow,
  // The directory is read by GET; tokens are checked against the rows in memory. The person's own
  // board names them: it changes when they are added or renamed.
  *boards(before, after): Iterable<BoardName> {
    if (before?.name !== after.name) yield mineBoardName(after.id);
  },
});

import { z } from 'zod';
import { ActorSchema } from './actor';
import { StoredInstantSchema } from './time';

/** Every event records who, when, and which command (idempotency key or generated id) caused it. */
export const EventMetadataSchema = z.strictObject({
  actor: ActorSchema,
  at: StoredInstantSchema,
  commandId: z.string().min(1).max(200),
  idempotencyKey: z.string().min(1).max(128).optional(),
  correlationId: z.string().min(1).max(200),
  schema: z.number().int().positive().default(1),
});
export type EventMetadata = z.infer<typeof EventMetadataSchema>;

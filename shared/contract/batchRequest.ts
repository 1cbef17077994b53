import { z } from 'zod';
import { MAX_BATCH_ITEMS } from './batchLimits';

/** One queued command: what would have been sent alone, with its own Idempotency-Key. */
export const BatchItemSchema = z.strictObject({
  method: z.literal('POST'),
  /** A command route, as sent alone: `/api/tasks/k1/status`. */
  path: z.string().max(512),
  body: z.unknown().optional(),
  idempotencyKey: z.string(),
  /** What the If-Match header would hold, e.g. `"3"`. */
  ifMatch: z.string().max(64).optional(),
  /** When this item is refused, the items after it are not attempted. */
  stopOnError: z.boolean().optional(),
});
export type BatchItem = z.infer<typeof BatchItemSchema>;

export const BatchRequestSchema = z.strictObject({
  commands: z.array(BatchItemSchema).min(1).max(MAX_BATCH_ITEMS),
});
export type BatchRequest = z.infer<typeof BatchRequestSchema>;

/** One item's outcome, as its own request would have been answered. */
export interface BatchResult {
  status: number;
  body: unknown;
  headers: { etag?: string; idempotentReplayed?: boolean };
}

export interface BatchAnswer {
  results: BatchResult[];
}

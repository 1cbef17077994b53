import { z } from 'zod';
import { NominationStageSchema, PostTitleSchema } from '@tayari/shared/posts/events';

/** When, by whom (name), and which event: what last happened to a post or a nomination. */
const LastChangeSchema = z.strictObject({ at: z.string(), by: z.string(), type: z.string() });

export const NominationRowSchema = z.strictObject({
  id: z.string(),
  nominee: z.string(),
  proposedBy: z.string(),
  stage: NominationStageSchema,
  proposedAt: z.string(),
  /** The latest note (proposal, recommendation, approval). */
  note: z.string().optional(),
  /** Why it was declined, withdrawn or its holder left the post. */
  reason: z.string().optional(),
  lastChange: LastChangeSchema,
});
export type NominationRow = z.infer<typeof NominationRowSchema>;

/** A post with its nominations (a post has a handful): one row, as its events live in one stream. */
export const PostRowSchema = z.strictObject({
  id: z.string(),
  unit: z.string(),
  wing: z.string().optional(),
  title: PostTitleSchema,
  status: z.enum(['vacant', 'filled']),
  /** The appointed nomination while filled. */
  holder: z.string().optional(),
  /** The position key of its creation: the board's order among vacancies and filled posts. */
  created: z.string(),
  createdAt: z.string(),
  lastChange: LastChangeSchema,
  /** The post stream's version: send it as If-Match. */
  version: z.number().int().positive(),
  nominations: z.record(z.string(), NominationRowSchema),
});
export type PostRow = z.infer<typeof PostRowSchema>;

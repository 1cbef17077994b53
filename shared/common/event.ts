import { z } from 'zod';

/** An event schema: a literal `type` and a strict `data` object. */
export const eventSchema = <T extends string, D extends z.ZodRawShape>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data: z.strictObject(data) });

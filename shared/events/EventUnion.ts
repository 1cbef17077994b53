import type { z } from 'zod';

/** One event schema: a literal `type` and a strict `data` object (see common/event.ts). */
export type EventOption = z.ZodObject<{ type: z.ZodLiteral<string>; data: z.ZodObject }>;

/** One aggregate's events: a discriminated union of its event schemas on `type`. */
export type EventUnion = z.ZodDiscriminatedUnion<readonly EventOption[], 'type'>;

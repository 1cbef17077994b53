import type { z } from 'zod';

const WINDOW_FIELDS: ReadonlySet<PropertyKey> = new Set(['startsAt', 'endsAt']);

/** Adds the "a window does not end before it starts" check to an object schema with startsAt/endsAt. */
export function endsAfterStart<T extends z.ZodType<{ startsAt: string; endsAt?: string | undefined }>>(schema: T) {
  return schema.refine((v) => v.endsAt === undefined || v.endsAt > v.startsAt, {
    message: 'must be after startsAt',
    path: ['endsAt'],
    params: { rule: 'window-ends-before-start' },
    // Compare only two real instants: a bad start or end already has its own issue (zod would
    // otherwise run this refinement on the unparsed text and add a misleading one).
    when: (payload) => payload.issues.every((issue) => issue.continue === true && !WINDOW_FIELDS.has(issue.path?.[0] ?? '')),
  });
}

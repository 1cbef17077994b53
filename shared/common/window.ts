import type { z } from 'zod';

/** Adds the "a window does not end before it starts" check to an object schema with startsAt/endsAt. */
export function endsAfterStart<T extends z.ZodType<{ startsAt: string; endsAt?: string | undefined }>>(schema: T) {
  return schema.refine((v) => v.endsAt === undefined || v.endsAt > v.startsAt, {
    message: 'must be after startsAt',
    path: ['endsAt'],
    params: { rule: 'window-ends-before-start' },
  });
}

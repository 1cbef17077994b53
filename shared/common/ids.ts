import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** Client-supplied ids let a phone create things offline; they must be URL- and stream-name-safe. */
export const IdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1–64 of A-Za-z0-9_- starting with a letter or digit');
export type Id = z.infer<typeof IdSchema>;

/** Ids are injected so that tests are deterministic. */
export type IdGenerator = () => string;

export const randomIdGenerator: IdGenerator = () => randomUUID().replace(/-/g, '').slice(0, 20);

export function sequentialIdGenerator(prefix = 'id'): IdGenerator {
  let n = 0;
  return () => `${prefix}${++n}`;
}

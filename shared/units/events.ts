import { z } from 'zod';
import { text } from '../common/text';

export const UnitCodeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'must be 1–48 of a-z, 0-9 and -, starting with a letter or digit');
/** State → district → block or city (SPEC v2, "organisation units"). */
export const UnitKindSchema = z.enum(['state', 'district', 'block', 'city']);
export type UnitKind = z.infer<typeof UnitKindSchema>;

export const UnitSchema = z.strictObject({
  code: UnitCodeSchema,
  name: z.strictObject({ en: text(120), hi: text(120) }),
  kind: UnitKindSchema,
  /** The unit above; only the state has none. */
  parent: UnitCodeSchema.optional(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const UnitRegistered = z.strictObject({ type: z.literal('UnitRegistered'), data: UnitSchema });

export const UnitEventSchema = z.discriminatedUnion('type', [UnitRegistered]);
export type UnitEvent = z.infer<typeof UnitEventSchema>;

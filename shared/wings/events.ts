import { z } from 'zod';
import { text } from '../common/text';

export const WingCodeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be 1–32 of a-z, 0-9 and -, starting with a letter or digit');
export const WingKindSchema = z.enum(['morcha', 'department', 'cell']);

export const WingSchema = z.strictObject({
  code: WingCodeSchema,
  name: z.strictObject({ en: text(120), hi: text(120) }),
  kind: WingKindSchema,
});
export type Wing = z.infer<typeof WingSchema>;

export const WingRegistered = z.strictObject({ type: z.literal('WingRegistered'), data: WingSchema });

export const WingEventSchema = z.discriminatedUnion('type', [WingRegistered]);
export type WingEvent = z.infer<typeof WingEventSchema>;

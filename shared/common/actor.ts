import { z } from 'zod';
import { ROLES } from '../contract/domain';

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Who issued a command, as the verified token says. */
export const ActorSchema = z.strictObject({
  sub: z.string().min(1).max(128),
  name: z.string().min(1).max(200),
  role: RoleSchema,
  wing: z.string().min(1).max(64).optional(),
  /** The unit the person acts for (SPEC v2): only that unit and the units under it. None: the whole state. */
  unit: z.string().min(1).max(48).optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

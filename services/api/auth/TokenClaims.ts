import { z } from 'zod';
import { RoleSchema } from '@tayari/shared/common/actor';

/** The claims Tayari reads from a token; `wing` is required for the roles that act for a wing. */
export const TokenClaimsSchema = z
  .object({
    sub: z.string().min(1).max(128),
    name: z.string().min(1).max(200),
    role: RoleSchema,
    wing: z.string().min(1).max(64).optional(),
    exp: z.number(),
  })
  .refine((c) => (c.role === 'wing-lead' || c.role === 'organiser' ? c.wing !== undefined : true), {
    message: 'wing-lead and organiser tokens need a wing claim',
    path: ['wing'],
  });
export type TokenClaims = z.infer<typeof TokenClaimsSchema>;

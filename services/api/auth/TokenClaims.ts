import { z } from 'zod';
import { RoleSchema } from '@tayari/shared/common/actor';
import { UnitCodeSchema } from '@tayari/shared/units/events';

/**
 * The claims of a Tayari token, and nothing else: `wing` is required for the roles that act for a
 * wing; `exp` is required (TokenVerifier also bounds how far ahead it may be); `iat` and `nbf` are
 * optional, and checked against the clock when present.
 */
export const TokenClaimsSchema = z
  .strictObject({
    sub: z.string().min(1).max(128),
    name: z.string().min(1).max(200),
    role: RoleSchema,
    wing: z.string().min(1).max(64).optional(),
    /** SPEC v2: the unit (code) the person acts for; then only that unit and those under it. */
    unit: UnitCodeSchema.optional(),
    /** The person's access version when the token was made (SPEC v2): an older one is refused. */
    ver: z.number().int().positive().optional(),
    exp: z.number(),
    iat: z.number().optional(),
    nbf: z.number().optional(),
  })
  .refine((c) => (c.role === 'wing-lead' || c.role === 'organiser' ? c.wing !== undefined : true), {
    message: 'wing-lead and organiser tokens need a wing claim',
    path: ['wing'],
  });
export type TokenClaims = z.infer<typeof TokenClaimsSchema>;

/** Who a token speaks for: what `TokenVerifier.issue` signs (it adds `iat` and `exp`). */
export type TokenPerson = Pick<TokenClaims, 'sub' | 'name' | 'role' | 'wing' | 'unit' | 'ver'>;

import { z } from 'zod';
import { ActorSchema } from '../common/actor';
import { IdSchema } from '../common/ids';
import { NameSchema, ReasonSchema } from '../common/text';
import { StoredInstantSchema } from '../common/time';
import { UnitCodeSchema } from '../units/events';

/** A hash of a secret (SHA-256, base64url): codes and refresh tokens are never stored as they are. */
export const SecretHashSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a SHA-256 hash in base64url');

/** What a person may do: a role, and the wing and unit it is held for (SPEC "people and access"). */
export const AccessSchema = z.strictObject({
  role: ActorSchema.shape.role,
  wing: ActorSchema.shape.wing,
  unit: UnitCodeSchema.optional(),
});
export type Access = z.infer<typeof AccessSchema>;

export const PersonAdded = z.strictObject({
  type: z.literal('PersonAdded'),
  data: z.strictObject({
    personId: IdSchema,
    name: NameSchema,
    phone: z.string().max(16).optional(),
    ...AccessSchema.shape,
  }),
});

export const RoleChanged = z.strictObject({
  type: z.literal('RoleChanged'),
  data: z.strictObject({ personId: IdSchema, ...AccessSchema.shape }),
});

/** One invitation at a time: a new one voids the one before. */
export const InvitationIssued = z.strictObject({
  type: z.literal('InvitationIssued'),
  data: z.strictObject({
    personId: IdSchema,
    invitationId: IdSchema,
    codeHash: SecretHashSchema,
    expiresAt: StoredInstantSchema,
    /** Who to ask for a new link once this one is used or expired. */
    invitedBy: NameSchema,
  }),
});

/** The code was used: it starts a family of refresh tokens (one per signed-in device). */
export const InvitationRedeemed = z.strictObject({
  type: z.literal('InvitationRedeemed'),
  data: z.strictObject({
    personId: IdSchema,
    invitationId: IdSchema,
    familyId: IdSchema,
    refreshHash: SecretHashSchema,
    expiresAt: StoredInstantSchema,
    redeemedAt: StoredInstantSchema,
  }),
});

/** A refresh token was used and replaced by the next of its family. */
export const RefreshTokenRotated = z.strictObject({
  type: z.literal('RefreshTokenRotated'),
  data: z.strictObject({
    personId: IdSchema,
    familyId: IdSchema,
    generation: z.number().int().positive(),
    refreshHash: SecretHashSchema,
    expiresAt: StoredInstantSchema,
    rotatedAt: StoredInstantSchema,
  }),
});

/** A device signed out, or an old refresh token came back (stolen): its whole family stops. */
export const RefreshFamilyRevoked = z.strictObject({
  type: z.literal('RefreshFamilyRevoked'),
  data: z.strictObject({ personId: IdSchema, familyId: IdSchema, reason: z.enum(['sign-out', 'reuse']) }),
});

export const AccessRevoked = z.strictObject({
  type: z.literal('AccessRevoked'),
  data: z.strictObject({ personId: IdSchema, reason: ReasonSchema }),
});

export const PersonEventSchema = z.discriminatedUnion('type', [
  PersonAdded,
  RoleChanged,
  InvitationIssued,
  InvitationRedeemed,
  RefreshTokenRotated,
  RefreshFamilyRevoked,
  AccessRevoked,
]);
export type PersonEvent = z.infer<typeof PersonEventSchema>;

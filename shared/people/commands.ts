import { z } from 'zod';
import { IdSchema } from '../common/ids';
import { PhoneSchema } from '../common/phone';
import { NameSchema, ReasonSchema } from '../common/text';
import { AccessSchema } from './events';

/** Wing roles need their wing; the others act for no wing. */
const wingFitsRole = (access: { role: string; wing?: string | undefined }) =>
  access.role === 'wing-lead' || access.role === 'organiser' ? access.wing !== undefined : access.wing === undefined;
const WING_RULE = { message: 'wing-lead and organiser need a wing; in-charge and observer have none', path: ['wing'] };

/** POST /api/people */
export const AddPersonBody = z
  .strictObject({ id: IdSchema.optional(), name: NameSchema, phone: PhoneSchema.optional(), ...AccessSchema.shape })
  .refine(wingFitsRole, WING_RULE);
/** POST /api/people/{personId}/role */
export const ChangeRoleBody = AccessSchema.refine(wingFitsRole, WING_RULE);
/** POST /api/people/{personId}/invite */
export const IssueInvitationBody = z.strictObject({});
/** POST /api/people/{personId}/revoke */
export const RevokeAccessBody = z.strictObject({ reason: ReasonSchema });

type Access = z.infer<typeof AccessSchema>;

export type AddPerson = { type: 'AddPerson'; personId: string } & Omit<z.infer<typeof AddPersonBody>, 'id'>;
export type ChangeRole = { type: 'ChangeRole'; personId: string } & Access;
export type IssueInvitation = { type: 'IssueInvitation'; personId: string; invitationId: string; codeHash: string; expiresAt: string; invitedBy: string };
export type RevokeAccess = { type: 'RevokeAccess'; personId: string; reason: string };
/** Sign-in (no HTTP command of its own: see SignIn). */
export type RedeemInvitation = {
  type: 'RedeemInvitation';
  personId: string;
  codeHash: string;
  familyId: string;
  refreshHash: string;
  at: string;
  expiresAt: string;
};
export type RotateRefreshToken = {
  type: 'RotateRefreshToken';
  personId: string;
  familyId: string;
  presentedHash: string;
  nextHash: string;
  at: string;
  expiresAt: string;
};
export type EndRefreshFamily = { type: 'EndRefreshFamily'; personId: string; familyId: string; presentedHash: string };

export type PersonCommand = AddPerson | ChangeRole | IssueInvitation | RevokeAccess | RedeemInvitation | RotateRefreshToken | EndRefreshFamily;

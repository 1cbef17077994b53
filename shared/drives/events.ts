import { z } from 'zod';
import { IdSchema } from '../common/ids';
import { ReasonSchema, TitleSchema, text } from '../common/text';
import { StoredInstantSchema } from '../common/time';
import { UnitCodeSchema } from '../units/events';
import { WingCodeSchema } from '../wings/events';

export const TargetSchema = z.number().int().min(0).max(10_000_000);
/** Workers to enrol per unit (districts and below). */
export const TargetsSchema = z.record(UnitCodeSchema, TargetSchema).refine((targets) => Object.keys(targets).length <= 1000, 'at most 1000 units');

/** HMAC-SHA256 (base64url) of the phone under the server's key, per drive: the duplicate check's only input. */
export const PhoneHashSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be an HMAC-SHA256 in base64url');
/** AES-256-GCM of the person's name and phone: `v1.<iv>.<tag>.<ciphertext>`, each base64url. */
export const SealedSchema = z.string().regex(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{1,2000}$/, 'must be sealed data');
export const KeyIdSchema = z.string().regex(/^[A-Za-z0-9_.-]{3,200}$/, 'must be a key id');

export const DriveLaunched = z.strictObject({
  type: z.literal('DriveLaunched'),
  data: z.strictObject({ driveId: IdSchema, title: TitleSchema, startsAt: StoredInstantSchema, endsAt: StoredInstantSchema, targets: TargetsSchema }),
});
export const DriveTargetSet = z.strictObject({
  type: z.literal('DriveTargetSet'),
  data: z.strictObject({ driveId: IdSchema, unit: UnitCodeSchema, target: TargetSchema }),
});
export const DriveClosed = z.strictObject({ type: z.literal('DriveClosed'), data: z.strictObject({ driveId: IdSchema }) });

export const DriveEventSchema = z.discriminatedUnion('type', [DriveLaunched, DriveTargetSet, DriveClosed]);
export type DriveEvent = z.infer<typeof DriveEventSchema>;

/** A worker enrolled: no name and no phone in clear, only their sealed form and the phone's HMAC. */
export const WorkerEnrolled = z.strictObject({
  type: z.literal('WorkerEnrolled'),
  data: z.strictObject({
    driveId: IdSchema,
    enrolmentId: IdSchema,
    unit: UnitCodeSchema,
    wing: WingCodeSchema.optional(),
    booth: text(64).optional(),
    phoneHash: PhoneHashSchema,
    keyId: KeyIdSchema,
    sealed: SealedSchema,
  }),
});
/** The key was deleted: the sealed name and phone can never be read again (the reason must not name the person). */
export const EnrolmentForgotten = z.strictObject({
  type: z.literal('EnrolmentForgotten'),
  data: z.strictObject({ driveId: IdSchema, enrolmentId: IdSchema, reason: ReasonSchema }),
});

export const EnrolmentEventSchema = z.discriminatedUnion('type', [WorkerEnrolled, EnrolmentForgotten]);
export type EnrolmentEvent = z.infer<typeof EnrolmentEventSchema>;

/** An enrolment id names one phone's stream of its drive, for good (how forget finds it). */
export const EnrolmentFiled = z.strictObject({
  type: z.literal('EnrolmentFiled'),
  data: z.strictObject({ driveId: IdSchema, enrolmentId: IdSchema, phoneHash: PhoneHashSchema }),
});
export const EnrolmentLinkEventSchema = z.discriminatedUnion('type', [EnrolmentFiled]);
export type EnrolmentLinkEvent = z.infer<typeof EnrolmentLinkEventSchema>;

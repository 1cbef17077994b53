import { z } from 'zod';
import { IdSchema } from '../common/ids';
import { PhoneSchema } from '../common/phone';
import { NameSchema, ReasonSchema, TitleSchema, text } from '../common/text';
import { InstantSchema } from '../common/time';
import { endsAfterStart } from '../common/window';
import { UnitCodeSchema } from '../units/events';
import { WingCodeSchema } from '../wings/events';
import type { DriveLaunched, EnrolmentFiled, WorkerEnrolled } from './events';
import { TargetSchema, TargetsSchema } from './events';

/** POST /api/drives */
export const LaunchDriveBody = endsAfterStart(
  z.strictObject({ id: IdSchema.optional(), title: TitleSchema, startsAt: InstantSchema, endsAt: InstantSchema, targets: TargetsSchema }),
);
/** POST /api/drives/{driveId}/targets */
export const SetDriveTargetBody = z.strictObject({ unit: UnitCodeSchema, target: TargetSchema });
/** POST /api/drives/{driveId}/close */
export const CloseDriveBody = z.strictObject({});
/** POST /api/drives/{driveId}/enrolments: consent is not optional, and only `true` is consent. */
export const EnrolWorkerBody = z.strictObject({
  id: IdSchema.optional(),
  unit: UnitCodeSchema,
  name: NameSchema,
  phone: PhoneSchema,
  wing: WingCodeSchema.optional(),
  booth: text(64).optional(),
  consent: z.literal(true, { error: 'must be true: a worker is enrolled only with their consent' }),
});
/** POST /api/drives/{driveId}/enrolments/{enrolmentId}/forget */
export const ForgetEnrolmentBody = z.strictObject({ reason: ReasonSchema });

export type LaunchDrive = { type: 'LaunchDrive' } & z.infer<typeof DriveLaunched>['data'];
export type SetDriveTarget = { type: 'SetDriveTarget'; driveId: string } & z.infer<typeof SetDriveTargetBody>;
export type CloseDrive = { type: 'CloseDrive'; driveId: string };
export type DriveCommand = LaunchDrive | SetDriveTarget | CloseDrive;

/** Sealed before it is decided: the decision sees only what the event will keep, and when it was sent. */
export type EnrolWorker = { type: 'EnrolWorker'; at: string } & z.infer<typeof WorkerEnrolled>['data'];
export type ForgetEnrolment = { type: 'ForgetEnrolment'; driveId: string; enrolmentId: string; reason: string };
export type EnrolmentCommand = EnrolWorker | ForgetEnrolment;

export type FileEnrolment = { type: 'FileEnrolment' } & z.infer<typeof EnrolmentFiled>['data'];

import type { Decider } from '../common/decider';
import { NotFound, RuleViolation } from '../common/errors';
import { fact } from '../common/fact';
import { requireKnownWing } from '../common/programme';
import type { UnitsState } from '../units/decider';
import type { WingsState } from '../wings/decider';
import type { EnrolmentCommand, EnrolWorker, FileEnrolment } from './commands';
import { type DriveState, existingDrive, requireEnrollableUnit } from './decider';
import type { EnrolmentEvent, EnrolmentLinkEvent } from './events';

/** One phone's place in one drive (stream `enrolment-<driveId>.<phoneHash>`): who holds it, and whether they were forgotten. */
export type EnrolmentState = { enrolmentId: string; keyId: string; unit: string; forgotten: boolean } | undefined;

/** The facts an enrolment is checked against (only EnrolWorker loads them). */
export interface EnrolmentContext {
  /** The drive's state as loaded (its `state` is undefined when there is no such drive). */
  drive?: { state: DriveState };
  units?: UnitsState;
  wings?: WingsState;
}

/** The facts an enrolment's decision reads: everything of the command but its sealed data and key. */
export type EnrolmentCheck = Omit<EnrolWorker, 'sealed' | 'keyId'>;

/**
 * Throws when the enrolment is refused. Needs no sealed data, so it runs before a key is made: a
 * refused enrolment writes nothing anywhere.
 */
export function checkEnrolment(command: EnrolmentCheck, state: EnrolmentState, context: EnrolmentContext): void {
  const { driveId, at, unit, wing } = command;
  const drive = existingDrive(fact(context.drive, 'drive').state, driveId);
  if (drive.closed) throw new RuleViolation('drive-closed', `drive ${driveId} is closed`);
  if (at < drive.startsAt || at >= drive.endsAt)
    throw new RuleViolation('drive-not-open', `drive ${driveId} enrols from ${drive.startsAt} until ${drive.endsAt}`);
  requireEnrollableUnit(fact(context.units, 'units'), unit);
  if (wing !== undefined) requireKnownWing(fact(context.wings, 'wings'), wing);
  if (drive.targets[unit] === undefined) throw new RuleViolation('unit-without-target', `drive ${driveId} has no target for unit ${unit}`);
  if (state !== undefined)
    throw new RuleViolation('duplicate-enrolment', `this phone is enrolled in drive ${driveId} already, as enrolment ${state.enrolmentId}`, {
      enrolmentId: state.enrolmentId,
    });
}

/**
 * The phone's HMAC names the stream, so "at most once per drive" is the stream's "no stream yet":
 * two enrolments of one phone racing cannot both append, on any store.
 */
export const enrolmentDecider: Decider<EnrolmentCommand, EnrolmentEvent, EnrolmentState, EnrolmentContext> = {
  initialState: undefined,
  decide(command, state, context) {
    switch (command.type) {
      case 'EnrolWorker': {
        checkEnrolment(command, state, context);
        const { type: _type, at: _at, ...data } = command;
        return [{ type: 'WorkerEnrolled', data }];
      }
      case 'ForgetEnrolment': {
        if (state?.enrolmentId !== command.enrolmentId)
          throw new NotFound('enrolment-not-found', `enrolment ${command.enrolmentId} of drive ${command.driveId} does not exist`);
        if (state.forgotten) return [];
        const { type: _type, ...data } = command;
        return [{ type: 'EnrolmentForgotten', data }];
      }
    }
  },
  evolve(state, event) {
    if (event.type === 'WorkerEnrolled') return { enrolmentId: event.data.enrolmentId, keyId: event.data.keyId, unit: event.data.unit, forgotten: false };
    return state && { ...state, forgotten: true };
  },
};

export type EnrolmentLinkState = { phoneHash: string } | undefined;

/** An enrolment id, once filed, names one phone's stream; filing it again for that phone changes nothing. */
export const enrolmentLinkDecider: Decider<FileEnrolment, EnrolmentLinkEvent, EnrolmentLinkState> = {
  initialState: undefined,
  decide(command, state) {
    const { type: _type, ...data } = command;
    if (state === undefined) return [{ type: 'EnrolmentFiled', data }];
    if (state.phoneHash === data.phoneHash) return [];
    throw new RuleViolation('enrolment-id-taken', `enrolment ${data.enrolmentId} exists in drive ${data.driveId}`);
  },
  evolve: (_state, event) => ({ phoneHash: event.data.phoneHash }),
};

import type { Decider } from '../common/decider';
import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import { requireKnownUnit } from '../common/programme';
import type { UnitsState } from '../units/decider';
import type { DriveCommand } from './commands';
import type { DriveEvent } from './events';

export interface Drive {
  title: string;
  startsAt: string;
  endsAt: string;
  targets: Readonly<Record<string, number>>;
  closed: boolean;
}
export type DriveState = Drive | undefined;

export interface DriveContext {
  units?: UnitsState;
}

/** SPEC: a drive enrols against districts and the units below them, never the state as a whole. */
export function requireEnrollableUnit(units: UnitsState, unit: string, field = 'unit'): void {
  requireKnownUnit(units, unit);
  if (units.get(unit)?.kind === 'state') throw new InvalidCommand('unit-not-district', `unit ${unit} is a state: a drive counts districts and below`, [field]);
}

export function existingDrive(state: DriveState, driveId: string): Drive {
  if (state === undefined) throw new NotFound('drive-not-found', `drive ${driveId} does not exist`);
  return state;
}

function requireOpen(drive: Drive, driveId: string): void {
  if (drive.closed) throw new RuleViolation('drive-closed', `drive ${driveId} is closed`);
}

/** A drive (SPEC v2 "the enrolment drive"): its window, its targets per unit, and whether it closed. */
export const driveDecider: Decider<DriveCommand, DriveEvent, DriveState, DriveContext> = {
  initialState: undefined,
  decide(command, state, context) {
    const units = context.units ?? new Map();
    switch (command.type) {
      case 'LaunchDrive': {
        if (state !== undefined) throw new RuleViolation('drive-id-taken', `drive ${command.driveId} exists`);
        for (const unit of Object.keys(command.targets)) requireEnrollableUnit(units, unit, 'targets');
        const { type: _type, ...data } = command;
        return [{ type: 'DriveLaunched', data }];
      }
      case 'SetDriveTarget': {
        const drive = existingDrive(state, command.driveId);
        requireOpen(drive, command.driveId);
        requireEnrollableUnit(units, command.unit);
        if (drive.targets[command.unit] === command.target) return [];
        return [{ type: 'DriveTargetSet', data: { driveId: command.driveId, unit: command.unit, target: command.target } }];
      }
      case 'CloseDrive': {
        const drive = existingDrive(state, command.driveId);
        return drive.closed ? [] : [{ type: 'DriveClosed', data: { driveId: command.driveId } }];
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'DriveLaunched': {
        const { driveId: _id, ...drive } = event.data;
        return { ...drive, closed: false };
      }
      case 'DriveTargetSet':
        return state && { ...state, targets: { ...state.targets, [event.data.unit]: event.data.target } };
      case 'DriveClosed':
        return state && { ...state, closed: true };
    }
  },
};

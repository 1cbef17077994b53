import type { StoredEvent } from '@tayari/shared/events/StoredEvent';
import type { DriveEvent, EnrolmentEvent } from '@tayari/shared/drives/events';
import { positionKey } from '@tayari/shared/readstore/positionKey';
import { timeZoneOf } from '../../boards/timeZone';
import { own, withEntry } from '../own';
import type { DriveRow } from './DriveRows';

export type DriveStoredEvent = Extract<StoredEvent, { type: DriveEvent['type'] | EnrolmentEvent['type'] }>;

/** Made once per zone: a formatter costs far more to build than to use, and every enrolment asks. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in the deployment's zone (a drive's day is a day in the field). */
export function dayOf(instant: string): string {
  const zone = timeZoneOf();
  let format = dayFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, format);
  }
  return format.format(new Date(instant));
}

/** The drive's row after one event: O(1) counter updates (a copy of small per-unit and per-day maps). */
export function evolveDriveRow(row: DriveRow | undefined, event: DriveStoredEvent): DriveRow | undefined {
  const applied = positionKey(event.position);
  switch (event.type) {
    case 'DriveLaunched': {
      if (row) return row;
      const { driveId, ...drive } = event.data;
      return { id: driveId, ...drive, closed: false, total: 0, byUnit: {}, perDay: {}, version: event.version, applied };
    }
    case 'DriveTargetSet':
      return row && { ...row, targets: withEntry(row.targets, event.data.unit, event.data.target), version: event.version, applied };
    case 'DriveClosed':
      return row && { ...row, closed: true, version: event.version, applied };
    case 'WorkerEnrolled': {
      if (!row) return row;
      const { unit } = event.data;
      const day = dayOf(event.metadata.at);
      return {
        ...row,
        total: row.total + 1,
        byUnit: withEntry(row.byUnit, unit, (own(row.byUnit, unit) ?? 0) + 1),
        perDay: withEntry(row.perDay, day, (own(row.perDay, day) ?? 0) + 1),
        applied,
      };
    }
    // Counts stay when a person is forgotten (SPEC).
    case 'EnrolmentForgotten':
      return row;
  }
}

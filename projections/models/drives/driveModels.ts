import { DriveEventSchema, EnrolmentEventSchema } from '@tayari/shared/drives/events';
import { positionKey } from '@tayari/shared/readstore/positionKey';
import type { BoardName } from '../../BoardSource';
import { defineRows } from '../../registry/RowModel';
import { DriveRowSchema, EnrollerRowSchema, EnrolmentRowSchema, type DriveRow, type EnrollerRow, type EnrolmentRow } from './DriveRows';
import { evolveDriveRow, type DriveStoredEvent } from './evolveDriveRow';

type EnrolmentStoredEvent = Extract<DriveStoredEvent, { type: 'WorkerEnrolled' | 'EnrolmentForgotten' }>;

/** Rows changed by events of many streams (the drive's, each phone's) know what they applied by position. */
const appliedAlready = <R extends DriveRow | EnrollerRow>(row: R, event: { position: string }) => row.applied >= positionKey(event.position);

/** A row per drive: the board's header and counters. */
export const drivesModel = defineRows({
  name: 'drives',
  schema: DriveRowSchema,
  events: [DriveEventSchema, EnrolmentEventSchema],
  key: (event) => event.data.driveId,
  seen: appliedAlready,
  evolve: evolveDriveRow,
  *boards(_before, after: DriveRow): Iterable<BoardName> {
    yield `drive:${after.id}`;
  },
});

/** A row per drive and enroller (`<driveId>.<sub>`): the board's top enrollers are read from these. */
export const driveEnrollersModel = defineRows({
  name: 'driveEnrollers',
  schema: EnrollerRowSchema,
  listsArrivals: true,
  events: [EnrolmentEventSchema],
  key: (event) => (event.type === 'WorkerEnrolled' ? `${event.data.driveId}.${event.metadata.actor.sub}` : undefined),
  seen: appliedAlready,
  evolve(row: EnrollerRow | undefined, event: EnrolmentStoredEvent): EnrollerRow | undefined {
    if (event.type !== 'WorkerEnrolled') return row;
    const { sub, name } = event.metadata.actor;
    const applied = positionKey(event.position);
    if (!row) return { id: `${event.data.driveId}.${sub}`, driveId: event.data.driveId, sub, name, enrolled: 1, applied };
    return { ...row, name, enrolled: row.enrolled + 1, applied };
  },
  *boards(_before, after: EnrollerRow): Iterable<BoardName> {
    yield `drive:${after.driveId}`;
  },
});

/** A row per enrolment (`<driveId>.<enrolmentId>`): the in-charges' list, sealed data until forgotten. */
export const enrolmentsModel = defineRows({
  name: 'enrolments',
  schema: EnrolmentRowSchema,
  listsArrivals: true,
  events: [EnrolmentEventSchema],
  key: (event) => `${event.data.driveId}.${event.data.enrolmentId}`,
  evolve(row: EnrolmentRow | undefined, event: EnrolmentStoredEvent): EnrolmentRow | undefined {
    if (event.type === 'WorkerEnrolled') {
      if (row) return row;
      const { driveId, enrolmentId, unit, wing, booth, keyId, sealed } = event.data;
      const { sub, name } = event.metadata.actor;
      return {
        id: `${driveId}.${enrolmentId}`,
        driveId,
        enrolmentId,
        unit,
        ...(wing === undefined ? {} : { wing }),
        ...(booth === undefined ? {} : { booth }),
        enrolledAt: event.metadata.at,
        order: positionKey(event.position),
        enrolledBy: { sub, name },
        keyId,
        sealed,
        version: event.version,
      };
    }
    if (!row || row.forgotten) return row;
    const { keyId: _key, sealed: _sealed, ...kept } = row;
    return { ...kept, forgotten: true, version: event.version };
  },
  // The list is read by GET (in-charges); counts are on the drive board.
  *boards(): Iterable<BoardName> {},
});

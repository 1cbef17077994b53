/**
 * The drive's payloads (SPEC v2 "the enrolment drive"): counts only, never a name or phone of the
 * enrolled. Node-free, like ./types.ts, so the page type-checks against these very shapes.
 */
import type { Position } from './types';

export interface DriveUnitCount {
  enrolled: number;
  target: number;
  percent: number;
  /** 1 for the unit furthest towards its target (then most enrolled, then by code). */
  rank: number;
}

/** GET /api/drives/{id}/board and the live board `drive:<id>`. */
export interface DriveBoardPayload {
  position: Position;
  drive: { id: string; title: string; startsAt: string; endsAt: string; closed: boolean; version: number };
  total: number;
  target: number;
  percent: number;
  byUnit: Record<string, DriveUnitCount>;
  byEnroller: { sub: string; name: string; enrolled: number }[];
  perDay: { date: string; enrolled: number }[];
}

/** A drive in the list: its window and how far it is, so a page can offer it without reading each board. */
export interface DriveSummary {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  closed: boolean;
  total: number;
  target: number;
  percent: number;
}

/** GET /api/drives: every drive, the latest start first (counts only, like the board). */
export interface DriveListPayload {
  position: Position;
  drives: DriveSummary[];
}

import type { Phase } from '../readiness/types';
import type { Position } from './types';

/** A programme as its reads show it (SPEC.md "Reads"): a tour with its stops or a meeting, and when it runs. */

export interface Stop {
  id: string;
  place: string;
  district: string;
  venue: string;
  startsAt: string;
  endsAt: string;
  /** IANA time zone the stop's times are shown in. */
  timeZone: string;
  hostWing?: string;
  cancelled: boolean;
  cancelReason?: string;
}

interface DetailBase {
  id: string;
  /** The programme stream's version (the ETag). */
  version: number;
  title: string;
  status: 'planned' | 'cancelled';
  cancelReason?: string;
  /** IANA time zone the programme's times are shown in. */
  timeZone: string;
  /** The organisation unit it belongs to, when it names one. */
  unit?: string;
}

export interface TourDetail extends DetailBase {
  kind: 'tour';
  leader: string;
  region?: string;
  notes?: string;
  /** Every stop, cancelled ones flagged, by start time. */
  stops: Stop[];
}

export interface MeetingDetail extends DetailBase {
  kind: 'meeting';
  venue: string;
  startsAt: string;
  /** Absent when the meeting was scheduled without an end. */
  endsAt?: string;
  chairs: string[];
  agenda: string[];
  /** The series it belongs to (e.g. `monthly-review`): its board carries the earlier meetings' follow-ups. */
  series?: string;
  minutes?: {
    decisions: string[];
    followUps?: { decision: number; taskId: string; wing: string }[] | undefined;
    attendance?: number | undefined;
    recordedAt: string;
  };
}

export type ProgrammeDetail = TourDetail | MeetingDetail;

/** GET /api/programmes/{id} */
export type ProgrammeDetailPayload = ProgrammeDetail & { position: Position };

/**
 * When a programme runs, as boards use it: a tour from its first live stop's start to its last live
 * stop's end (neither without live stops); a meeting from startsAt to endsAt, or startsAt + 2 h.
 */
export interface Timing {
  /** Absent for a tour without live stops (phase `unscheduled`). */
  startsAt?: string;
  endsAt?: string;
  phase: Phase;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The programme on its board: the detail, with the effective window and phase. */
export type BoardProgramme = DistributiveOmit<ProgrammeDetail, 'startsAt' | 'endsAt'> & Timing;

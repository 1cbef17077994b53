/**
 * The payloads of the read endpoints (SPEC.md "Reads") and of the live boards (same shapes).
 * Every payload carries `position`: the global position its data reflects. Optional facts of board
 * items (cards, responsibilities, stops, programme summaries) are always present, `null` when unset;
 * the detail of a programme (GET /api/programmes/{id}) omits what was never given, as it was posted.
 */
import type { Wing } from '@tayari/shared/wings/events';
import type { Phase, Readiness, ReadinessCounts } from '../readiness/types';

export type { Phase, Readiness, ReadinessCounts, Wing };

// Spelled out rather than imported from shared/: the browser page type-checks these payloads
// without Node's types, which shared/task/events (through ids.ts) would pull in.
export type Position = string;
export type TaskStatus = 'todo' | 'in_progress' | 'blocked' | 'done';

export interface NoteRef {
  text: string;
  at: string;
  /** The name of who wrote it. */
  by: string;
}

/** A task card on a board. Cancelled tasks are never on a board. */
export interface Card {
  id: string;
  title: string;
  wing: string;
  assignee: string | null;
  dueAt: string | null;
  /** Not done and due before now (follows the clock). */
  overdue: boolean;
  stopId: string | null;
  responsibilityId: string | null;
  /** Set while status is `blocked`. */
  blockedReason: string | null;
  /** The task stream's version: send it as If-Match. */
  version: number;
  status: TaskStatus;
  notes: number;
  lastNote: NoteRef | null;
}

export interface WingCard extends Card {
  programmeId: string;
}

export interface ResponsibilityItem {
  id: string;
  wing: string;
  duty: string;
  stopId: string | null;
  lead: string | null;
  acknowledged: boolean;
  acknowledgedBy: { name: string; at: string } | null;
  cancelled: boolean;
  cancelReason: string | null;
  /** The responsibility stream's version. */
  version: number;
}

export interface WingResponsibilityItem extends ResponsibilityItem {
  programmeId: string;
}

export interface Stop {
  id: string;
  place: string;
  district: string;
  venue: string;
  startsAt: string;
  endsAt: string;
  hostWing: string | null;
  cancelled: boolean;
  cancelReason: string | null;
}

interface DetailBase {
  id: string;
  /** The programme stream's version (the ETag). */
  version: number;
  title: string;
  status: 'planned' | 'cancelled';
  cancelReason?: string;
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
  minutes?: { decisions: string[]; attendance?: number; recordedAt: string };
}

export type ProgrammeDetail = TourDetail | MeetingDetail;

/** GET /api/programmes/{id} */
export type ProgrammeDetailPayload = ProgrammeDetail & { position: Position };

/**
 * When a programme runs, as boards use it: a tour from its first live stop's start to its last live
 * stop's end (null, null without live stops); a meeting from startsAt to endsAt, or startsAt + 2 h.
 */
export interface Timing {
  startsAt: string | null;
  endsAt: string | null;
  phase: Phase;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The programme on its board: the detail, with the effective window and phase. */
export type BoardProgramme = DistributiveOmit<ProgrammeDetail, 'startsAt' | 'endsAt'> & Timing;

export interface Columns {
  todo: Card[];
  in_progress: Card[];
  blocked: Card[];
  done: Card[];
}

/** GET /api/boards/programme/{id}; live board `programme:<id>`. Cards by due time (none last). */
export interface ProgrammeBoardPayload {
  position: Position;
  programme: BoardProgramme;
  columns: Columns;
  /** Every responsibility, cancelled ones flagged, in order of assignment. */
  responsibilities: ResponsibilityItem[];
  readiness: Readiness;
}

/** A programme in a list or on the readiness board. */
export interface ProgrammeSummary extends Timing {
  id: string;
  kind: 'tour' | 'meeting';
  title: string;
  status: 'planned' | 'cancelled';
  version: number;
  /** Tours: the leader; meetings: null. */
  leader: string | null;
  /** Meetings: the venue; tours: null. */
  venue: string | null;
  /** Tours: the districts of live stops in time order; meetings: []. */
  districts: string[];
  /** Wings with live work on the programme. */
  wings: string[];
  readiness: Readiness;
}

/** GET /api/boards/readiness; live board `readiness`. Programmes not cancelled and not ended, by start (unscheduled last). */
export interface ReadinessBoardPayload {
  position: Position;
  programmes: ProgrammeSummary[];
}

/** GET /api/programmes?from=&to=&kind= — every programme (cancelled ones too), by start (unscheduled last). */
export interface ProgrammeListPayload {
  position: Position;
  programmes: ProgrammeSummary[];
}

export interface WingProgramme extends Timing {
  id: string;
  kind: 'tour' | 'meeting';
  title: string;
  /** The readiness of this wing's tasks in the programme. */
  readiness: Readiness;
}

/**
 * GET /api/boards/wing/{code}; live board `wing:<code>`. The wing's live responsibilities and tasks
 * in programmes that are neither cancelled nor ended; `readiness` adds up its programmes' figures.
 */
export interface WingBoardPayload {
  position: Position;
  wing: Wing;
  responsibilities: WingResponsibilityItem[];
  tasks: WingCard[];
  programmes: WingProgramme[];
  readiness: Readiness;
}

/** GET /api/wings */
export interface WingsPayload {
  position: Position;
  wings: Wing[];
}

export interface HistoryEvent {
  position: Position;
  type: string;
  at: string;
  actor: unknown;
  data: unknown;
}

/** GET /api/programmes/{id}/history?after=&limit= — `next` (present when there may be more) is the next `after`. */
export interface HistoryPayload {
  position: Position;
  events: HistoryEvent[];
  next?: Position;
}

/**
 * The payloads of the read endpoints (SPEC.md "Reads") and of the live boards (same shapes).
 * Every payload carries `position`: the global position its data reflects. Facts without a value
 * are left out, never `null` (SPEC v2: `null` in a merge patch means "remove"). Boards are keyed by
 * id so that a live patch names only what changed; `order` strings carry the order.
 */
import type { Wing } from '@tayari/shared/wings/events';
import type { Assignee } from '@tayari/shared/contract/assignee';
import type { BoardTaskStatus } from '@tayari/shared/contract/boardKey';
import type { Phase, Readiness, ReadinessCounts } from '../readiness/types';
import type { BoardProgramme, Timing } from './programmeTypes';

export type { Phase, Readiness, ReadinessCounts, Wing };
export type { BoardProgramme, MeetingDetail, ProgrammeDetail, ProgrammeDetailPayload, Stop, Timing, TourDetail } from './programmeTypes';

// Not imported from shared/task: the browser page type-checks these payloads without Node's types,
// which shared/task/events (through ids.ts) would pull in; shared/contract is Node-free.
export type Position = string;
export type TaskStatus = BoardTaskStatus;

export interface NoteRef {
  text: string;
  at: string;
  /** The name of who wrote it. */
  by: string;
}

/** What last happened to a card: when, by whom (name), and the event type. */
export interface LastChange {
  at: string;
  by: string;
  type: string;
}

/**
 * A task card on a board (SPEC v2: keyed by id, fields without a value left out, never null).
 * Cancelled tasks are never on a board.
 */
export interface Card {
  id: string;
  title: string;
  wing: string;
  status: TaskStatus;
  assignee?: Assignee;
  dueAt?: string;
  /** Not done and due before now (follows the clock). */
  overdue: boolean;
  stopId?: string;
  /** Its stop was cancelled: the card stays on the board but leaves the counts. */
  stopCancelled: boolean;
  responsibilityId?: string;
  /** The organisation unit the task is for, when it names one. */
  unit?: string;
  /** Set while status is `blocked`. */
  blockedReason?: string;
  /** While blocked: since when. */
  blockedSince?: string;
  lastChange?: LastChange;
  /** The task stream's version: send it as If-Match. */
  version: number;
  /** Sorts the cards of a column: by due time (none last), then in logging order. */
  order: string;
  notes: number;
  lastNote?: NoteRef;
}

export interface WingCard extends Card {
  programmeId: string;
}

export interface ResponsibilityItem {
  id: string;
  wing: string;
  duty: string;
  stopId?: string;
  lead?: string;
  acknowledged: boolean;
  acknowledgedBy?: { name: string; at: string };
  /** When the duty was given to its wing (assigned, or reassigned to it). */
  givenAt?: string;
  cancelled: boolean;
  cancelReason?: string;
  /** The responsibility stream's version. */
  version: number;
  /** Sorts responsibilities in the order they were assigned. */
  order: string;
}

export interface WingResponsibilityItem extends ResponsibilityItem {
  programmeId: string;
}

export type { BoardFilter } from '@tayari/shared/contract/boardKey';

/**
 * GET /api/boards/programme/{id}; live board `programme:<id>`. Cards keyed by id: a client groups
 * them by `status` and sorts by `order`.
 */
export interface ProgrammeBoardPayload {
  position: Position;
  programme: BoardProgramme;
  readiness: Readiness;
  cards: Record<string, Card>;
  /** Every responsibility (cancelled ones flagged), keyed by id, sorted by `order`. */
  responsibilities: Record<string, ResponsibilityItem>;
  /** Meetings of a series: the follow-ups it carries from the earlier meetings (SPEC v2). */
  series?: SeriesSection;
}

/**
 * A programme board cut to the first cards of each column (past SPEC: `?perColumn=`), with every
 * column's full count: what a phone draws first, before it reads (or is sent) the whole board.
 */
export interface ProgrammeBoardPreview extends ProgrammeBoardPayload {
  columnTotals: Record<TaskStatus, number>;
}

/** A task decided at an earlier meeting of the series, as a later meeting's board shows it. */
export interface FollowUpCard extends WingCard {
  /** The meeting whose minutes made it. */
  meetingTitle: string;
  meetingStartsAt: string;
}

/**
 * "Since the last meeting": every follow-up of the previous meeting of the series (done ones too),
 * and the follow-ups of older meetings still open. The meeting's readiness counts them all.
 */
export interface SeriesSection {
  id: string;
  /** The latest earlier meeting of the series that was not cancelled. */
  previous?: { id: string; title: string; startsAt: string };
  /** Keyed by task id; `order` sorts them (open ones are listed first by clients). */
  followUps: Record<string, FollowUpCard>;
  /** Of `followUps` (filter aside): done, still open (not done), and overdue among the open. */
  counts: { done: number; open: number; overdue: number };
}

/** A programme in a list or on the readiness board. */
export interface ProgrammeSummary extends Timing {
  id: string;
  kind: 'tour' | 'meeting';
  title: string;
  status: 'planned' | 'cancelled';
  version: number;
  /** Tours only. */
  leader?: string;
  /** Meetings only. */
  venue?: string;
  /** Meetings of a series only. */
  series?: string;
  /** The organisation unit it belongs to, when it names one. */
  unit?: string;
  timeZone: string;
  /** Tours: the districts of live stops in time order; meetings: []. */
  districts: string[];
  /** Wings with live work on the programme. */
  wings: string[];
  readiness: Readiness;
}

/** A programme on a keyed board: `order` sorts by start (unscheduled last), then id. */
export type OrderedSummary = ProgrammeSummary & { order: string };

/** GET /api/boards/readiness; live board `readiness`. Programmes not cancelled and not ended, keyed by id. */
export interface ReadinessBoardPayload {
  position: Position;
  programmes: Record<string, OrderedSummary>;
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
  timeZone: string;
  /** The readiness of this wing's tasks in the programme. */
  readiness: Readiness;
  /** Sorts the programmes by start (unscheduled last), then id. */
  order: string;
  /** Tours: where each stop is and when (cards name their stop by id). */
  stops?: Record<string, { place: string; district: string; startsAt: string; cancelled: boolean }>;
}

/**
 * GET /api/boards/wing/{code}; live board `wing:<code>`. The wing's live responsibilities and tasks
 * in programmes that are neither cancelled nor ended; `readiness` adds up its programmes' figures.
 */
export interface WingBoardPayload {
  position: Position;
  wing: Wing;
  readiness: Readiness;
  /** Keyed by programme id. */
  programmes: Record<string, WingProgramme>;
  cards: Record<string, WingCard>;
  responsibilities: Record<string, WingResponsibilityItem>;
}

/** A wing's line on the attention board: its live work across programmes that have not ended. */
export interface AttentionWing {
  wing: string;
  overdue: number;
  blocked: number;
  total: number;
  done: number;
  percent: number;
}

/**
 * GET /api/boards/attention; live board `attention`: what needs an in-charge now, across every
 * programme that is neither cancelled nor ended, each list worst first.
 */
export interface AttentionBoardPayload {
  position: Position;
  /** At-risk programmes, soonest first. */
  programmes: OrderedSummary[];
  /** Longest overdue first. */
  overdue: (WingCard & { programmeTitle: string; overdueMs: number })[];
  /** Longest blocked first. */
  blocked: (WingCard & { programmeTitle: string; blockedMs: number })[];
  /** Duties no one of their wing has acknowledged, longest waiting first. */
  unacknowledged: (WingResponsibilityItem & { programmeTitle: string; sinceMs: number })[];
  /** By overdue + blocked, then lowest percent. */
  wings: AttentionWing[];
}

export type { HistoryEvent, HistoryPayload, UnitNode, UnitsPayload, WingsPayload } from './catalogueTypes';

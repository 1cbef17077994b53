import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { PostsFilter } from './boards/postsBoard';
import type { PostsBoardPayload } from './boards/postsTypes';
import type { ProgrammeFilter } from './boards/programmeList';
import type {
  AttentionBoardPayload,
  BoardFilter,
  HistoryPayload,
  ProgrammeBoardPayload,
  ProgrammeBoardPreview,
  ProgrammeDetailPayload,
  ProgrammeListPayload,
  ReadinessBoardPayload,
  UnitsPayload,
  WingBoardPayload,
  WingsPayload,
} from './boards/types';

import type { DirectoryPayload } from './boards/directory';
import type { MineBoardPayload } from './boards/mineBoard';
import type { PersonRow } from './models/people/peopleModel';
import type { TemplateRow } from './models/templates/templatesModel';
import type { DriveBoardPayload } from './boards/driveBoard';
import type { DriveListPayload } from './boards/driveList';
import type { EnrolmentRow } from './models/drives/DriveRows';
import type { EnrolmentPage } from './models/drives/DriveIndex';

export type { ProgrammeFilter };

/** Where a page of a programme's history starts (ReadSide.history). */
export type HistoryCursor = { after?: Position | undefined } | { newestFirst: true; before?: Position | undefined };

/**
 * What the read endpoints need from the read side, whatever runs it: the in-process runner over
 * SQLite (ReadModels), or a reader over MongoDB fed by a projections process. Every payload's
 * `position` is one the models have reached; undefined means the programme or wing does not exist.
 */
export interface ReadSide {
  /** The read store's kind, for health ("sqlite", "mongodb"). */
  readonly readStoreKind: string;
  /** The position the models reflect now. */
  position(): Position;
  /** True when `text` is a position of this deployment's event store. */
  isPosition(text: string): boolean;
  comparePositions(a: Position, b: Position): number;
  /** Resolves true once the models reflect `position`, false after `timeoutMs` (or when they cannot get there). */
  waitFor(position: Position, timeoutMs: number): Promise<boolean>;
  /** Each projection's checkpoint (null: nothing applied yet). */
  projections(): Promise<Record<string, { position: Position | null }>>;
  /** False when the projections stopped on an error. */
  healthy(): boolean;

  wings(): Promise<WingsPayload>;
  units(): Promise<UnitsPayload>;
  programmes(filter: ProgrammeFilter): Promise<ProgrammeListPayload>;
  programme(id: string): Promise<ProgrammeDetailPayload | undefined>;
  /** The task board, its cards (and duties) narrowed by `filter`; readiness is always the whole programme's. */
  programmeBoard(id: string, filter?: BoardFilter): Promise<ProgrammeBoardPayload | undefined>;
  /** The same board with each column's first `perColumn` cards and every column's count (past SPEC `perColumn`). */
  programmePreview(id: string, filter: BoardFilter, perColumn: number): Promise<ProgrammeBoardPreview | undefined>;
  readinessBoard(filter?: Pick<BoardFilter, 'unit'>): Promise<ReadinessBoardPayload>;
  /** What needs an in-charge now; `filter.wing` keeps one wing's work. */
  attentionBoard(filter?: Pick<BoardFilter, 'wing' | 'unit'>): Promise<AttentionBoardPayload>;
  wingBoard(code: string, filter?: BoardFilter): Promise<WingBoardPayload | undefined>;
  /** The directory (SPEC v2 "people and access"); phones only when `withPhones` (in-charges). */
  people(filter: { wing?: string | undefined; unit?: string | undefined; q?: string | undefined }, withPhones: boolean): Promise<DirectoryPayload>;
  /** The checklist templates (SPEC v2), each at its current version. */
  templates(): Promise<{ position: Position; templates: TemplateRow[] }>;
  /** Whether a thing of `unit` (undefined: the whole state's) lies within `scope` and the units under it. */
  unitWithin(scope: string, unit: string | undefined): boolean;
  /** A person as the models hold them, from memory (no store read): access checks call it per request. */
  person(id: string): PersonRow | undefined;
  /** A person's own tasks (GET /api/boards/mine, the live board `mine`), from the models' person index. */
  mineBoard(personId: string): Promise<MineBoardPayload>;
  /**
   * A page of up to `limit` of a programme's events: after `after` (exclusive) oldest first, or
   * (`newestFirst`) before `before` (exclusive; the newest when undefined) newest first; `next`, when
   * there may be more, is the next page's `after` or `before`. Undefined: no such programme.
   */
  history(programmeId: string, cursor: HistoryCursor, limit: number): Promise<HistoryPayload | undefined>;
  /** Posts with their nominations by stage, vacancies first (SPEC v2). */
  postsBoard(filter?: PostsFilter): Promise<PostsBoardPayload>;
  /** A post's events (its nominations' too), like a programme's history; undefined: no such post. */
  /** A post's unit, from memory (undefined: no such post): reads of a person acting for a unit check it. */
  postUnit(postId: string): string | undefined;
  postHistory(postId: string, after: Position | undefined, limit: number): Promise<HistoryPayload | undefined>;
  /** Every drive with its total against target, the latest start first. */
  drives(): Promise<DriveListPayload>;
  /** A drive's counts (SPEC v2 "the enrolment drive"); undefined: no such drive. */
  driveBoard(driveId: string): Promise<DriveBoardPayload | undefined>;
  /**
   * A drive's enrolment rows in enrolment order, sealed (the API opens them for in-charges), a page at a
   * time when asked (`next`: the cursor of the page after); undefined: no such drive.
   */
  driveEnrolments(driveId: string, page?: EnrolmentPage): Promise<{ position: Position; rows: EnrolmentRow[]; next?: string } | undefined>;
}

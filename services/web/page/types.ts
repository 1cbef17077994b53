/**
 * The payloads the page reads, taken from the read side itself so that a change there fails the
 * page's type-check instead of breaking the page at run time (type-only: nothing is bundled).
 */
export type {
  AttentionBoardPayload,
  AttentionWing,
  BoardFilter,
  BoardProgramme,
  Card,
  FollowUpCard,
  HistoryPayload,
  LastChange,
  MeetingDetail,
  NoteRef,
  OrderedSummary,
  ProgrammeBoardPayload,
  ProgrammeBoardPreview,
  ProgrammeListPayload,
  ProgrammeSummary,
  Readiness,
  ReadinessBoardPayload,
  ReadinessCounts,
  ResponsibilityItem,
  SeriesSection,
  Stop,
  TourDetail,
  TaskStatus,
  UnitNode,
  UnitsPayload,
  Wing,
  WingBoardPayload,
  WingCard,
  WingProgramme,
  WingResponsibilityItem,
  WingsPayload,
} from '../../../projections/boards/types';

export type { DriveBoardPayload, DriveListPayload, DriveSummary, DriveUnitCount } from '../../../projections/boards/driveTypes';
export type { NominationItem, PostItem, PostsBoardPayload } from '../../../projections/boards/postsTypes';

/**
 * The payloads the page reads, taken from the read side itself so that a change there fails the
 * page's type-check instead of breaking the page at run time (type-only: nothing is bundled).
 */
export type {
  BoardFilter,
  BoardProgramme,
  Card,
  HistoryPayload,
  LastChange,
  NoteRef,
  OrderedSummary,
  ProgrammeBoardPayload,
  ProgrammeSummary,
  Readiness,
  ReadinessBoardPayload,
  ReadinessCounts,
  ResponsibilityItem,
  Stop,
  TaskStatus,
  Wing,
  WingBoardPayload,
  WingCard,
  WingProgramme,
  WingResponsibilityItem,
  WingsPayload,
} from '../../../projections/boards/types';

/**
 * The payloads the page reads, taken from the read side itself so that a change there fails the
 * page's type-check instead of breaking the page at run time (type-only: nothing is bundled).
 */
export type {
  Card,
  Columns,
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
  BoardProgramme,
  HistoryPayload,
} from '../../../projections/boards/types';

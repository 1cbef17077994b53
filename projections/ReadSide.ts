import type { Position } from '@tayari/shared/eventstore/EventStore';
import type { ProgrammeFilter } from './boards/programmeList';
import type {
  AttentionBoardPayload,
  BoardFilter,
  HistoryPayload,
  ProgrammeBoardPayload,
  ProgrammeDetailPayload,
  ProgrammeListPayload,
  ReadinessBoardPayload,
  UnitsPayload,
  WingBoardPayload,
  WingsPayload,
} from './boards/types';

export type { ProgrammeFilter };

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
  readinessBoard(filter?: Pick<BoardFilter, 'unit'>): Promise<ReadinessBoardPayload>;
  /** What needs an in-charge now; `filter.wing` keeps one wing's work. */
  attentionBoard(filter?: Pick<BoardFilter, 'wing' | 'unit'>): Promise<AttentionBoardPayload>;
  wingBoard(code: string, filter?: BoardFilter): Promise<WingBoardPayload | undefined>;
  /** Up to `limit` events after `after` (exclusive), by position. */
  history(programmeId: string, after: Position | undefined, limit: number): Promise<HistoryPayload | undefined>;
}

import type { NominationStage } from '@tayari/shared/contract/nominationStages';
import type { LastChange, Position } from './types';

/** A nomination on the posts board (its stage is the group it sits in). */
export interface NominationItem {
  id: string;
  nominee: string;
  proposedBy: string;
  proposedAt: string;
  note?: string;
  reason?: string;
  lastChange: LastChange;
}

/** A post on the posts board, keyed by id: vacancies sort first by `order`. */
export interface PostItem {
  id: string;
  unit: string;
  wing?: string;
  title: { en: string; hi: string };
  status: 'vacant' | 'filled';
  /** While filled: the appointed nomination. */
  holder?: { nominationId: string; nominee: string };
  /** Sorts the posts: vacancies first, then in creation order. */
  order: string;
  /** The post stream's version (its nominations' too): send it as If-Match. */
  version: number;
  lastChange: LastChange;
  /** Its nominations by stage, each keyed by id; stages with none are left out. */
  nominations: Partial<Record<NominationStage, Record<string, NominationItem>>>;
}

/** GET /api/boards/posts; live board `posts`. */
export interface PostsBoardPayload {
  position: Position;
  posts: Record<string, PostItem>;
}

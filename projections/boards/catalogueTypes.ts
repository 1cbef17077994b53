import type { Wing } from '@tayari/shared/wings/events';

type Position = string;

/** The payloads of the catalogue reads (units, wings) and of history pages. */

/** A unit with the units under it (GET /api/units). */
export interface UnitNode {
  code: string;
  name: { en: string; hi: string };
  kind: 'state' | 'district' | 'block' | 'city';
  children: UnitNode[];
}

/** GET /api/units: the tree, the state at the root. */
export interface UnitsPayload {
  position: Position;
  units: UnitNode[];
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

/**
 * GET /api/programmes/{id}/history?after=&limit= — `next` (present when there may be more) is the next
 * `after`; read newest first (`order=desc&before=`), `next` is the next `before`.
 */
export interface HistoryPayload {
  position: Position;
  events: HistoryEvent[];
  next?: Position;
}

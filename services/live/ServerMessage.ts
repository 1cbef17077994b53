import type { BoardName } from '@tayari/projections/BoardSource';
import type { Position } from '@tayari/shared/eventstore/EventStore';

/** Why a client message was refused; the connection stays up unless said otherwise. */
export type LiveErrorCode =
  | 'bad-json'
  | 'bad-message'
  | 'unknown-type'
  | 'unknown-board'
  /** A board outside the unit the person acts for (SPEC v2). */
  | 'forbidden'
  | 'bad-position'
  | 'too-many-subscriptions'
  | 'rate-limited'
  | 'unavailable';

/** What the gateway sends (SPEC.md, "Live boards"). */
export type ServerMessage =
  | { type: 'snapshot'; board: BoardName; position: Position; data: unknown }
  | { type: 'patch'; board: BoardName; from: Position; position: Position; patch: unknown }
  | { type: 'error'; code: LiveErrorCode; message: string; board?: string };

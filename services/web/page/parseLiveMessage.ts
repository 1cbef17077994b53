import { isRecord } from '@tayari/shared/contract/isRecord';
/** What the live boards gateway sends (SPEC "Live boards", protocol v2). */
export type BoardMessage =
  | { type: 'snapshot'; board: string; position: string; data: unknown }
  /** An RFC 7396 merge patch that turns the board at `from` into the board at `position`. */
  | { type: 'patch'; board: string; from: string; position: string; patch: object };

export interface LiveErrorMessage {
  type: 'error';
  code: string;
  message: string;
  board?: string;
}

export type LiveMessage = BoardMessage | LiveErrorMessage;

/** Positions cross the wire as strings; a number is taken too (the same position, differently spelled). */
function positionOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

/**
 * Reads one websocket frame; undefined for anything else (a frame that is not one of these is
 * skipped: a patch lost this way shows up as a gap at the next patch, and the page resubscribes).
 */
export function parseLiveMessage(raw: unknown): LiveMessage | undefined {
  if (typeof raw !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  const { type, board } = value;
  if (type === 'error') {
    return { type, code: String(value.code ?? 'error'), message: String(value.message ?? ''), ...(typeof board === 'string' ? { board } : {}) };
  }
  if (typeof board !== 'string') return undefined;
  const position = positionOf(value.position);
  if (position === undefined) return undefined;
  if (type === 'snapshot' && isRecord(value.data)) return { type, board, position, data: value.data };
  const from = positionOf(value.from);
  // A merge patch of a board is an object: anything else would replace the whole board.
  if (type === 'patch' && from !== undefined && isRecord(value.patch)) return { type, board, from, position, patch: value.patch };
  return undefined;
}

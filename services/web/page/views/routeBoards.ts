import { boardKey } from '@tayari/shared/contract/boardKey';
import type { CardScope, Route } from '../route';
import { ownWingOf, type Claims } from '../token';
import type { BoardFilter } from '../types';

export const MINE_BOARD = 'mine';
export const POSTS_BOARD = 'posts';

export interface ProgrammeBoards {
  /** The key shown: the programme's board, narrowed by the address's filter and, for a wing's people, to their wing. */
  board: string;
  /** The same programme's board under the other choices (its programme and readiness are the same). */
  otherBoards: string[];
  scope: CardScope;
  filter: BoardFilter;
}

/** A programme's board as this person opens it: a wing lead or organiser on their own wing's cards (on the socket and on GETs alike). */
export function programmeBoards(claims: Claims, route: { id: string; cards?: CardScope; filter?: BoardFilter }): ProgrammeBoards {
  const name = `programme:${route.id}`;
  const wing = ownWingOf(claims);
  const scope: CardScope = wing !== undefined && route.cards !== 'all' ? 'wing' : 'all';
  const filter: BoardFilter = { ...route.filter, ...(scope === 'wing' && wing !== undefined ? { wing } : {}) };
  const board = boardKey(name, filter);
  const otherBoards = [boardKey(name), ...(wing === undefined ? [] : [boardKey(name, { wing })])].filter((key) => key !== board);
  return { board, otherBoards, scope, filter };
}

/** The attention board takes only the wing of a filter. */
export const attentionBoard = (filter: BoardFilter | undefined): string => boardKey('attention', filter?.wing ? { wing: filter.wing } : undefined);

export const wingBoard = (code: string, filter: BoardFilter | undefined): string => boardKey(`wing:${code}`, filter);

export const driveBoard = (id: string): string => `drive:${id}`;

/** "Wings" without a code opens on the person's own wing. */
export const wingCodeOf = (route: { code?: string }, claims: Claims): string | undefined => route.code ?? claims.wing;

/**
 * The board keys a route's view shows, known before the view is built, so the page asks for them
 * first and builds the view while they are on their way (issue 14: first paint). The views take
 * their keys from the same functions.
 */
export function routeBoards(route: Route, claims: Claims): readonly string[] {
  switch (route.view) {
    case 'programme':
      return [programmeBoards(claims, route).board];
    case 'wing': {
      const code = wingCodeOf(route, claims);
      return code === undefined ? [] : [wingBoard(code, route.filter)];
    }
    case 'attention':
      return [attentionBoard(route.filter), 'readiness'];
    case 'readiness':
      return ['readiness'];
    case 'mine':
      return [MINE_BOARD];
    case 'posts':
      return [POSTS_BOARD];
    case 'drive':
      return route.id === undefined ? [] : [driveBoard(route.id)];
    case 'archive':
    case 'people':
      return [];
  }
}

import type { ApiClient } from '../api';
import type { BoardStore } from '../BoardStore';
import type { Formats } from '../Formats';
import type { Lang } from '../i18n';
import type { Outbox } from '../outbox/Outbox';
import type { Route } from '../route';
import type { Claims } from '../token';
import type { WingCatalogue } from '../WingCatalogue';

/** Where a board stands for the page: still loading, there, unknown to the server, or failing. */
export type BoardLoad = 'loading' | 'ready' | 'missing' | 'error';

/** What every view gets from the page: the person, the language, the data and the ways to change it. */
export interface PageContext {
  readonly lang: Lang;
  readonly fmt: Formats;
  readonly claims: Claims;
  readonly api: ApiClient;
  /** Changes kept for when the connection is back (the offline queue). */
  readonly outbox: Outbox;
  readonly store: BoardStore;
  readonly wings: WingCatalogue;
  now(): Date;
  loadState(board: string): BoardLoad;
  /** Reads the board by GET (at least at `minPosition`, to see one's own write) and holds it. */
  refresh(board: string, minPosition?: string): Promise<void>;
  /**
   * Shows `route` in place of the current one, without a new history entry (a programme's cards
   * narrowed or not); the element focused keeps the focus when the new view has one with the same
   * `data-focus-key`.
   */
  replaceRoute(route: Route): void;
}

/** A screen of the page: the boards it shows, and how to draw them again when they change. */
export interface View {
  readonly el: HTMLElement;
  /** Board keys (boardKey: a board name, with its filter when narrowed), as held in the store. */
  readonly boards: readonly string[];
  /** The heading that names the screen, focused after navigation so screen readers announce it. */
  readonly heading: HTMLElement;
  render(): void;
}

import type { Locator } from 'playwright-core';
import type { Card, ProgrammeBoardPayload, TaskStatus } from '@tayari/projections/boards/types';
import { WebHarness } from './WebHarness';

/**
 * The programme board in a real browser, for the page.*.e2e tests: the service and Chromium of
 * WebHarness, with every socket of the page instrumented (INSTRUMENT_WEBSOCKET), the demo's biggest
 * tour, and what the board shows compared with what GET answers.
 */

const STATUSES: readonly TaskStatus[] = ['todo', 'in_progress', 'blocked', 'done'];
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const WS_FAILED = /WebSocket connection to .* failed/;

/**
 * Runs before the page's own code: records every socket, what was sent on it and what came in, can
 * point new sockets at a path the server refuses, so a test can hold the page disconnected for a
 * while, and can hide the next patches of a board from the page, so a test can make it miss one.
 */
export const INSTRUMENT_WEBSOCKET = `(() => {
  const Native = window.WebSocket;
  const state = { sockets: [], sent: [], received: [], blocked: false, drop: { board: '', patches: 0 } };
  const hidden = new WeakSet();
  window.__ws = state;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(state.blocked ? String(url).replace('/ws?', '/ws-refused?') : url, protocols);
      state.sockets.push(this);
      // Registered before the page's own listener, so it sees each frame first.
      super.addEventListener('message', (event) => {
        let message;
        try {
          message = JSON.parse(event.data);
        } catch {
          return;
        }
        state.received.push(message);
        if (message.type === 'patch' && message.board === state.drop.board && state.drop.patches > 0) {
          state.drop.patches--;
          hidden.add(event);
        }
      });
    }
    addEventListener(type, listener, options) {
      if (type !== 'message') return super.addEventListener(type, listener, options);
      super.addEventListener(type, (event) => {
        if (!hidden.has(event)) typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event);
      }, options);
    }
    send(data) {
      state.sent.push(String(data));
      super.send(data);
    }
  };
})();`;

/** A live message as the page received it (SPEC "Live boards", v2). */
export interface Received {
  type: string;
  board?: string;
  from?: string;
  position?: string;
  patch?: { cards?: Record<string, Partial<Card> | null> };
}

export interface WsProbe {
  sockets: WebSocket[];
  sent: string[];
  received: Received[];
  blocked: boolean;
  /** The next `patches` patches of `board` are hidden from the page. */
  drop: { board: string; patches: number };
}
/** Keyed board parts in their `order` (plain string compare, as SPEC v2 says a client sorts them). */
export function ordered<T extends { order: string }>(items: Record<string, T>): T[] {
  return Object.values(items).sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
}

export const cards = (board: ProgrammeBoardPayload) => Object.values(board.cards);
/** A column of the board as a client draws it: the cards of that status, by `order`. */
export const column = (board: ProgrammeBoardPayload, status: TaskStatus) => ordered(board.cards).filter((c) => c.status === status);

/** What the board should show, read off GET: card ids per column, blocked reasons, the overall percent. */
function expected(board: ProgrammeBoardPayload) {
  return {
    columns: Object.fromEntries(STATUSES.map((s) => [s, column(board, s).map((card) => card.id)])),
    reasons: column(board, 'blocked').map((card) => `Blocked: ${card.blockedReason ?? ''}`),
    percent: `${board.readiness.percent}% ready`,
  };
}

export class BoardPage extends WebHarness {
  /** The demo's biggest tour. */
  tourId!: string;

  override async start(): Promise<void> {
    await super.start();
    await this.context.addInitScript(INSTRUMENT_WEBSOCKET);
    this.tourId = await this.biggestTour();
  }

  /** No page errors, no console errors the test did not expect, and no token in any console message. */
  expectCleanConsole(): void {
    expect(this.watch?.take() ?? []).toEqual([]);
    const ours = this.watch?.messages.filter((m) => !WS_FAILED.test(m)) ?? [];
    for (const token of Object.values(this.tokens)) expect(ours.filter((m) => m.includes(token))).toEqual([]);
  }

  /** The board as GET answers it; `query` narrows it (SPEC v2 board filters, e.g. `?wing=adivasi`). */
  boardOf(id: string, query = ''): Promise<ProgrammeBoardPayload> {
    return this.api<ProgrammeBoardPayload>(`/api/boards/programme/${id}${query}`);
  }

  /** What the board shows: card ids per column, blocked reasons, the overall percent. */
  shown() {
    return this.page.evaluate(() => {
      const columns: Record<string, string[]> = {};
      for (const column of Array.from(document.querySelectorAll<HTMLElement>('.column'))) {
        columns[column.dataset.column ?? '?'] = Array.from(column.querySelectorAll<HTMLElement>('.card')).map((card) => card.dataset.taskId ?? '?');
      }
      const reasons = Array.from(document.querySelectorAll<HTMLElement>('.card[data-status="blocked"]')).map(
        (card) => card.querySelector('.card-blocked')?.textContent ?? '',
      );
      return { columns, reasons, percent: document.querySelector('.panel-summary .meter-pct')?.textContent ?? '' };
    });
  }

  /** Waits until the page shows exactly what GET says (both read at about the same moment), with the same filter. */
  async expectBoardEqualsServer(id: string, timeoutMs = 5000, query = ''): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const [onPage, server] = await Promise.all([this.shown(), this.boardOf(id, query)]);
      try {
        expect(onPage).toEqual(expected(server));
        return;
      } catch (error) {
        if (Date.now() > until) throw error;
      }
      await this.page.waitForTimeout(100);
    }
  }

  card(id: string): Locator {
    return this.page.locator(`.card[data-task-id="${id}"]`);
  }

  /** Closes the page's socket and points new ones at a path the server refuses, until restoreSocket. */
  async dropSocket(): Promise<void> {
    await this.page.evaluate(() => {
      const ws = (window as unknown as { __ws: WsProbe }).__ws;
      ws.blocked = true;
      ws.sent.length = 0;
      ws.sockets[ws.sockets.length - 1]?.close();
    });
    await this.page.waitForSelector('.conn[data-state="reconnecting"]', { timeout: 3000 });
  }

  async restoreSocket(): Promise<void> {
    await this.page.evaluate(() => {
      (window as unknown as { __ws: WsProbe }).__ws.blocked = false;
    });
    await this.page.waitForSelector('.conn[data-state="live"]', { timeout: 20_000 });
  }
}

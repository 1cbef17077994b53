import { parseBoardKey } from '@tayari/shared/contract/boardKey';
import { type ApiClient, HttpError } from './api';
import type { BoardCache } from './BoardCache';
import { boardPath } from './boardPath';
import type { BoardStore } from './BoardStore';
import type { BoardMessage } from './live';
import { COLUMN_PAGE } from './views/Column';
import type { BoardLoad } from './views/PageContext';
import { wholePreview } from './wholePreview';

const RETRY_MS = [1000, 2000, 5000, 10000, 30000];

export interface BoardReadsDeps {
  api: ApiClient;
  store: BoardStore;
  /** The offline copies the service worker answers from. */
  cache: BoardCache;
  /** Whether the view on screen shows this board key. */
  shown(key: string): boolean;
  /** The board under `key` changed, or its load state did: draw it. */
  draw(key: string): void;
  /** A read came in while the socket is not live: data is as of `savedAt` (an offline copy) or now. */
  readWhileAway(savedAt: Date | undefined): void;
  live(): boolean;
}

/**
 * The boards coming in and where each stands (loading, ready, missing, error): a board's first read
 * (a programme's first cards, then the whole board), its retries while shown, reads again after the
 * page's own writes or while the socket is down, and the socket's snapshots and patches.
 */
export class BoardReads {
  private readonly loads = new Map<string, BoardLoad>();
  /** Boards whose first read is on its way: their subscriptions wait for it, to start from its position. */
  private readonly firstReads = new Map<string, Promise<void>>();
  private readonly retries = new Map<string, number>();

  constructor(private readonly deps: BoardReadsDeps) {}

  state(key: string): BoardLoad {
    return this.loads.get(key) ?? 'loading';
  }

  set(key: string, state: BoardLoad): void {
    this.loads.set(key, state);
  }

  /** Starts the first read of a board not held yet (once); answers it while it is on its way. */
  first(key: string): Promise<void> | undefined {
    let reading = this.firstReads.get(key);
    // A preview held is not the board: coming back while its whole read is on the way waits for that read.
    if (!reading && this.deps.store.holdsWhole(key)) return undefined;
    if (!reading) {
      reading = this.previewThenLoad(key).finally(() => this.firstReads.delete(key));
      this.firstReads.set(key, reading);
    }
    return reading;
  }

  /**
   * A live message of a board key: a snapshot replaces the board, a patch moves it on, or shows that
   * one was missed (`resubscribe` asks the socket for a fresh snapshot).
   */
  received(message: BoardMessage, key: string, resubscribe: (board: string) => void): void {
    const { store, cache } = this.deps;
    if (message.type === 'snapshot') {
      if (store.snapshot(key, message.position, message.data) && this.state(key) === 'ready') return;
      cache.keep(key, message.position, message.data);
    } else {
      const outcome = store.patch(key, message.from, message.position, message.patch);
      // Something was lost on the way: the page keeps what it shows until a fresh snapshot comes.
      if (outcome === 'missed') resubscribe(message.board);
      if (outcome !== 'applied') return;
      cache.keep(key, message.position, store.get(key)?.data);
    }
    this.loads.set(key, 'ready');
    this.deps.draw(key);
  }

  /** Reads a board key by GET, with its filter (the same board the socket sends under that key). */
  async refresh(key: string, minPosition?: string): Promise<void> {
    const { body, savedAt } = await this.deps.api.read<{ position: string }>(boardPath(key, minPosition));
    this.took(key, body, savedAt);
  }

  /** A read of the whole board came in (by GET, or an offline copy saved at `savedAt`): held, kept and drawn. */
  private took(key: string, body: { position: unknown }, savedAt: Date | undefined): void {
    const { store, cache } = this.deps;
    const taken = store.read(key, String(body.position), body);
    this.loads.set(key, 'ready');
    // A copy the service worker kept (offline) is as old as its stamp; a fresh read is kept for next time.
    if (!savedAt && taken) cache.keep(key, String(body.position), body);
    if (!this.deps.live()) this.deps.readWhileAway(savedAt);
    if (taken) this.deps.draw(key);
  }

  /**
   * A programme board is read first as its columns' first cards (past SPEC `perColumn`), which a
   * phone shows long before it has read and parsed a 5,000-card board; then whole, as any board.
   * A preview that fails (offline: the service worker keeps whole boards only) is skipped.
   */
  private async previewThenLoad(key: string): Promise<void> {
    // A preview already held (its whole read failed and is tried again) is not read a second time.
    if (parseBoardKey(key).board.startsWith('programme:') && this.deps.store.get(key) === undefined) {
      try {
        const { body, savedAt } = await this.deps.api.read<{ position: string }>(boardPath(key, undefined, COLUMN_PAGE));
        // A board no column of which is longer than the page came whole: no second read.
        const whole = savedAt ? undefined : wholePreview(body);
        if (whole) {
          performance.mark('tayari:preview-read');
          this.took(key, whole, undefined);
          return;
        }
        if (!savedAt && this.deps.store.preview(key, String(body.position), body)) {
          performance.mark('tayari:preview-read');
          this.loads.set(key, 'ready');
          this.deps.draw(key);
        }
      } catch {
        // The whole board's read below says what went wrong, and retries.
      }
    }
    await this.load(key);
  }

  /** A board's read of the whole of it; retried while it is shown, until the whole board is in. */
  private async load(key: string): Promise<void> {
    const { store } = this.deps;
    try {
      await this.refresh(key);
      this.retries.delete(key);
    } catch (error) {
      if (error instanceof HttpError && (error.status === 404 || error.status === 401 || error.status === 403)) {
        this.loads.set(key, 'missing');
        this.deps.draw(key);
        return;
      }
      // Only a preview shown still says the board did not load.
      if (!store.holdsWhole(key)) this.loads.set(key, 'error');
      this.deps.draw(key);
      const attempt = this.retries.get(key) ?? 0;
      this.retries.set(key, attempt + 1);
      const retry = () => {
        // A first read's preview is not enough; a read already on its way (the view left and came back) is not doubled.
        if (this.deps.shown(key) && !store.holdsWhole(key) && !this.firstReads.has(key)) void this.load(key);
      };
      setTimeout(retry, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
    }
  }
}

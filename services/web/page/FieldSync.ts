import type { ApiClient } from './api';
import { BoardCache } from './BoardCache';
import { t, type Lang } from './i18n';
import type { ConnectionState } from './live';
import { Outbox } from './outbox/Outbox';
import { openQueueDb } from './outbox/queueDb';

/** While changes wait and the browser thinks it is online, the queue is tried this often. */
const FLUSH_MS = 15_000;
/** How long after the page's load the service worker is registered. */
const WORKER_DELAY_MS = 2_000;

function afterLoad(delayMs: number, run: () => void): void {
  if (document.readyState === 'complete') setTimeout(run, delayMs);
  else addEventListener('load', () => setTimeout(run, delayMs), { once: true });
}

/**
 * The page in the field (SPEC v2, "the field"): the offline queue and when it is sent (the socket
 * live again, a timer, "Send now"), the last boards kept for opening offline, and
 * the service worker that serves them.
 */
export class FieldSync {
  readonly outbox: Outbox;
  readonly boards = new BoardCache();
  private dropEnrolments = false;

  constructor(api: ApiClient, sub: string, onSaved: (position: string) => void) {
    this.outbox = new Outbox(api, sub, openQueueDb(), onSaved);
  }

  start(): void {
    // Served from /sw.js so its scope is the whole page; only secure origins (https, localhost) have workers.
    // Installing fetches and caches the page's files: not while the page is still putting up its first board.
    if ('serviceWorker' in navigator) afterLoad(WORKER_DELAY_MS, () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
    // The socket turning live is the sign the server can be reached (connectionChanged); the browser's
    // own 'online' can come before the network really carries anything. The timer covers a network
    // that lets HTTP through but not websockets.
    setInterval(() => {
      if (navigator.onLine !== false && this.outbox.waiting > 0) this.sendNow();
    }, FLUSH_MS);
  }

  sendNow(): void {
    void this.outbox.flush();
  }

  connectionChanged(state: ConnectionState): void {
    if (state === 'live') this.sendNow();
  }

  /**
   * Whether sign-out may go on: queued enrolments hold workers' names and phones, so with some waiting
   * the person is asked first (told how many); agreed, they are dropped at sign-out (forget).
   */
  mayForget(lang: Lang): boolean {
    const waiting = this.outbox.enrolments;
    const question = waiting === 1 ? t(lang, 'signOutEnrolmentOne') : t(lang, 'signOutEnrolments', { count: waiting });
    this.dropEnrolments = waiting > 0 && confirm(question);
    return waiting === 0 || this.dropEnrolments;
  }

  /** Sign-out: what this person kept (boards, agreed enrolments; the rest of their queue stays, tied to them, never sent as another). */
  async forget(): Promise<void> {
    await Promise.all([this.boards.forget(), this.dropEnrolments ? this.outbox.dropEnrolments() : undefined]);
  }
}

import { boardPath } from './boardPath';
import { BOARDS_CACHE, readKey, SAVED_AT_HEADER } from './offlineNames';

/** A board is written at most this often: live patches can come many times a second. */
const WRITE_MS = 500;
/**
 * And no sooner than this many times as long as the last write took: a 5,000-card board takes a
 * phone a second or more to write, which must not keep it busy while patches flow (issue 14).
 */
const WRITE_SPACING = 10;
const FIRST_WRITE_MS = 2_000;

/**
 * Keeps the last state of each board the page showed in the cache its service worker answers from
 * when offline (sw/sw.ts), stamped with the time it was current, so that the page opens offline on
 * what the person last saw, "as of" then. Cache Storage exists only on secure origins (https,
 * localhost): elsewhere this does nothing.
 */
export class BoardCache {
  private readonly due = new Map<string, { data: unknown; position: string }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The first write waits until the page has shown its boards (going offline or away writes at once). */
  private wait = FIRST_WRITE_MS;

  constructor() {
    // Going offline or away is when the copy will be needed: write what is due at once.
    const now = () => {
      if (this.due.size > 0) void this.write();
    };
    addEventListener('offline', now);
    addEventListener('pagehide', now);
  }

  keep(key: string, position: string, data: unknown): void {
    if (typeof caches === 'undefined') return;
    this.due.set(key, { data, position });
    this.timer ??= setTimeout(() => void this.write(), this.wait);
  }

  /** Sign-out: the next person on this browser must not open on this one's boards. */
  async forget(): Promise<void> {
    this.due.clear();
    if (typeof caches !== 'undefined') await caches.delete(BOARDS_CACHE).catch(() => false);
  }

  private async write(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const started = performance.now();
    // Written out before anything is awaited: a board's cards are patched in place (patchBoard), so a
    // copy taken later could hold cards newer than the position it is saved at.
    const due = [...this.due].map(([key, { data, position }]) => ({
      key,
      body: JSON.stringify(typeof data === 'object' && data !== null ? { ...data, position } : data),
    }));
    this.due.clear();
    try {
      const cache = await caches.open(BOARDS_CACHE);
      const at = new Date().toISOString();
      for (const { key, body } of due) {
        const headers = { 'Content-Type': 'application/json', [SAVED_AT_HEADER]: at };
        await cache.put(readKey(new URL(boardPath(key), location.href)), new Response(body, { headers }));
      }
    } catch {
      // A full or refused cache: the page works on, it only opens offline on an older copy.
    }
    this.wait = Math.max(WRITE_MS, WRITE_SPACING * (performance.now() - started));
  }
}

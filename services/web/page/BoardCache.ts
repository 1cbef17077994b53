import { boardPath } from './boardPath';
import { BOARDS_CACHE, readKey, SAVED_AT_HEADER } from './offlineNames';

/** A board is written at most this often: live patches can come many times a second. */
const WRITE_MS = 500;

/**
 * Keeps the last state of each board the page showed in the cache its service worker answers from
 * when offline (sw/sw.ts), stamped with the time it was current, so that the page opens offline on
 * what the person last saw, "as of" then. Cache Storage exists only on secure origins (https,
 * localhost): elsewhere this does nothing.
 */
export class BoardCache {
  private readonly due = new Map<string, { data: unknown; position: string }>();
  private timer: ReturnType<typeof setTimeout> | undefined;

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
    this.timer ??= setTimeout(() => void this.write(), WRITE_MS);
  }

  /** Sign-out: the next person on this browser must not open on this one's boards. */
  async forget(): Promise<void> {
    this.due.clear();
    if (typeof caches !== 'undefined') await caches.delete(BOARDS_CACHE).catch(() => false);
  }

  private async write(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const due = [...this.due];
    this.due.clear();
    try {
      const cache = await caches.open(BOARDS_CACHE);
      const at = new Date().toISOString();
      for (const [key, { data, position }] of due) {
        const body = JSON.stringify(typeof data === 'object' && data !== null ? { ...data, position } : data);
        const headers = { 'Content-Type': 'application/json', [SAVED_AT_HEADER]: at };
        await cache.put(readKey(new URL(boardPath(key), location.href)), new Response(body, { headers }));
      }
    } catch {
      // A full or refused cache: the page works on, it only opens offline on an older copy.
    }
  }
}

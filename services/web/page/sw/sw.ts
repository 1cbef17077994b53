/**
 * The page's service worker (served as /sw.js, scope /): the page opens offline once it has been
 * opened. Page files and reads are network-first (the files are not fingerprinted, and a board must
 * be fresh whenever it can be); without a network the last copy answers. Board copies are written by
 * the page itself (BoardCache), so they hold the last state it showed, live patches included, and
 * carry the time it was current. Commands (POST) are never touched: the page's outbox owns them.
 */
import { BOARDS_CACHE, FILES_CACHE, PAGE_FILES, readKey } from '../offlineNames';

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
}

const scope = self as unknown as WorkerScope;
const KNOWN = new Set([FILES_CACHE, BOARDS_CACHE]);

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(FILES_CACHE)
      .then((cache) => cache.addAll(PAGE_FILES))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => !KNOWN.has(name)).map((name) => caches.delete(name))))
      .then(() => scope.clients.claim()),
  );
});

/** Network first; on a network failure, the copy kept under `key` (else the failure stands). */
async function networkFirst(request: Request, cacheName: string, key: string, keepFresh: boolean): Promise<Response> {
  try {
    const response = await fetch(request);
    if (keepFresh && response.ok) {
      const copy = response.clone();
      void caches.open(cacheName).then((cache) => cache.put(key, copy));
    }
    return response;
  } catch (error) {
    const kept = await caches.open(cacheName).then((cache) => cache.match(key, { ignoreVary: true }));
    if (kept) return kept;
    throw error;
  }
}

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;
  if (request.mode === 'navigate' || PAGE_FILES.includes(url.pathname)) {
    const path = request.mode === 'navigate' ? '/' : url.pathname;
    event.respondWith(networkFirst(request, FILES_CACHE, new URL(path, url).href, true));
  } else if (url.pathname.startsWith('/api/boards/') || /^\/api\/drives\/[^/]+\/board$/.test(url.pathname)) {
    // A drive's board too: a field worker enrols offline from the districts it lists.
    event.respondWith(networkFirst(request, BOARDS_CACHE, readKey(url), false));
  } else if (url.pathname === '/api/wings' || url.pathname === '/api/units' || url.pathname === '/api/drives') {
    // The drive list is no live board the page keeps a copy of: the worker keeps the last one it fetched.
    event.respondWith(networkFirst(request, BOARDS_CACHE, readKey(url), true));
  }
});

/**
 * Names the page and its service worker (sw/sw.ts) share. Bump FILES_CACHE when the list of the
 * page's files changes; the worker drops caches it does not know.
 */
export const FILES_CACHE = 'tayari-files-v1';
/** The last state of each board the page showed, written by the page, read by the worker when offline. */
export const BOARDS_CACHE = 'tayari-boards-v1';
/** The page's own files, as the server serves them (SPEC: the page loads offline once it has been opened). */
export const PAGE_FILES = ['/', '/app.js', '/styles.css', '/forms.css', '/print.css'];
/** Set on an answer given from a cache: when the state it holds was current (ISO). */
export const SAVED_AT_HEADER = 'X-Tayari-Saved-At';

/** The cache key of a read: its URL without `minPosition` (a wait, not a different board). */
export function readKey(url: URL): string {
  const key = new URL(url.href);
  key.searchParams.delete('minPosition');
  key.hash = '';
  return key.href;
}

/**
 * The boards each watcher subscribes to: every one watches the readiness board, and every `every`-th
 * one also watches a programme board (programmes taken in turn), as an in-charge's screen would.
 */
export function liveBoards(watchers: number, programmes: string[], every: number): string[][] {
  return Array.from({ length: watchers }, (_, i) =>
    every > 0 && i % every === 0 && programmes.length > 0 ? ['readiness', `programme:${programmes[(i / every) % programmes.length]}`] : ['readiness'],
  );
}

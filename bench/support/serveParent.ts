import type { Tagged } from './BenchChild';

/**
 * The child's side of BenchChild: handles each request from the bench in turn, reports a failure as
 * an `error` message (the bench then stops waiting), and exits when the bench disconnects.
 */
export function serveParent<In extends Tagged, Out extends Tagged>(handle: (message: In, reply: (message: Out) => void) => Promise<void> | void): void {
  if (!process.send) throw new Error('this file is a bench child: run it through bench/dist/run.js');
  const reply = (message: Out | { type: 'error'; message: string }) => void process.send?.(message);
  let queue = Promise.resolve();
  process.on('message', (message: In) => {
    queue = queue.then(async () => {
      try {
        await handle(message, reply);
      } catch (error) {
        reply({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    });
  });
  process.once('disconnect', () => process.exit(0));
}

import { StoreUnavailable } from '../../common/errors';

/** A streaming read of the client: iterable, and cancellable (which ends its gRPC call). */
export interface CancellableRead<T> extends AsyncIterable<T> {
  cancel(): Promise<void>;
  destroy(error?: Error): unknown;
}

/**
 * Every item of `read`, or StoreUnavailable once `deadlineMs` has passed. Client 6.x passes
 * `deadline: Infinity` to its reads whatever the options say, so a server that stalls would hang a
 * command for ever; past the deadline the read is cancelled and its late errors are ignored.
 */
export async function collectWithin<T>(read: CancellableRead<T>, deadlineMs: number, what: string): Promise<T[]> {
  const items: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  const reading = (async () => {
    for await (const item of read) items.push(item);
    return items;
  })();
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      read.cancel().catch(() => undefined);
      read.destroy();
      reject(new StoreUnavailable(`EventStoreDB did not answer ${what} within ${deadlineMs} ms`));
    }, deadlineMs);
  });
  // The loser of the race must not become an unhandled rejection.
  reading.catch(() => undefined);
  late.catch(() => undefined);
  try {
    return await Promise.race([reading, late]);
  } finally {
    clearTimeout(timer);
  }
}

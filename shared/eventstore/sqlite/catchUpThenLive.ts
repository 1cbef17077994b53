import { Observable, type Subject } from 'rxjs';
import type { Position, RecordedEvent } from '../EventStore';

export interface CatchUpSource {
  /** Stored events after `after` (exclusive; from the start when undefined), at most `limit`. */
  readPage(after: Position | undefined, limit: number): RecordedEvent[];
  /** Emits every event right after its commit, in position order. */
  live: Subject<RecordedEvent>;
  comparePositions(a: Position, b: Position): number;
  pageSize: number;
}

/**
 * A cold `$all` subscription: reads history in pages after `after`, then follows live commits.
 * The live feed is subscribed FIRST and buffered while catching up, so an event committed during the
 * catch-up is either read or buffered (no gap); after the last page, the buffer is drained keeping
 * only positions past the last one emitted (no duplicate), and the same filter guards live events.
 */
export function catchUpThenLive(source: CatchUpSource, after: Position | undefined): Observable<RecordedEvent> {
  return new Observable<RecordedEvent>((subscriber) => {
    let last = after;
    let buffer: RecordedEvent[] | undefined = [];
    const isNew = (event: RecordedEvent): boolean => last === undefined || source.comparePositions(event.position, last) > 0;
    const emit = (event: RecordedEvent): void => {
      if (!isNew(event)) return;
      last = event.position;
      subscriber.next(event);
    };

    const liveSubscription = source.live.subscribe({
      next: (event) => {
        if (buffer) buffer.push(event);
        else emit(event);
      },
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    });

    const catchUp = async (): Promise<void> => {
      for (;;) {
        if (subscriber.closed) return;
        const page = source.readPage(last, source.pageSize);
        for (const event of page) {
          if (subscriber.closed) return;
          emit(event);
        }
        if (page.length < source.pageSize) break;
        // Let the event loop breathe between pages of a long history.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      // Same synchronous run as the last read: nothing can be emitted live in between.
      const buffered = buffer ?? [];
      buffer = undefined;
      for (const event of buffered) {
        if (subscriber.closed) return;
        emit(event);
      }
    };
    catchUp().catch((error: unknown) => subscriber.error(error));

    return () => liveSubscription.unsubscribe();
  });
}

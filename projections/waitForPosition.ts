import type { Observable, Subscription } from 'rxjs';

/**
 * Resolves true once `positions$` emits a position that `reached` accepts, false after `timeoutMs`
 * or when the stream completes (the models stopped). A BehaviorSubject answers at once when its
 * current position is already there.
 */
export function waitForPosition<P>(positions$: Observable<P>, reached: (position: P) => boolean, timeoutMs: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    let settled = false;
    let subscription: Subscription | undefined;
    const done = (value: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      subscription?.unsubscribe();
      resolve(value);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    subscription = positions$.subscribe({ next: (position) => reached(position) && done(true), complete: () => done(false) });
    // A synchronous first emission settled it before `subscription` was assigned.
    if (settled) subscription.unsubscribe();
  });
}

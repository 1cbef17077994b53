/**
 * The scheduling of group commit, for whatever is committed: work asked in one macrotask, or while a
 * commit is in flight, is taken by ONE `commit` call; commits never overlap, and one follows as long
 * as work is left (`hasWork`). The owner keeps the work and takes a batch of it in `commit`.
 */
export class GroupCommit {
  private committing = false;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly commit: () => Promise<void>,
    private readonly hasWork: () => boolean,
  ) {}

  /** Asks for a commit of the work queued so far (and of what this macrotask adds yet). */
  schedule(): void {
    if (this.scheduled || this.committing) return;
    this.scheduled = true;
    // setImmediate, not a microtask: every piece of work asked in this macrotask joins the batch.
    setImmediate(() => {
      this.scheduled = false;
      this.committing = true;
      // `commit` settles its own batch (its callers' promises), failures too: a rejection here is a bug.
      void this.commit()
        .catch((error: unknown) =>
          queueMicrotask(() => {
            throw error;
          }),
        )
        .finally(() => {
          this.committing = false;
          if (this.hasWork()) this.schedule();
          else this.wakeIdle();
        });
    });
  }

  /** Resolves when nothing is queued or being committed. */
  idle(): Promise<void> {
    if (!this.committing && !this.scheduled && !this.hasWork()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private wakeIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }
}

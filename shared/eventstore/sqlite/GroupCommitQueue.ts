import { GroupCommit } from '../../common/GroupCommit';
import type { BatchWriter } from './BatchWriter';
import { errorOf } from './errorOf';
import type { AppendOutcome, AppendRequest } from './writerProtocol';

/** An append waiting for its batch. */
export interface QueuedAppend {
  request: AppendRequest;
  resolve: (outcome: AppendOutcome & { ok: true }) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitStats {
  /** Transactions committed. */
  transactions: number;
  /** Appends that went through a committed transaction (succeeded or refused). */
  appends: number;
  /** The most appends one transaction held. */
  largestBatch: number;
}

/**
 * Group commit of appends (scheduled by GroupCommit): appends that arrive together (in the same
 * macrotask, or while a transaction is in flight) are written in ONE transaction. Each append is settled only after that transaction
 * committed; `onCommitted` runs first, in commit order (it feeds the live subscriptions).
 */
export class GroupCommitQueue {
  private pending: QueuedAppend[] = [];
  private readonly commits = new GroupCommit(
    () => this.flush(),
    () => this.pending.length > 0,
  );
  private readonly counters: GroupCommitStats = { transactions: 0, appends: 0, largestBatch: 0 };

  constructor(
    private readonly writer: BatchWriter,
    private readonly onCommitted: (batch: AppendRequest[], outcomes: AppendOutcome[]) => void,
    private readonly maxBatch = 500,
  ) {}

  enqueue(append: QueuedAppend): void {
    this.pending.push(append);
    this.commits.schedule();
  }

  stats(): GroupCommitStats {
    return { ...this.counters };
  }

  /** Resolves when nothing is queued or in flight. */
  idle(): Promise<void> {
    return this.commits.idle();
  }

  private async flush(): Promise<void> {
    const batch = this.pending.splice(0, this.maxBatch);
    const requests = batch.map((append) => append.request);
    let outcomes: AppendOutcome[];
    try {
      outcomes = await this.writer.commit(requests);
    } catch (error) {
      for (const append of batch) append.reject(error);
      return;
    }
    this.counters.transactions += 1;
    this.counters.appends += batch.length;
    this.counters.largestBatch = Math.max(this.counters.largestBatch, batch.length);
    try {
      this.onCommitted(requests, outcomes);
    } catch (error) {
      // A listener's fault must not keep committed appends from being acknowledged.
      queueMicrotask(() => {
        throw error;
      });
    }
    batch.forEach((append, i) => {
      const outcome = outcomes[i];
      if (outcome === undefined) append.reject(new Error(`the writer answered ${outcomes.length} outcomes for a batch of ${batch.length}`));
      else if (outcome.ok) append.resolve(outcome);
      else append.reject(errorOf(outcome.error));
    });
  }
}

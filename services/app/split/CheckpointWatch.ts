import type { CheckpointRetry } from '@tayari/shared/readstore/mongo/watchCheckpoints';

/** How the checkpoints' change stream stands, for `/api/health`. */
export interface CheckpointWatchStatus {
  state: 'starting' | 'watching' | 'retrying';
  /** While retrying: the failure, and how many in a row. */
  error?: string;
  attempt?: number;
}

/**
 * Follows a watchCheckpoints subscription (its `onState` and `onRetry`) so that health can say when
 * the process is not learning of the projector's commits: a dropped or refused change stream used
 * to leave health at 200 while the boards went stale.
 */
export class CheckpointWatch {
  private current: CheckpointWatchStatus = { state: 'starting' };

  readonly onState = (state: 'watching' | 'retrying'): void => {
    this.current = state === 'watching' ? { state } : { ...this.current, state };
  };

  readonly onRetry = (retry: CheckpointRetry): void => {
    const error = retry.error instanceof Error ? `${retry.error.name}: ${retry.error.message}` : String(retry.error);
    this.current = { state: 'retrying', error, attempt: retry.attempt };
  };

  status(): CheckpointWatchStatus {
    return this.current;
  }

  /** A problem for health while the stream is being re-opened, else undefined. */
  problem(): string | undefined {
    const { state, error, attempt } = this.current;
    return state === 'retrying' ? `the checkpoint change stream is being re-opened (attempt ${attempt ?? 1}): ${error ?? 'unknown error'}` : undefined;
  }
}

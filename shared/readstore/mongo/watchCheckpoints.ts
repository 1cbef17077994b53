import type { ChangeStream, ChangeStreamOptions, Collection, MongoClient, ResumeToken, Timestamp } from 'mongodb';
import { asyncScheduler, Observable, type SchedulerLike, type Subscription } from 'rxjs';
import type { CheckpointRow } from './MongoRows';
import { checkpointChangeOf, endsChangeStream, type CheckpointPosition } from './checkpointChangeOf';
import { ChangeStreamEnded } from './ChangeStreamEnded';
import { resumeTokenUnusable } from './resumeTokenUnusable';

export interface CheckpointSource {
  client: MongoClient;
  checkpoints: Collection<CheckpointRow>;
}

export interface CheckpointRetry {
  /** Failures in a row, from 1. */
  attempt: number;
  delayMs: number;
  error: unknown;
}

export interface WatchCheckpointsOptions {
  /** First wait after a failure; doubles on each failure in a row. Default 100 ms. */
  initialDelayMs?: number;
  /** Longest wait between attempts. Default 5 s. */
  maxDelayMs?: number;
  /** Told of each failure before its wait (logs, metrics). Failures are never sent as errors. */
  onRetry?: (retry: CheckpointRetry) => void;
  /** Where the waits are scheduled; tests may pass a virtual-time scheduler. */
  scheduler?: SchedulerLike;
  /** Told when the watcher starts following the stream (`watching`) and when it waits to retry (`retrying`). */
  onState?: (state: 'watching' | 'retrying') => void;
}

/**
 * Deletes (a rebuild clearing the store) carry no position; filtering them server-side saves the
 * trip. The events that end the stream must come through: filtered out, the watcher would never
 * learn that its collection was dropped and would wait on a dead stream with a useless token.
 */
const PIPELINE = [{ $match: { operationType: { $in: ['insert', 'replace', 'update', 'invalidate', 'drop', 'rename', 'dropDatabase'] } } }];

/**
 * The checkpoints the projector commits, as they are committed, from a MongoDB change stream on the
 * checkpoints collection (replica set required): how a separate live gateway learns that models
 * changed, with no polling. Every checkpoint row is written in the same transaction as the models it
 * describes, so a position seen here is readable from the models.
 *
 * On subscribe it first emits every stored checkpoint, then each committed change. No commit is
 * missed between the two: the change stream starts at the cluster time of that first read
 * (`startAtOperationTime`, inclusive, so a checkpoint may come twice; positions only move forward).
 * After an error it waits (exponential backoff) and resumes after the last change seen (the resume
 * token, which also advances while idle); when the token cannot be used any more (the oplog moved on,
 * the server refuses the token, or the collection or database was dropped or renamed, which ends the
 * stream) it starts over with a fresh read, so again nothing is missed.
 * `onState` tells whether it is following the stream or retrying, for health.
 *
 * Cold; never errors and never completes by itself; unsubscribing closes the change stream and any wait.
 */
export function watchCheckpoints(source: CheckpointSource, options: WatchCheckpointsOptions = {}): Observable<CheckpointPosition> {
  const { initialDelayMs = 100, maxDelayMs = 5000, onRetry, onState, scheduler = asyncScheduler } = options;

  return new Observable<CheckpointPosition>((subscriber) => {
    let stopped = false;
    let token: ResumeToken | undefined;
    let failures = 0;
    let stream: ChangeStream<CheckpointRow> | undefined;
    let wait: Subscription | undefined;

    const emit = (checkpoint: CheckpointPosition) => {
      if (!stopped) subscriber.next(checkpoint);
    };

    /** Emits every checkpoint; answers the cluster time the read saw, to watch from. */
    const readAll = async (): Promise<Timestamp | undefined> => {
      const session = source.client.startSession({ causalConsistency: true });
      try {
        const rows = await source.checkpoints.find({}, { session, sort: { _id: 1 } }).toArray();
        for (const row of rows) emit({ name: row._id, position: row.position });
        return session.operationTime;
      } finally {
        await session.endSession();
      }
    };

    /** One attempt: (re)open the change stream and follow it until it fails. Never resolves otherwise. */
    const follow = async (): Promise<void> => {
      const streamOptions: ChangeStreamOptions = { fullDocument: 'updateLookup' };
      if (token === undefined) {
        const from = await readAll();
        failures = 0; // the server answered
        // Replica sets always answer an operationTime; without one we can only start "now".
        if (from !== undefined) streamOptions.startAtOperationTime = from;
      } else {
        streamOptions.resumeAfter = token;
      }
      if (stopped) return;
      const current = source.checkpoints.watch(PIPELINE, streamOptions);
      stream = current;
      let ended = false;
      // Fired on every batch the server answers, events or not: keeps the token fresh while idle.
      current.on('resumeTokenChanged', (next: ResumeToken) => {
        if (ended || next === null || next === undefined) return;
        token = next;
        failures = 0;
      });
      onState?.('watching');
      for await (const change of current) {
        if (endsChangeStream(change)) {
          // Dropped or renamed: this stream is over and its token is useless; start over afresh.
          ended = true;
          token = undefined;
          await current.close().catch(() => undefined);
          throw new ChangeStreamEnded(change.operationType);
        }
        const checkpoint = checkpointChangeOf(change);
        if (checkpoint !== undefined) emit(checkpoint);
      }
      throw new Error('checkpoint change stream closed');
    };

    const attempt = () => {
      wait = undefined;
      if (stopped) return;
      follow().then(
        () => undefined, // only when unsubscribed
        (error: unknown) => {
          stream = undefined;
          if (stopped) return;
          if (resumeTokenUnusable(error)) token = undefined;
          onState?.('retrying');
          const delayMs = Math.min(maxDelayMs, initialDelayMs * 2 ** failures);
          failures += 1;
          onRetry?.({ attempt: failures, delayMs, error });
          if (!stopped) wait = scheduler.schedule(attempt, delayMs);
        },
      );
    };

    attempt();
    return () => {
      stopped = true;
      wait?.unsubscribe();
      // Ends the pending iteration; its rejection is ignored since `stopped` is set.
      stream?.close().catch(() => undefined);
    };
  });
}

import type { SchedulerLike } from 'rxjs';
import type { Clock } from '../../common/clock';

/** The knobs of EsdbEventStore, with their defaults. */
export interface EsdbEventStoreOptions {
  /**
   * Streams that $all readers see (readAll, subscribeAll, headPosition). Default: our aggregates'
   * STREAM_PREFIXES; tests add the prefix of their own streams.
   */
  streamPrefixes?: readonly string[];
  /** Waits between resubscriptions of subscribeAll: 100 ms doubling up to 5 s by default. */
  backoff?: { initialDelayMs?: number | undefined; maxDelayMs?: number | undefined } | undefined;
  /** Where those waits are scheduled (tests: a virtual-time scheduler). */
  scheduler?: SchedulerLike;
  /** Clock of the idempotency store (whether an earlier record of a key has expired). */
  clock?: Clock;
  /**
   * How long one read may take before it fails with StoreUnavailable; 10 000 ms by default (the
   * client's own deadline for appends). Client 6.x gives reads no deadline at all.
   */
  readDeadlineMs?: number;
  /** `$maxAge` of idempotency streams; one day by default. */
  idempotencyMaxAgeSeconds?: number;
  /**
   * Told when the events of a command were appended but its idempotency record could not be
   * written. The append still succeeds (the events are committed); by default this warns.
   */
  onIdempotencyWriteFailed?: (error: unknown, key: string) => void;
}

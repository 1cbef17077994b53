import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  type AppendResult as EsdbAppendResult,
  type Position as EsdbPosition,
} from '@eventstore/db-client';
import { BehaviorSubject, Observable, Subject, takeUntil } from 'rxjs';
import { STREAM_PREFIXES } from '../../application/aggregates';
import { ConcurrencyError, StoreUnavailable } from '../../common/errors';
import type { AppendOptions, AppendResult, EventStore, EventToAppend, ExpectedVersion, Position, RecordedEvent } from '../EventStore';
import { alreadyAppended, RECENT_WINDOW } from './alreadyAppended';
import { checkConditions } from './checkConditions';
import { earlierAttempt } from '../earlierAttempt';
import { esdbAllSubscription } from './esdbAllSubscription';
import { EsdbHead } from './EsdbHead';
import type { EsdbEventStoreOptions } from './EsdbEventStoreOptions';
import { readAllPage, readStreamRange } from './esdbReads';
import { esdbConnectionString } from './esdbConnectionString';
import { esdbErrors } from './esdbErrors';
import { esdbPosition } from './esdbPosition';
import { EsdbIdempotencyStore } from './EsdbIdempotencyStore';
import { fromEsdbEvent } from './fromEsdbEvent';
import { isOwnEvent } from './isOwnEvent';
import { isRetryableSubscriptionError } from './isRetryableSubscriptionError';
import { resubscribing } from './resubscribing';
import type { SubscriptionStatus } from './SubscriptionStatus';
import { toEsdbEvent } from './toEsdbEvent';
import { toExpectedRevision } from './toExpectedRevision';

/** Nothing precedes it in the log: the answer for "nothing appended to a stream without events". */
const ORIGIN: Position = esdbPosition.encode({ commit: 0n, prepare: 0n });
/** $all reads carry no server-side filter in client 6.x: read pages and filter here. */
const MAX_PAGE = 4096;
/** The client's own deadline for appends; reads get the same (the client gives them none). */
const READ_DEADLINE_MS = 10_000;

/**
 * The EventStore port on EventStoreDB / KurrentDB (gRPC client 6.x).
 *
 * - Versions: ours is the count of events, the server's revision the 0-based number of the last
 *   event, so version = revision + 1 both ways (toExpectedRevision.ts).
 * - Positions: `{ commit, prepare }` bigints as a padded decimal string (esdbPosition.ts).
 * - $all holds server events and other applications' streams: reads and the subscription keep only
 *   our aggregate streams (STREAM_PREFIXES unless `streamPrefixes` says otherwise), without `$` types.
 * - Appends always name an expected revision (the client's default, ANY, would also weaken its
 *   idempotency by event id), and a conflict or timeout is checked against the stream before it is
 *   reported: if these very events are already there, the append happened.
 * - The client never resubscribes after a drop; subscribeAll does, with backoff, from the last
 *   event it delivered (after an error it may pass, an end or a close), and reports how it stands
 *   in `status$`.
 * - Every read has a deadline (`readDeadlineMs`): past it, StoreUnavailable (503 at the HTTP edge).
 * - A keyed command (one with an idempotency record) first looks for an earlier attempt's events in
 *   the stream and answers from them, whether or not that attempt's record was written.
 * - headPosition reads a bounded part of $all (EsdbHead.ts).
 */
export class EsdbEventStore implements EventStore {
  readonly kind = 'eventstoredb';
  readonly idempotency: EsdbIdempotencyStore;

  private readonly client: EventStoreDBClient;
  private readonly prefixes: readonly string[];
  private readonly statusSubject = new BehaviorSubject<SubscriptionStatus>({ state: 'idle' });
  /** How subscribeAll stands (the latest change of any active subscription), for /api/health. */
  readonly status$: Observable<SubscriptionStatus> = this.statusSubject.asObservable();
  private readonly closed$ = new Subject<void>();
  private activeSubscriptions = 0;
  private closed = false;
  private readonly head = new EsdbHead();
  private readonly deadlineMs: number;

  /** `connection`: an `esdb://` or `kurrentdb://` connection string, or a client to share. */
  constructor(
    connection: string | EventStoreDBClient,
    private readonly options: EsdbEventStoreOptions = {},
  ) {
    this.client = typeof connection === 'string' ? EventStoreDBClient.connectionString(esdbConnectionString(connection)) : connection;
    this.prefixes = options.streamPrefixes ?? STREAM_PREFIXES;
    this.deadlineMs = options.readDeadlineMs ?? READ_DEADLINE_MS;
    this.idempotency = new EsdbIdempotencyStore(this.client, {
      clock: options.clock,
      maxAgeSeconds: options.idempotencyMaxAgeSeconds,
      readDeadlineMs: this.deadlineMs,
    });
  }

  get status(): SubscriptionStatus {
    return this.statusSubject.value;
  }

  async append(streamId: string, events: EventToAppend[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult> {
    const earlier = options?.idempotency ? await this.earlierAttempt(streamId, events, expected) : undefined;
    if (!earlier && options?.conditions?.length) await checkConditions(options.conditions, (id) => this.lastEvent(id));
    const result = earlier ?? (events.length === 0 ? await this.appendNothing(streamId, expected) : await this.appendEvents(streamId, events, expected));
    if (options?.idempotency) {
      const { answer, ...record } = options.idempotency;
      // Not in the events' transaction (EventStoreDB has none across streams). If this write is
      // lost, a retry of the command finds no record and runs again, usually at a newer version
      // where the server would not recognise its event ids: earlierAttempt above finds the first
      // attempt's events and answers from them instead. The events are committed, so the command
      // succeeded; a failed record is only reported.
      try {
        await this.idempotency.put({ ...record, body: { ...answer, version: result.version, position: result.position } });
      } catch (error) {
        (this.options.onIdempotencyWriteFailed ?? warnIdempotencyWriteFailed)(error, record.key);
      }
    }
    return result;
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return readStreamRange(this.client, streamId, START, FORWARDS, undefined, this.deadlineMs);
  }

  async readAll(after: Position | undefined, limit: number): Promise<RecordedEvent[]> {
    if (limit <= 0) return [];
    // Forward reads include the event at fromPosition; skipping everything up to the cursor makes
    // `after` exclusive and lets each page start at the last event of the previous one.
    let cursor = after === undefined ? undefined : esdbPosition.decode(after);
    const pageSize = Math.min(Math.max(limit + 1, 64), MAX_PAGE);
    const found: RecordedEvent[] = [];
    for (;;) {
      const page = await readAllPage(this.client, cursor ?? START, FORWARDS, pageSize, this.deadlineMs);
      for (const event of page) {
        if (cursor && esdbPosition.order(event.position, cursor) <= 0) continue;
        cursor = event.position;
        if (!isOwnEvent(event.streamId, event.type, this.prefixes)) continue;
        found.push(fromEsdbEvent(event));
        if (found.length === limit) return found;
      }
      if (page.length < pageSize) return found;
    }
  }

  subscribeAll(after: Position | undefined): Observable<RecordedEvent> {
    const { backoff = {}, scheduler } = this.options;
    const items = resubscribing<RecordedEvent>((from) => esdbAllSubscription(this.client, from, this.prefixes), after, {
      positionOf: (event) => event.position,
      initialDelayMs: backoff.initialDelayMs,
      maxDelayMs: backoff.maxDelayMs,
      scheduler,
      isRetryable: isRetryableSubscriptionError,
    });
    return new Observable<RecordedEvent>((subscriber) => {
      if (this.closed) {
        subscriber.error(new Error('EsdbEventStore is closed'));
        return;
      }
      this.activeSubscriptions += 1;
      const subscription = items.pipe(takeUntil(this.closed$)).subscribe({
        next: (item) => {
          if (item.kind === 'status') this.statusSubject.next(item.status);
          else {
            this.head.observe(esdbPosition.decode(item.event.position));
            subscriber.next(item.event);
          }
        },
        error: (error) => subscriber.error(esdbErrors(error)),
        complete: () => subscriber.complete(),
      });
      return () => {
        subscription.unsubscribe();
        this.activeSubscriptions -= 1;
        if (this.activeSubscriptions === 0) this.statusSubject.next({ state: 'idle' });
      };
    });
  }

  async headPosition(): Promise<Position | undefined> {
    const head = await this.head.read(async (from: EsdbPosition | undefined, count) => {
      const page = await readAllPage(this.client, from ?? END, BACKWARDS, count, this.deadlineMs);
      return page.map((event) => ({ position: event.position, own: isOwnEvent(event.streamId, event.type, this.prefixes) }));
    });
    return head === undefined ? undefined : esdbPosition.encode(head);
  }

  comparePositions(a: Position, b: Position): number {
    return esdbPosition.compare(a, b);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closed$.next();
    this.closed$.complete();
    await this.client.dispose();
  }

  private async appendEvents(streamId: string, events: EventToAppend[], expected: ExpectedVersion): Promise<AppendResult> {
    let result: EsdbAppendResult;
    try {
      result = await this.client.appendToStream(streamId, events.map(toEsdbEvent), {
        expectedRevision: toExpectedRevision(expected),
      });
    } catch (error) {
      const mapped = esdbErrors(error, { expected });
      if (mapped instanceof ConcurrencyError || mapped instanceof StoreUnavailable) {
        // The server's own check by event id has gaps: a retry racing the original before that one
        // is replicated is dropped unanswered (it times out), and a write that timed out here may
        // have been committed. If these very events sit where they were meant to go, the append
        // happened: answer it like the first one.
        const already = await alreadyAppended(this.client, streamId, events, expected, this.deadlineMs).catch(() => undefined);
        if (already) return already;
      }
      throw mapped;
    }
    if (!result.success) {
      // Only with `throwOnAppendFailure=false` in the connection string; the client's revision in
      // that answer is unreliable (batch append reports a boolean), so ask the stream itself.
      const last = await this.lastEvent(streamId);
      throw new ConcurrencyError(streamId, String(expected), versionName(last));
    }
    const version = Number(result.nextExpectedRevision) + 1;
    if (result.position) {
      this.head.observe(result.position);
      return { version, position: esdbPosition.encode(result.position) };
    }
    // A retry the server recognised by event ids answers with the first write's revision but (on
    // many server versions) no position: take it from that write's last event.
    const last = await this.eventAt(streamId, result.nextExpectedRevision);
    if (!last) throw new Error(`EventStoreDB acknowledged ${streamId}@${result.nextExpectedRevision} but it cannot be read`);
    return { version, position: last.position };
  }

  /**
   * An earlier attempt of this keyed command already in the stream (earlierAttempt.ts). A stream
   * that must not exist yet cannot hold one: then the append itself finds out (a conflict, checked
   * by alreadyAppended).
   */
  private async earlierAttempt(streamId: string, events: EventToAppend[], expected: ExpectedVersion): Promise<AppendResult | undefined> {
    if (events.length === 0 || expected === 'no_stream' || expected === 0) return undefined;
    return earlierAttempt(await readStreamRange(this.client, streamId, END, BACKWARDS, RECENT_WINDOW, this.deadlineMs), events);
  }

  /** Appending nothing still answers the port's question: is the stream where the caller thinks? */
  private async appendNothing(streamId: string, expected: ExpectedVersion): Promise<AppendResult> {
    const last = await this.lastEvent(streamId);
    const version = last?.version ?? 0;
    const matches = expected === 'any' || (expected === 'no_stream' && version === 0) || (expected === 'stream_exists' && version > 0) || expected === version;
    if (!matches) throw new ConcurrencyError(streamId, String(expected), versionName(last));
    return { version, position: last?.position ?? ORIGIN };
  }

  private async lastEvent(streamId: string): Promise<RecordedEvent | undefined> {
    return (await readStreamRange(this.client, streamId, END, BACKWARDS, 1, this.deadlineMs))[0];
  }

  private async eventAt(streamId: string, revision: bigint): Promise<RecordedEvent | undefined> {
    return (await readStreamRange(this.client, streamId, revision, FORWARDS, 1, this.deadlineMs))[0];
  }
}

/** A stream's version for ConcurrencyError: "no_stream" when it has no events, as other adapters say. */
function versionName(last: RecordedEvent | undefined): string {
  return last ? String(last.version) : 'no_stream';
}

function warnIdempotencyWriteFailed(error: unknown, key: string): void {
  console.warn(`idempotency record for ${key} not written; a retry will run the command again`, error);
}

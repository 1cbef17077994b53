import { createHash } from 'node:crypto';
import {
  BACKWARDS,
  END,
  jsonEvent,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { z } from 'zod';
import { systemClock, type Clock } from '../../common/clock';
import { eventId } from '../eventId';
import type { IdempotencyRecord, IdempotencyStore } from '../EventStore';
import { collectWithin } from './collectWithin';
import { esdbErrors } from './esdbErrors';

const RECORD_TYPE = 'IdempotencyRecorded';
const DAY_SECONDS = 24 * 60 * 60;

const RecordSchema = z.object({
  key: z.string(),
  requestHash: z.string(),
  status: z.number().int(),
  body: z.unknown(),
  expiresAt: z.string(),
});

/** Keys are caller-scoped free text; a hash makes them a safe, fixed-length stream name. */
function streamOf(key: string): string {
  return `idempotency-${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * Idempotency records for EventStoreDB mode: one stream per key, whose newest event is the record.
 * The first writer wins (append expects NO_STREAM). `$maxAge` lets the server drop records after a
 * day; `expiresAt` is checked on read as well, since the server hides aged-out events only lazily.
 * The streams are not among our aggregate prefixes, so $all readers never see them.
 */
export class EsdbIdempotencyStore implements IdempotencyStore {
  private readonly clock: Clock;
  private readonly maxAgeSeconds: number;
  private readonly readDeadlineMs: number;

  constructor(
    private readonly client: EventStoreDBClient,
    options: { clock?: Clock | undefined; maxAgeSeconds?: number | undefined; readDeadlineMs?: number } = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.maxAgeSeconds = options.maxAgeSeconds ?? DAY_SECONDS;
    this.readDeadlineMs = options.readDeadlineMs ?? 10_000;
  }

  async get(key: string, now: Date): Promise<IdempotencyRecord | undefined> {
    const record = await this.newest(streamOf(key));
    if (!record || record.key !== key || Date.parse(record.expiresAt) <= now.getTime()) return undefined;
    return record;
  }

  async put(record: IdempotencyRecord): Promise<void> {
    const stream = streamOf(record.key);
    // Metadata first: a crash between the two writes then leaves no record that never expires.
    await this.setMaxAge(stream);
    try {
      await this.append(stream, record, NO_STREAM);
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw esdbErrors(error);
      const current = await this.newest(stream);
      if (current && Date.parse(current.expiresAt) > this.clock.now().getTime()) return; // first writer wins
      // The earlier use of this key has expired: this is a new one. Expecting the revision we saw
      // keeps "first writer wins" among concurrent writers of this new use.
      try {
        await this.append(stream, record, error.actualVersion);
      } catch (again) {
        if (!(again instanceof WrongExpectedVersionError)) throw esdbErrors(again);
      }
    }
  }

  private async append(stream: string, record: IdempotencyRecord, expectedRevision: AppendExpectedRevision): Promise<void> {
    const event = jsonEvent({
      // Deterministic, so that a timed-out put retried by the caller is recognised by the server.
      id: eventId(`idempotency:${record.key}:${record.expiresAt}`, 0),
      type: RECORD_TYPE,
      data: { key: record.key, requestHash: record.requestHash, status: record.status, body: record.body, expiresAt: record.expiresAt },
    });
    await this.client.appendToStream(stream, event, { expectedRevision });
  }

  private async setMaxAge(stream: string): Promise<void> {
    try {
      await this.client.setStreamMetadata(stream, { maxAge: this.maxAgeSeconds }, { expectedRevision: NO_STREAM });
    } catch (error) {
      // Already set by an earlier put for this key: the same value.
      if (!(error instanceof WrongExpectedVersionError)) throw esdbErrors(error);
    }
  }

  private async newest(stream: string): Promise<IdempotencyRecord | undefined> {
    try {
      const read = this.client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
      for (const resolved of await collectWithin(read, this.readDeadlineMs, 'a read of an idempotency record')) {
        const parsed = RecordSchema.safeParse(resolved.event?.data);
        if (parsed.success) return parsed.data;
      }
      return undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw esdbErrors(error);
    }
  }
}

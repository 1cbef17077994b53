import { Readable } from 'node:stream';
import { BACKWARDS, type END, StreamNotFoundError, type AppendResult as EsdbAppendResult, type EventStoreDBClient } from '@eventstore/db-client';
import { eventId } from '../eventId';
import type { AppendOptions, EventToAppend } from '../EventStore';
import { EsdbEventStore } from './EsdbEventStore';

/**
 * A keyed retry whose idempotency record was lost (its write failed), or that a second API process
 * decides after the first one appended: it is decided again at a newer version, where EventStoreDB
 * would not recognise its event ids. The adapter finds the first attempt's events in the stream and
 * answers from them. No server here: a small in-memory stand-in for the client's stream calls.
 */

interface StoredEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: unknown;
}

/** Streams in memory, with the client's read, append and metadata calls (only what the adapter uses). */
class FakeClient {
  readonly streams = new Map<string, StoredEvent[]>();
  readonly appends: string[] = [];
  private commit = 100n;

  readStream(stream: string, options: { fromRevision?: bigint | typeof END | 'start'; direction?: string; maxCount?: number }) {
    const events = this.streams.get(stream);
    const resolved = (events ?? []).map((event, revision) => ({
      event: {
        ...event,
        streamId: stream,
        revision: BigInt(revision),
        position: { commit: BigInt(revision) * 10n + 10n, prepare: BigInt(revision) * 10n + 10n },
      },
    }));
    const count = options.maxCount ?? resolved.length;
    const from = typeof options.fromRevision === 'bigint' ? Number(options.fromRevision) : 0;
    const page = options.direction === BACKWARDS ? resolved.reverse().slice(0, count) : resolved.slice(from, from + count);
    const read =
      events === undefined
        ? new Readable({
            objectMode: true,
            read() {
              this.destroy(new StreamNotFoundError(undefined, stream));
            },
          })
        : Readable.from(page);
    return Object.assign(read, { cancel: async () => undefined });
  }

  async appendToStream(stream: string, events: StoredEvent | StoredEvent[]): Promise<EsdbAppendResult> {
    const list = Array.isArray(events) ? events : [events];
    const existing = this.streams.get(stream) ?? [];
    existing.push(...list.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })));
    this.streams.set(stream, existing);
    this.appends.push(stream);
    this.commit += 10n;
    return { success: true, nextExpectedRevision: BigInt(existing.length - 1), position: { commit: this.commit, prepare: this.commit } };
  }

  async setStreamMetadata(): Promise<EsdbAppendResult> {
    return { success: true, nextExpectedRevision: 0n };
  }

  async dispose(): Promise<void> {}
}

const noted = (commandId: string, count: number): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => ({ id: eventId(commandId, i), type: 'TaskNoted', data: { note: `n${i}` }, metadata: { commandId } }));
const keyed = (key: string): AppendOptions => ({
  idempotency: { key, requestHash: 'h', status: 200, expiresAt: '2030-01-01T00:00:00.000Z', answer: { id: 'task-1' } },
});

function storeOn(client: FakeClient): EsdbEventStore {
  return new EsdbEventStore(client as unknown as EventStoreDBClient, { onIdempotencyWriteFailed: () => undefined });
}

describe('EsdbEventStore: a keyed retry answers from the first attempt’s events', () => {
  test('decided again at a newer version, it appends nothing and answers the first attempt', async () => {
    const client = new FakeClient();
    client.streams.set('task-1', [{ id: 'created', type: 'TaskLogged', data: {}, metadata: { commandId: 'cmd-0' } }]);
    const first = await storeOn(client).append('task-1', noted('idem-x', 2), 1, keyed('sub:key'));
    expect(first.version).toBe(3);

    // The record was lost; the retry (another process, say) sees version 3 and decides again.
    const retry = await storeOn(client).append('task-1', noted('idem-x', 2), 3, keyed('sub:key'));
    expect(client.streams.get('task-1')).toHaveLength(3);
    expect(retry.version).toBe(3);
    expect(retry.position).toBe('00000000000000000030/00000000000000000030'); // the first attempt's last event
  });

  test('another command with another key is appended as usual', async () => {
    const client = new FakeClient();
    client.streams.set('task-1', [{ id: 'created', type: 'TaskLogged', data: {}, metadata: { commandId: 'cmd-0' } }]);
    await storeOn(client).append('task-1', noted('idem-x', 1), 1, keyed('sub:key'));
    const other = await storeOn(client).append('task-1', noted('idem-y', 1), 2, keyed('sub:other'));
    expect(other.version).toBe(3);
    expect(client.streams.get('task-1')).toHaveLength(3);
  });

  test('a command without a key is never looked up (no extra read)', async () => {
    const client = new FakeClient();
    client.streams.set('task-1', [{ id: eventId('cmd-1', 0), type: 'TaskNoted', data: {}, metadata: { commandId: 'cmd-1' } }]);
    const reads = jest.spyOn(client, 'readStream');
    await storeOn(client).append('task-1', noted('cmd-2', 1), 1);
    expect(reads).not.toHaveBeenCalled();
  });

  test('a keyed creation (no stream yet) is not looked up either: the append itself finds a repeat', async () => {
    const client = new FakeClient();
    const reads = jest.spyOn(client, 'readStream');
    const created = await storeOn(client).append('task-9', noted('idem-z', 1), 'no_stream', keyed('sub:z'));
    expect(created.version).toBe(1);
    expect(reads.mock.calls.filter(([stream]) => stream === 'task-9')).toHaveLength(0);
  });
});

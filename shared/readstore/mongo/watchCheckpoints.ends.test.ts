import { EventEmitter } from 'node:events';
import { MongoNetworkError, MongoServerError, Timestamp, UUID, type ChangeStreamDocument, type ChangeStreamOptions, type Document } from 'mongodb';
import type { CheckpointRow } from './MongoRows';
import type { CheckpointPosition } from './checkpointChangeOf';
import { ChangeStreamEnded } from './ChangeStreamEnded';
import { resumeTokenUnusable } from './resumeTokenUnusable';
import { watchCheckpoints, type CheckpointSource } from './watchCheckpoints';

/**
 * What the watcher does when its change stream is ended (the collection or database dropped or
 * renamed) or its resume token refused: it reads the checkpoints afresh and watches from that read,
 * instead of waiting on a dead stream or retrying a token the server will never take. No server
 * here: a scripted stand-in for the collection and its change streams, and the driver's own errors.
 */

type Change = ChangeStreamDocument<CheckpointRow>;
type Step = { change: Change } | { token: Document } | { fail: Error };

const ns = { db: 'tayari', coll: 'checkpoints' };
const row = (name: string, position: string): CheckpointRow => ({ _id: name, position, positionKey: position.padStart(10, '0') });
const insert = (name: string, position: string): Change => ({
  _id: { _data: `i-${position}` },
  operationType: 'insert',
  ns,
  documentKey: { _id: name },
  fullDocument: row(name, position),
  clusterTime: new Timestamp({ t: 1, i: 1 }),
  collectionUUID: new UUID('0f8fad5b-d9cb-469f-a165-70867728950e'),
});
const ending = (operationType: 'drop' | 'invalidate' | 'rename' | 'dropDatabase'): Change =>
  ({ _id: { _data: operationType }, operationType, clusterTime: new Timestamp({ t: 2, i: 1 }), ns, to: ns }) as unknown as Change;

/** A change stream playing `steps`, then waiting until closed. */
class ScriptedStream extends EventEmitter {
  closed = false;
  private release: (() => void) | undefined;
  constructor(private readonly steps: Step[]) {
    super();
  }
  async close(): Promise<void> {
    this.closed = true;
    this.release?.();
  }
  async *[Symbol.asyncIterator](): AsyncGenerator<Change> {
    for (const step of this.steps) {
      await Promise.resolve();
      if ('fail' in step) throw step.fail;
      if ('token' in step) this.emit('resumeTokenChanged', step.token);
      else yield step.change;
    }
    if (!this.closed) await new Promise<void>((resolve) => (this.release = resolve));
  }
}

function scriptedSource(rowsPerRead: CheckpointRow[][], scripts: Step[][]) {
  const watches: { pipeline: Document[]; options: ChangeStreamOptions }[] = [];
  const streams: ScriptedStream[] = [];
  let reads = 0;
  const source = {
    client: { startSession: () => ({ operationTime: new Timestamp({ t: 10 + reads, i: 0 }), endSession: async () => undefined }) },
    checkpoints: {
      find: () => ({ toArray: async () => rowsPerRead[Math.min(reads++, rowsPerRead.length - 1)] ?? [] }),
      watch: (pipeline: Document[], options: ChangeStreamOptions) => {
        watches.push({ pipeline, options });
        const stream = new ScriptedStream(scripts[watches.length - 1] ?? []);
        streams.push(stream);
        return stream;
      },
    },
  };
  return { source: source as unknown as CheckpointSource, watches, streams, reads: () => reads };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

describe('watchCheckpoints when the stream ends or its token is refused', () => {
  test.each(['drop', 'rename', 'dropDatabase', 'invalidate'] as const)(
    '%s: a fresh read, then a new stream from its time (no resume token)',
    async (operationType) => {
      const { source, watches, streams, reads } = scriptedSource(
        [[row('programmes', '1')], [row('programmes', '3')]],
        [[{ token: { _data: 't1' } }, { change: insert('programmes', '2') }, { change: ending(operationType) }, { change: ending('invalidate') }], []],
      );
      const seen: CheckpointPosition[] = [];
      const retries: unknown[] = [];
      const states: string[] = [];
      const subscription = watchCheckpoints(source, {
        initialDelayMs: 1,
        onRetry: ({ error }) => retries.push(error),
        onState: (s) => states.push(s),
      }).subscribe((c) => seen.push(c));
      await until(() => watches.length === 2, 'the second watch');
      subscription.unsubscribe();

      expect(seen.map((c) => c.position)).toEqual(['1', '2', '3']);
      expect(reads()).toBe(2);
      expect(watches[1]?.options.resumeAfter).toBeUndefined();
      expect(watches[1]?.options.startAtOperationTime).toEqual(new Timestamp({ t: 11, i: 0 }));
      expect(streams[0]?.closed).toBe(true);
      expect(retries).toHaveLength(1);
      expect(retries[0]).toBeInstanceOf(ChangeStreamEnded);
      expect(states).toEqual(['watching', 'retrying', 'watching']);
    },
  );

  test('the server is asked to send the events that end the stream', async () => {
    const { source, watches } = scriptedSource([[]], [[]]);
    const subscription = watchCheckpoints(source).subscribe();
    await until(() => watches.length === 1, 'the watch');
    subscription.unsubscribe();
    const match = JSON.stringify(watches[0]?.pipeline);
    for (const type of ['insert', 'replace', 'update', 'invalidate', 'drop', 'rename', 'dropDatabase']) expect(match).toContain(`"${type}"`);
    expect(match).not.toContain('"delete"');
  });

  test('a network error resumes after the token; a refused token then starts over from a fresh read', async () => {
    const refused = new MongoServerError({ message: 'cannot resume: invalid resume token', code: 260, errmsg: 'invalid resume token' });
    const { source, watches, reads } = scriptedSource(
      [[row('programmes', '1')], [row('programmes', '5')]],
      [[{ token: { _data: 't1' } }, { fail: new MongoNetworkError('connection reset') }], [{ fail: refused }], []],
    );
    const seen: string[] = [];
    const subscription = watchCheckpoints(source, { initialDelayMs: 1 }).subscribe((c) => seen.push(c.position));
    await until(() => watches.length === 3, 'the third watch');
    subscription.unsubscribe();

    expect(watches[1]?.options.resumeAfter).toEqual({ _data: 't1' });
    expect(watches[2]?.options.resumeAfter).toBeUndefined();
    expect(watches[2]?.options.startAtOperationTime).toBeDefined();
    expect(reads()).toBe(2);
    expect(seen).toEqual(['1', '5']);
  });
});

describe('resumeTokenUnusable', () => {
  test.each([136, 260, 280, 286, 40585])('server code %i: the token cannot be used again', (code) => {
    expect(resumeTokenUnusable(new MongoServerError({ message: 'x', code }))).toBe(true);
  });

  test('other errors keep the token (the driver or the next attempt resumes with it)', () => {
    expect(resumeTokenUnusable(new MongoServerError({ message: 'x', code: 11600 }))).toBe(false);
    expect(resumeTokenUnusable(new MongoNetworkError('reset'))).toBe(false);
    expect(resumeTokenUnusable(new Error('x'))).toBe(false);
  });
});

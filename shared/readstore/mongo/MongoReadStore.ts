import { MongoClient, MongoServerError, type ClientSession, type Collection, type Db, type MongoClientOptions, type TransactionOptions } from 'mongodb';
import { defer, Subject, takeUntil, throwError, type Observable } from 'rxjs';
import type { Position } from '../../eventstore/EventStore';
import type { ReadBatch, ReadStore } from '../ReadStore';
import { MONGO_COLLECTIONS, type CheckpointRow, type DocRow, type LogRow } from './MongoRows';
import { batchRows, type BatchRows } from './batchRows';
import type { CheckpointPosition } from './checkpointChangeOf';
import { commitOperations, type StoredPositions } from './commitOperations';
import { databaseNameOf } from './databaseNameOf';
import { mongoErrors } from './mongoErrors';
import { docIdOf } from './toDocRow';
import { watchCheckpoints, type WatchCheckpointsOptions } from './watchCheckpoints';

export interface MongoReadStoreOptions {
  /** A mongodb:// (or mongodb+srv://) URL of a replica set, e.g. `mongodb://mongo:27017/tayari?replicaSet=rs0`. */
  uri: string;
  /** The database; default: the one the URL names, else "tayari". */
  database?: string;
  /**
   * Driver options, over ours: serverSelectionTimeoutMS 5000 (how long an operation waits for a
   * primary before failing with StoreUnavailable; the driver's default is 30 s), majority read and
   * write concerns, appName "tayari".
   */
  clientOptions?: MongoClientOptions;
}

/**
 * Majority commit: an acknowledged batch survives a failover, so the runner never moves past events
 * whose models a new primary would not have. Snapshot reads: the guard positions read in the
 * transaction and the writes made from them belong to one point in time (a concurrent writer to the
 * same docs makes ours fail with a write conflict, which withTransaction retries).
 */
export const TRANSACTION: TransactionOptions = {
  readConcern: { level: 'snapshot' },
  // Bounded: without a limit a commit waits for ever for a majority that is down. (Driver 7 ignores
  // `timeoutMS` on transactions; these are the server-side limits it does send.)
  writeConcern: { w: 'majority', wtimeoutMS: 10_000 },
  maxCommitTimeMS: 10_000,
  readPreference: 'primary',
};

/** MongoDB error code NamespaceExists: creating a collection that another process just created. */
const NAMESPACE_EXISTS = 48;

/**
 * The ReadStore on a MongoDB replica set. Each commit is one multi-document transaction: docs,
 * log entries and checkpoints together, so a crash never leaves models ahead of or behind their
 * checkpoint. Each doc also keeps the position it last applied and older writes are refused, and
 * log entries are upserted on their unique key, so a batch delivered twice is harmless too
 * (docs/production.md says why both).
 */
export class MongoReadStore implements ReadStore {
  readonly kind = 'mongodb';
  private readonly docs: Collection<DocRow>;
  private readonly logRows: Collection<LogRow>;
  private readonly checkpointRows: Collection<CheckpointRow>;
  private closed = false;
  /** Fires once on close: ends every watchCheckpoints subscription before the client goes. */
  private readonly closing = new Subject<void>();

  private constructor(
    private readonly client: MongoClient,
    readonly db: Db,
  ) {
    this.docs = db.collection<DocRow>(MONGO_COLLECTIONS.docs);
    this.logRows = db.collection<LogRow>(MONGO_COLLECTIONS.logs);
    this.checkpointRows = db.collection<CheckpointRow>(MONGO_COLLECTIONS.checkpoints);
  }

  /**
   * Connects, checks that the deployment can run transactions and change streams, and creates the
   * collections and indexes (idempotent). Rejects with StoreUnavailable when no server answers
   * within serverSelectionTimeoutMS.
   */
  static async open(options: MongoReadStoreOptions): Promise<MongoReadStore> {
    const client = new MongoClient(options.uri, {
      serverSelectionTimeoutMS: 5000,
      appName: 'tayari',
      readConcern: { level: 'majority' },
      writeConcern: { w: 'majority' },
      ...options.clientOptions,
    });
    try {
      await client.connect();
      const db = client.db(options.database ?? databaseNameOf(options.uri) ?? 'tayari');
      await requireReplicaSet(db);
      const store = new MongoReadStore(client, db);
      await store.createSchema();
      return store;
    } catch (error) {
      await client.close().catch(() => undefined);
      throw mongoErrors(error);
    }
  }

  async checkpoints(): Promise<Record<string, Position>> {
    return this.run(async () => {
      const rows = await this.checkpointRows.find({}, { sort: { _id: 1 } }).toArray();
      return Object.fromEntries(rows.map((row) => [row._id, row.position]));
    });
  }

  async get(collection: string, id: string): Promise<unknown | undefined> {
    return this.run(async () => {
      const row = await this.docs.findOne({ _id: docIdOf(collection, id) }, { projection: { doc: 1 } });
      return row === null ? undefined : row.doc;
    });
  }

  async all(collection: string): Promise<unknown[]> {
    return this.run(async () => {
      const rows = await this.docs.find({ collection }, { sort: { id: 1 }, projection: { doc: 1 } }).toArray();
      return rows.map((row) => row.doc);
    });
  }

  async group(collection: string, group: string): Promise<unknown[]> {
    return this.run(async () => {
      const rows = await this.docs.find({ collection, group }, { sort: { id: 1 }, projection: { doc: 1 } }).toArray();
      return rows.map((row) => row.doc);
    });
  }

  async log(log: string, group: string, afterKey: string | undefined, limit: number): Promise<unknown[]> {
    // MongoDB reads limit 0 as "no limit" (and a negative one as a single batch); the port means none.
    const count = Math.floor(limit);
    if (!(count > 0)) return [];
    return this.run(async () => {
      const rows = await this.logRows
        .find({ log, group, key: { $gt: afterKey ?? '' } }, { sort: { key: 1 }, limit: count, projection: { _id: 0, entry: 1 } })
        .toArray();
      return rows.map((row) => row.entry);
    });
  }

  async logBefore(log: string, group: string, beforeKey: string | undefined, limit: number): Promise<unknown[]> {
    const count = Math.floor(limit);
    if (!(count > 0)) return [];
    const key = beforeKey === undefined ? {} : { key: { $lt: beforeKey } };
    return this.run(async () => {
      // The unique (log, group, key) index read backwards serves this sort.
      const rows = await this.logRows.find({ log, group, ...key }, { sort: { key: -1 }, limit: count, projection: { _id: 0, entry: 1 } }).toArray();
      return rows.map((row) => row.entry);
    });
  }

  async commit(batch: ReadBatch): Promise<void> {
    this.assertOpen();
    // Mapping first: a model that is not JSON fails here, before a transaction starts.
    const rows = batchRows(batch);
    if (rows.docs.length + rows.deletes.length + rows.logs.length + rows.checkpoints.length === 0) return;
    await this.run(async () => {
      const session = this.client.startSession();
      try {
        // The callback may run again (TransientTransactionError): it reads and builds afresh each time.
        await session.withTransaction(async () => {
          const stored = await this.storedPositions(rows, session);
          const operations = commitOperations(rows, stored);
          if (operations.docs.length > 0) await this.docs.bulkWrite(operations.docs, { session, ordered: true });
          if (operations.logs.length > 0) await this.logRows.bulkWrite(operations.logs, { session, ordered: true });
          if (operations.checkpoints.length > 0) await this.checkpointRows.bulkWrite(operations.checkpoints, { session, ordered: true });
        }, TRANSACTION);
      } finally {
        await session.endSession();
      }
    });
  }

  /**
   * Drops every model, log entry and checkpoint (for a rebuild). Checkpoints go first: if this is
   * interrupted, no projection resumes from a checkpoint whose models are gone; the rebuild clears
   * again anyway. Deleted, not dropped: dropping would invalidate the gateway's change stream.
   */
  async clear(): Promise<void> {
    await this.run(async () => {
      await this.checkpointRows.deleteMany({});
      await this.docs.deleteMany({});
      await this.logRows.deleteMany({});
    });
  }

  /**
   * The committed checkpoints, live (see watchCheckpoints): for a gateway in another process.
   * Completes when the store closes; a closed store refuses new subscriptions.
   */
  watchCheckpoints(options?: WatchCheckpointsOptions): Observable<CheckpointPosition> {
    return defer(() =>
      this.closed
        ? throwError(() => new Error('the read store is closed'))
        : watchCheckpoints({ client: this.client, checkpoints: this.checkpointRows }, options),
    ).pipe(takeUntil(this.closing));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Watches first: a change stream left open would retry against the closed client forever.
    this.closing.next();
    this.closing.complete();
    await this.client.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the read store is closed');
  }

  /** Runs an operation of an open store, with driver errors translated (mongoErrors). */
  private async run<T>(operation: () => Promise<T>): Promise<T> {
    this.assertOpen();
    try {
      return await operation();
    } catch (error) {
      throw mongoErrors(error);
    }
  }

  /** What the store holds now for the docs and checkpoints the batch touches (one query each). */
  private async storedPositions(rows: BatchRows, session: ClientSession): Promise<StoredPositions> {
    const docIds = [...new Set([...rows.docs.map((row) => row._id), ...rows.deletes.map((gone) => gone._id)])];
    const names = rows.checkpoints.map((row) => row._id);
    const docs = new Map<string, string | undefined>();
    if (docIds.length > 0) {
      const found = await this.docs.find({ _id: { $in: docIds } }, { session, projection: { positionKey: 1 } }).toArray();
      for (const row of found) docs.set(row._id, row.positionKey);
    }
    const checkpoints = new Map<string, string>();
    if (names.length > 0) {
      const found = await this.checkpointRows.find({ _id: { $in: names } }, { session, projection: { positionKey: 1 } }).toArray();
      for (const row of found) checkpoints.set(row._id, row.positionKey);
    }
    return { docs, checkpoints };
  }

  /**
   * Collections exist before any transaction (creating one inside a transaction has restrictions);
   * indexes serve every read: docs by `_id` and by (collection, id) for listing in id order, logs
   * by (log, group, key), unique, which also makes a redelivered row replace itself; checkpoints
   * by `_id` (the name).
   */
  private async createSchema(): Promise<void> {
    for (const name of Object.values(MONGO_COLLECTIONS)) {
      try {
        await this.db.createCollection(name);
      } catch (error) {
        if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error;
      }
    }
    await this.docs.createIndex({ collection: 1, id: 1 }, { name: 'collection_id', unique: true });
    await this.docs.createIndex({ collection: 1, group: 1, id: 1 }, { name: 'collection_group_id', partialFilterExpression: { group: { $exists: true } } });
    await this.logRows.createIndex({ log: 1, group: 1, key: 1 }, { name: 'log_group_key', unique: true });
  }
}

/**
 * Transactions and change streams need a replica set (a single node one will do) or a sharded
 * cluster; a standalone server would fail later, on the first commit. Fail at open, saying what to do.
 */
async function requireReplicaSet(db: Db): Promise<void> {
  const hello = await db.admin().command({ hello: 1 });
  if (typeof hello.setName === 'string' || hello.msg === 'isdbgrid') return;
  throw new Error(
    'the MongoDB read store needs a replica set (transactions and change streams): start mongod with --replSet rs0 ' +
      'and run rs.initiate() once (docker-compose.yml does), or connect to a sharded cluster',
  );
}

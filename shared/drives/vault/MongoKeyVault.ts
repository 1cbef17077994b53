import { type Collection, MongoClient } from 'mongodb';
import { newDataKey } from '../sealing';
import { KeyBatcher } from './KeyBatcher';
import type { KeyVault } from './KeyVault';
import { keyWriteFailure } from './keyWriteFailure';

interface KeyDoc {
  _id: string;
  key: Buffer;
}

/**
 * Keys in a MongoDB collection of their own (`enrolmentKeys`), for the split set-up where the API runs
 * in several processes. Back it up apart from the events, or not at all: see the README's limits.
 */
export class MongoKeyVault implements KeyVault {
  readonly kind = 'mongodb';
  private readonly batcher = new KeyBatcher((ids) => this.createAll(ids));

  private constructor(
    private readonly client: MongoClient,
    private readonly keys: Collection<KeyDoc>,
  ) {}

  /** `timeoutMs`: how long a server may take to be found (serverSelectionTimeoutMS), default 5000. */
  static async open(options: { uri: string; database?: string; timeoutMs?: number }): Promise<MongoKeyVault> {
    const client = new MongoClient(options.uri, { serverSelectionTimeoutMS: options.timeoutMs ?? 5000 });
    await client.connect();
    const db = options.database === undefined ? client.db() : client.db(options.database);
    return new MongoKeyVault(client, db.collection<KeyDoc>('enrolmentKeys'));
  }

  create(id: string): Promise<Buffer> {
    return this.batcher.create(id);
  }

  /** A burst's keys in one round trip (and one majority wait), then read back: an id keeps the key it has. */
  private async createAll(ids: readonly string[]): Promise<ReadonlyMap<string, Buffer>> {
    // Majority: a key acknowledged here survives a failover, as the event sealed with it does.
    try {
      await this.keys.bulkWrite(
        ids.map((id) => ({ updateOne: { filter: { _id: id }, update: { $setOnInsert: { key: newDataKey() } }, upsert: true } })),
        { ordered: false, writeConcern: { w: 'majority' } },
      );
    } catch (error) {
      // Two processes upserting one id at once: the loser's duplicate key means the key is there. Any
      // other failure is thrown without the driver's error, which holds the raw keys it tried to write.
      const failure = keyWriteFailure(error);
      if (failure !== undefined) throw failure;
    }
    return this.get(ids);
  }

  async get(ids: readonly string[]): Promise<ReadonlyMap<string, Buffer>> {
    const docs = await this.keys.find({ _id: { $in: [...ids] } }).toArray();
    return new Map(docs.map((doc) => [doc._id, toBuffer(doc.key)]));
  }

  async delete(id: string): Promise<void> {
    await this.keys.deleteOne({ _id: id }, { writeConcern: { w: 'majority' } });
  }

  async close(): Promise<void> {
    await this.batcher.close();
    await this.client.close();
  }
}

/** The driver answers BSON binary, not a Buffer. */
function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (typeof value === 'object' && value !== null && 'buffer' in value && value.buffer instanceof Uint8Array) return Buffer.from(value.buffer);
  throw new Error('a stored key is not binary');
}

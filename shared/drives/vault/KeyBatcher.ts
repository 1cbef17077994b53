import { GroupCommit } from '../../common/GroupCommit';

interface Waiting {
  resolve(key: Buffer): void;
  reject(error: unknown): void;
}

/**
 * Group commit for key creation (scheduled by GroupCommit): the creates asked in one macrotask (a
 * burst of enrolments) are written by one `write` (one transaction, one fsync) instead of one each.
 * Creates asked while a write is in flight wait for the next one. Each caller gets its key only once
 * it is durable.
 */
export class KeyBatcher {
  private pending = new Map<string, Waiting[]>();
  private readonly commits = new GroupCommit(
    () => this.flush(),
    () => this.pending.size > 0,
  );
  private closed = false;

  /** `write`: stores a new key for each id that has none and answers the key of every id. */
  constructor(
    private readonly write: (ids: readonly string[]) => Promise<ReadonlyMap<string, Buffer>>,
    private readonly maxBatch = 1000,
  ) {}

  create(id: string): Promise<Buffer> {
    // After close the store under `write` is (or is about to be) shut: a write then would fail half-way.
    if (this.closed) return Promise.reject(new Error('key store closed'));
    return new Promise((resolve, reject) => {
      const waiting = this.pending.get(id);
      if (waiting) waiting.push({ resolve, reject });
      else this.pending.set(id, [{ resolve, reject }]);
      this.commits.schedule();
    });
  }

  /** Refuses new creates, then resolves once the ones asked before are written (the store may then close). */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  /** Resolves once nothing is queued or being written. */
  idle(): Promise<void> {
    return this.commits.idle();
  }

  private async flush(): Promise<void> {
    const batch = [...this.pending].slice(0, this.maxBatch);
    for (const [id] of batch) this.pending.delete(id);
    try {
      const keys = await this.write(batch.map(([id]) => id));
      for (const [id, waiting] of batch) {
        const key = keys.get(id);
        for (const w of waiting) {
          if (key === undefined) w.reject(new Error(`key ${id} was not stored`));
          else w.resolve(key);
        }
      }
    } catch (error) {
      for (const [, waiting] of batch) for (const w of waiting) w.reject(error);
    }
  }
}

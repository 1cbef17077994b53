import { StoreUnavailable } from '@tayari/shared/common/errors';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';

/**
 * A real read store that can be made to fail every call with StoreUnavailable, as the MongoDB adapter
 * does when its server cannot be reached: for the restart and health paths of the split processes.
 */
export class FlakyReadStore implements ReadStore {
  readonly kind: string;
  failing = false;
  failedCalls = 0;

  constructor(private readonly inner: ReadStore) {
    this.kind = inner.kind;
  }

  private check(): void {
    if (!this.failing) return;
    this.failedCalls += 1;
    throw new StoreUnavailable(`${this.kind} unavailable (test)`);
  }

  async checkpoints() {
    this.check();
    return this.inner.checkpoints();
  }
  async get(collection: string, id: string) {
    this.check();
    return this.inner.get(collection, id);
  }
  async all(collection: string) {
    this.check();
    return this.inner.all(collection);
  }
  async group(collection: string, group: string) {
    this.check();
    return this.inner.group(collection, group);
  }
  async log(...args: Parameters<ReadStore['log']>) {
    this.check();
    return this.inner.log(...args);
  }
  async logBefore(...args: Parameters<ReadStore['logBefore']>) {
    this.check();
    return this.inner.logBefore(...args);
  }
  async commit(...args: Parameters<ReadStore['commit']>) {
    this.check();
    return this.inner.commit(...args);
  }
  async clear() {
    this.check();
    return this.inner.clear();
  }
  close() {
    return this.inner.close();
  }
}

import type { Worker } from 'node:worker_threads';
import type { BatchWriter } from './BatchWriter';
import { startWriterWorker } from './startWriterWorker';
import { StoreFull } from './StoreFull';
import type { AppendOutcome, AppendRequest, FromWriter, IdempotencyFields, ToWriter } from './writerProtocol';

type Reply = Exclude<FromWriter, { type: 'ready' }>;

/**
 * Writes through a worker thread holding its own connection. Requests are serialised here; the worker
 * answers each by id. The worker keeps the process alive only while a request is outstanding.
 */
export class WorkerWriter implements BatchWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  private readonly ready: Promise<void>;
  private nextId = 1;
  private tail: Promise<unknown> = Promise.resolve();
  private broken: Error | undefined;
  private outstanding = 0;

  constructor(file: string) {
    this.worker = startWriterWorker(file);
    this.worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.once('message', (message: FromWriter) => {
        if (message.type === 'ready') resolve();
        else reject(new Error(`writer worker: unexpected first message ${message.type}`));
      });
      this.worker.once('error', reject);
    });
    // Nobody may be waiting yet; the failure is reported to every later request instead.
    this.ready.catch(() => undefined);
    this.worker.on('message', (message: FromWriter) => {
      if (message.type === 'ready') return;
      const resolve = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      resolve?.(message);
    });
    this.worker.on('error', (error: Error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`writer worker exited (code ${code})`)));
  }

  /** Resolves once the worker opened the database; rejects if it could not. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  commit(appends: AppendRequest[]): Promise<AppendOutcome[]> {
    return this.serially(async () => {
      const reply = await this.request({ type: 'batch', id: this.nextId++, appends });
      if (reply.type === 'committed') return reply.outcomes;
      throw unexpected(reply);
    });
  }

  put(record: IdempotencyFields, body: string): Promise<void> {
    return this.serially(async () => {
      const reply = await this.request({ type: 'put', id: this.nextId++, record, body });
      if (reply.type !== 'done') throw unexpected(reply);
    });
  }

  prune(nowMs: number): Promise<number> {
    return this.serially(async () => {
      const reply = await this.request({ type: 'prune', id: this.nextId++, nowMs });
      if (reply.type !== 'done') throw unexpected(reply);
      return reply.count;
    });
  }

  setMaxPageCount(pages: number): Promise<number> {
    return this.serially(async () => {
      const reply = await this.request({ type: 'max-page-count', id: this.nextId++, pages });
      if (reply.type !== 'done') throw unexpected(reply);
      return reply.count;
    });
  }

  close(): Promise<void> {
    return this.serially(async () => {
      if (!this.broken) {
        const reply = await this.request({ type: 'close', id: this.nextId++ });
        if (reply.type !== 'closed') throw unexpected(reply);
      }
      this.broken ??= new Error('the event store is closed');
      await this.worker.terminate();
    });
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async request(message: ToWriter): Promise<Reply> {
    await this.ready;
    if (this.broken) throw this.broken;
    return new Promise<Reply>((resolve) => {
      this.waiting.set(message.id, (reply) => {
        if (--this.outstanding === 0) this.worker.unref();
        resolve(reply);
      });
      if (this.outstanding++ === 0) this.worker.ref();
      this.worker.postMessage(message);
    });
  }

  /** The worker died: every waiting request fails, and so does every later one. */
  private fail(error: Error): void {
    this.broken ??= error;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const resolve of waiting) resolve({ type: 'failed', id: 0, message: error.message });
  }
}

function unexpected(reply: Reply): Error {
  if (reply.type !== 'failed') return new Error(`writer worker: unexpected ${reply.type}`);
  if (reply.code === 'SQLITE_FULL') return new StoreFull(`the event store is full (${reply.message}); nothing of this batch was written`);
  return Object.assign(new Error(`event store write failed: ${reply.message}`), reply.code === undefined ? {} : { code: reply.code });
}

import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A message between the bench and one of its children: always tagged by `type`. */
export interface Tagged {
  type: string;
}

/**
 * A load generator or helper in its own process (compiled JS in bench/dist/children), so that its
 * work never shares an event loop with what it measures. Messages go over IPC with the "advanced"
 * serialisation, which carries typed arrays and Buffers as they are.
 */
export class BenchChild<In extends Tagged, Out extends Tagged> {
  private readonly process: ChildProcess;
  private readonly inbox: Out[] = [];
  private waiters: { type: Out['type']; resolve: (message: Out) => void; reject: (error: Error) => void }[] = [];
  private exitError: Error | undefined;
  readonly exited: Promise<number | null>;

  constructor(name: string, execArgv: string[] = []) {
    this.process = fork(join(__dirname, '..', 'children', `${name}.js`), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv,
    });
    this.process.on('message', (message: Out) => this.deliver(message));
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code, signal) => {
        if (code !== 0) this.fail(new Error(`bench child ${name} exited with ${signal ?? code}`));
        else this.fail(new Error(`bench child ${name} exited`));
        resolve(code);
      });
    });
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  send(message: In): void {
    this.process.send(message);
  }

  /** The next message of this type (one already received counts). */
  next<T extends Out['type']>(type: T, timeoutMs = 120_000): Promise<Extract<Out, { type: T }>> {
    const index = this.inbox.findIndex((m) => m.type === type);
    if (index >= 0) return Promise.resolve(this.inbox.splice(index, 1)[0] as Extract<Out, { type: T }>);
    if (this.exitError) return Promise.reject(this.exitError);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no "${type}" from the bench child within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = {
        type,
        resolve: (message: Out) => {
          clearTimeout(timer);
          resolve(message as Extract<Out, { type: T }>);
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Sends a request and waits for the answer of the given type. */
  async ask<T extends Out['type']>(message: In, answer: T, timeoutMs?: number): Promise<Extract<Out, { type: T }>> {
    const reply = this.next(answer, timeoutMs);
    this.send(message);
    return reply;
  }

  /** Asks the child to exit (it exits when its IPC channel closes), then kills it if it lingers. */
  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    this.process.disconnect();
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(timer);
  }

  private deliver(message: Out): void {
    if (message.type === 'error') {
      const text = (message as Tagged & { message?: string }).message ?? 'unknown error';
      this.fail(new Error(`bench child failed: ${text}`));
      return;
    }
    const index = this.waiters.findIndex((w) => w.type === message.type);
    const waiter = this.waiters[index];
    if (waiter) {
      this.waiters.splice(index, 1);
      waiter.resolve(message);
    } else this.inbox.push(message);
  }

  private fail(error: Error): void {
    this.exitError ??= error;
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }
}

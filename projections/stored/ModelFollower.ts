import { BehaviorSubject, Subject, type Observable, type Subscription } from 'rxjs';
import type { Position } from '@tayari/shared/eventstore/EventStore';
import { isProcessCheckpoint } from '@tayari/shared/readstore/processCheckpoints';
import type { ReadStore } from '@tayari/shared/readstore/ReadStore';
import type { BoardName } from '../BoardSource';
import { PROJECTIONS, rowModelNamed } from '../registry/readModels';
import { RowTables } from '../registry/RowTables';
import { ModelCache } from '../runner/ModelCache';
import type { BoardChangeEntry } from './BoardChangeEntry';
import type { BoardChangeReader } from './readBoardChanges';

/** A commit of the projector, as another process learns of it (e.g. a checkpoint change stream). */
export interface CommitNotice {
  position: Position;
  /** The checkpoint's name, when the notice comes from the checkpoints themselves. */
  name?: string;
}

export interface ModelFollowerOptions {
  readStore: ReadStore;
  /** Reads the board-change journal the projector writes with every batch. */
  journal: BoardChangeReader;
  /** The projector's commits; repeats and positions already followed are ignored. */
  commits$: Observable<CommitNotice>;
  comparePositions(a: Position, b: Position): number;
  /** Journal entries read per query. Default 500. */
  pageSize?: number;
  /** After a failed catch-up (the store unreachable): first wait, doubling up to the longest. Defaults 100 ms, 5 s. */
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Told of each failed catch-up before its wait. */
  onError?: (error: Error, attempt: number) => void;
  /** The time, to tell which programmes are over (their rows are read on demand). Default: the system clock. */
  now?: () => Date;
}

/** What one catch-up changed. `all`: every model was read again (a gap in the journal, a rebuild). */
export interface FollowedChange {
  position: Position | undefined;
  boards: ReadonlySet<BoardName> | 'all';
  programmeIds: ReadonlySet<string> | 'all';
}

/**
 * Keeps every read-model document of a read store in memory, in another process than the projector's:
 * told of each commit (`commits$`), it reads the journal entries after its own position, fetches only
 * the documents they name, and merges them. The entries form a chain (each names the position before
 * it); when the chain does not start where this follower is (entries pruned while it was away, a
 * rebuild, a projector that writes no journal) it reads every document again instead. Nothing polls:
 * without a notice it does nothing.
 */
export class ModelFollower {
  readonly position$: BehaviorSubject<Position | undefined>;
  private readonly changesSubject = new Subject<FollowedChange>();
  readonly changes$: Observable<FollowedChange> = this.changesSubject.asObservable();
  private cacheValue: ModelCache;
  /** The newest position a notice announced. */
  private target: Position | undefined;
  private running = false;
  private stopped = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private subscription: Subscription | undefined;
  private reloadCount = 0;

  static async start(options: ModelFollowerOptions): Promise<ModelFollower> {
    const loaded = await loadAll(options);
    const follower = new ModelFollower(options, loaded.cache, loaded.position);
    follower.subscription = options.commits$.subscribe((notice) => {
      // A process manager's checkpoint may run ahead of the models: it announces no commit of theirs.
      if (notice.name === undefined || !isProcessCheckpoint(notice.name)) follower.notified(notice.position);
    });
    return follower;
  }

  private constructor(
    private readonly options: ModelFollowerOptions,
    cache: ModelCache,
    position: Position | undefined,
  ) {
    this.cacheValue = cache;
    this.position$ = new BehaviorSubject(position);
  }

  /** The documents as of `position` (or later: documents are read after their journal entry). */
  get cache(): ModelCache {
    return this.cacheValue;
  }

  get position(): Position | undefined {
    return this.position$.value;
  }

  /** False from a failed catch-up until the next one succeeds. */
  get healthy(): boolean {
    return this.failures === 0;
  }

  /** How many times every document was read again (after start). */
  get reloads(): number {
    return this.reloadCount;
  }

  stop(): void {
    this.stopped = true;
    this.subscription?.unsubscribe();
    clearTimeout(this.retryTimer);
    this.changesSubject.complete();
    this.position$.complete();
  }

  private compare(a: Position, b: Position): number {
    return this.options.comparePositions(a, b);
  }

  private notified(position: Position): void {
    if (this.stopped) return;
    if (this.target === undefined || this.compare(position, this.target) > 0) this.target = position;
    this.kick();
  }

  private behind(): boolean {
    const { target, position } = this;
    return target !== undefined && (position === undefined || this.compare(target, position) > 0);
  }

  /** One catch-up at a time; a notice during one is picked up by its loop or right after it. */
  private kick(): void {
    if (this.running || this.retryTimer !== undefined || this.stopped || !this.behind()) return;
    this.running = true;
    void this.catchUp().finally(() => {
      this.running = false;
      this.kick();
    });
  }

  private async catchUp(): Promise<void> {
    try {
      while (!this.stopped && this.behind()) await this.step();
      this.failures = 0;
    } catch (error) {
      if (this.stopped) return;
      this.failures += 1;
      const { initialDelayMs = 100, maxDelayMs = 5000 } = this.options.retry ?? {};
      const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** (this.failures - 1));
      this.options.onError?.(error instanceof Error ? error : new Error(String(error)), this.failures);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.kick();
      }, delay);
      this.retryTimer.unref();
    }
  }

  private async step(): Promise<void> {
    const entries = await this.options.journal(this.position, this.options.pageSize ?? 500);
    const chain: BoardChangeEntry[] = [];
    let previous = this.position;
    for (const entry of entries) {
      if (!this.same(entry.previous, previous)) break;
      chain.push(entry);
      previous = entry.position;
    }
    if (chain.length === 0 || !(await this.apply(chain))) await this.reload();
  }

  private same(a: Position | null, b: Position | undefined): boolean {
    if (a === null || b === undefined) return a === null && b === undefined;
    return this.compare(a, b) === 0;
  }

  /** Fetches and merges the rows the entries name; false when one is gone (the store was cleared) or of a model this version lacks. */
  private async apply(chain: BoardChangeEntry[]): Promise<boolean> {
    const { readStore } = this.options;
    const named = new Map<string, Set<string>>();
    for (const entry of chain) {
      for (const [name, ids] of Object.entries(entry.rows)) {
        let set = named.get(name);
        if (!set) named.set(name, (set = new Set()));
        for (const id of ids) set.add(id);
      }
    }
    const rows = new RowTables();
    const touched = new Set<string>();
    let complete = true;
    await Promise.all(
      [...named].map(async ([name, ids]) => {
        const model = rowModelNamed(name);
        if (!model) {
          complete = false;
          return;
        }
        const raws = await Promise.all([...ids].map((id) => readStore.get(name, id)));
        for (const raw of raws) {
          // Rows are never removed: one missing means the models were cleared meanwhile.
          if (raw === undefined) complete = false;
          else {
            const row = model.schema.parse(raw);
            rows.set(model, row);
            const programmeId = model.programmeOf(row);
            if (programmeId !== undefined) touched.add(programmeId);
          }
        }
      }),
    );
    if (!complete || this.stopped) return false;
    // Rows of a programme over at load are read before new ones are merged on top.
    const cache = this.cacheValue;
    await cache.ensure(touched);
    if (this.stopped || cache !== this.cacheValue) return false;
    this.failures = 0; // the store answered: healthy before anyone hears of the new position
    cache.merge(rows);
    const last = chain.at(-1);
    if (last === undefined) return false;
    const position = last.position;
    this.position$.next(position);
    const boards = new Set<BoardName>(chain.flatMap((entry) => entry.boards));
    this.changesSubject.next({ position, boards, programmeIds: touched });
    return true;
  }

  /** Reads every document again; keeps what it has if the store went back (a rebuild under way). */
  private async reload(): Promise<void> {
    const loaded = await loadAll(this.options);
    if (this.stopped) return;
    const current = this.position;
    if (current !== undefined && (loaded.position === undefined || this.compare(loaded.position, current) < 0)) {
      // Serve the older, complete models until the store passes them; the next notice tries again.
      this.target = current;
      return;
    }
    this.reloadCount += 1;
    this.failures = 0;
    this.cacheValue = loaded.cache;
    // Everything the store has is read: should a notice have run ahead of it, the next one moves on.
    if (this.behind()) this.target = loaded.position;
    this.position$.next(loaded.position);
    this.changesSubject.next({ position: loaded.position, boards: 'all', programmeIds: 'all' });
  }
}

/** The lowest checkpoint first, then the documents: they are at least as new as it says. */
async function loadAll(options: ModelFollowerOptions): Promise<{ cache: ModelCache; position: Position | undefined }> {
  const stored = await options.readStore.checkpoints();
  let position: Position | undefined;
  for (const name of PROJECTIONS) {
    const checkpoint = stored[name];
    // A model without a checkpoint has seen nothing, so neither have the models together.
    if (checkpoint === undefined) {
      position = undefined;
      break;
    }
    if (position === undefined || options.comparePositions(checkpoint, position) < 0) position = checkpoint;
  }
  return { cache: await ModelCache.load(options.readStore, (options.now ?? (() => new Date()))()), position };
}

import type { ApiClient } from '../api';
import type { HistoryPayload } from '../types';

export type HistoryEvent = HistoryPayload['events'][number];

/** Events per history read: a phone's first look, and each step back. */
export const HISTORY_PAGE = 50;
/** Programmes whose history is held at once (the one shown, and a few just left). */
const HELD = 4;

/**
 * A programme's history as the page holds it (GET /api/programmes/{id}/history): its newest page
 * first (`order=desc`), older pages only when asked (`before`), and later what came after the newest
 * event held (`after`, oldest first, SPEC "Reads"). So a long programme opens on a phone at the cost
 * of one page. The activity list and the cards' notes share it, read only when one is opened.
 */
export class ProgrammeHistory {
  /** The newest part of the history, oldest first: every event from the oldest held to the newest. */
  readonly events: HistoryEvent[] = [];
  /** Whether the newest page has been read (at least once). */
  ready = false;
  /** Whether the oldest event held is the programme's first (nothing earlier to read). */
  reachedStart = false;
  /** The last read failed (a later read clears it). */
  failed = false;
  /** An older page is being read. */
  readingEarlier = false;
  /** The `before` of the next older page. */
  private before: string | undefined;
  /** Reads run one after another, so that a page is never taken in twice. */
  private queue: Promise<void> = Promise.resolve();
  private catching: Promise<void> | undefined;
  private catchMinPosition: string | undefined;
  private earlier: Promise<void> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly api: ApiClient,
    readonly programmeId: string,
  ) {}

  /** Told after each page read (and a failure); answers how to stop being told. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The first time, reads the newest page; after that, what came after the newest event held, to
   * the end. `minPosition` makes the read wait until the history has taken in a change the board
   * shows. Calls while one waits to run share it (the last `minPosition` asked for wins).
   */
  catchUp(minPosition?: string): Promise<void> {
    this.catchMinPosition = minPosition ?? this.catchMinPosition;
    if (this.catching !== undefined) return this.catching;
    const run = this.enqueue(async () => {
      // From here a new call needs a read of its own: this one may have passed what it waits for.
      this.catching = undefined;
      const min = this.catchMinPosition;
      this.catchMinPosition = undefined;
      await (this.ready ? this.readNewer(min) : this.readNewest(min));
    });
    this.catching = run;
    return run;
  }

  /** Reads the page before the oldest event held (nothing once the start is reached). */
  readEarlier(): Promise<void> {
    if (this.earlier !== undefined) return this.earlier;
    this.readingEarlier = true;
    this.tell();
    const run = this.enqueue(() => this.readOlder()).finally(() => {
      this.earlier = undefined;
      this.readingEarlier = false;
      this.tell();
    });
    this.earlier = run;
    return run;
  }

  private enqueue(read: () => Promise<void>): Promise<void> {
    const run = this.queue.then(read);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readNewest(minPosition: string | undefined): Promise<void> {
    await this.guarded(async () => {
      const page = await this.page({ order: 'desc' }, minPosition);
      this.events.unshift(...[...page.events].reverse());
      this.before = page.next;
      this.reachedStart = page.next === undefined;
      this.ready = true;
    });
  }

  private async readOlder(): Promise<void> {
    const before = this.before;
    if (!this.ready || this.reachedStart || before === undefined) return;
    await this.guarded(async () => {
      const page = await this.page({ order: 'desc', before });
      this.events.unshift(...[...page.events].reverse());
      this.before = page.next;
      this.reachedStart = page.next === undefined;
    });
  }

  private async readNewer(minPosition: string | undefined): Promise<void> {
    await this.guarded(async () => {
      for (;;) {
        // Nothing held (an empty history): from the start.
        const after = this.events.at(-1)?.position;
        const page = await this.page(after === undefined ? {} : { after }, minPosition);
        this.events.push(...page.events);
        if (page.next === undefined || page.events.length === 0) return;
        this.tell();
      }
    });
  }

  private page(cursor: Record<string, string>, minPosition?: string): Promise<HistoryPayload> {
    const query = new URLSearchParams({ ...cursor, limit: String(HISTORY_PAGE) });
    if (minPosition !== undefined) query.set('minPosition', minPosition);
    return this.api.get<HistoryPayload>(`/api/programmes/${encodeURIComponent(this.programmeId)}/history?${query}`);
  }

  /** Runs one read, noting a failure instead of throwing it, and tells the listeners either way. */
  private async guarded(read: () => Promise<void>): Promise<void> {
    this.failed = false;
    try {
      await read();
    } catch {
      this.failed = true;
    }
    this.tell();
  }

  private tell(): void {
    for (const listener of this.listeners) listener();
  }
}

const held = new Map<string, ProgrammeHistory>();

/** The page's one history of a programme (kept while it is among the few last asked for). */
export function historyOf(api: ApiClient, programmeId: string): ProgrammeHistory {
  const found = held.get(programmeId);
  held.delete(programmeId);
  const history = found ?? new ProgrammeHistory(api, programmeId);
  held.set(programmeId, history);
  for (const key of held.keys()) if (held.size > HELD) held.delete(key);
  return history;
}

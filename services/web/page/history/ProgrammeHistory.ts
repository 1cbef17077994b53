import type { ApiClient } from '../api';
import type { HistoryPayload } from '../types';

export type HistoryEvent = HistoryPayload['events'][number];

/** The largest page the history read gives (HISTORY_MAX_LIMIT): fewest round trips to its end. */
const PAGE = 1000;
/** Programmes whose history is held at once (the one shown, and a few just left). */
const HELD = 4;

/**
 * A programme's history as the page holds it (GET /api/programmes/{id}/history, SPEC "Reads"):
 * read page by page with `after`, oldest first, up to its end, and later only what came after the
 * last event held. The activity list and the cards' notes share it, read only when one is opened.
 */
export class ProgrammeHistory {
  /** Oldest first, as the read pages them. */
  readonly events: HistoryEvent[] = [];
  /** Whether it has been read to its end at least once. */
  complete = false;
  failed = false;
  private after: string | undefined;
  private running: Promise<void> | undefined;
  private again = false;
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
   * Reads what came after the last event held, to the end (the first time, from the start);
   * `minPosition` makes the read wait until the history has taken in a change the board shows.
   * Calls while a read runs make one more read after it.
   */
  catchUp(minPosition?: string): Promise<void> {
    if (this.running !== undefined) {
      this.again = true;
      return this.running;
    }
    this.running = this.read(minPosition).finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.catchUp(minPosition);
      }
    });
    return this.running;
  }

  private async read(minPosition: string | undefined): Promise<void> {
    this.failed = false;
    try {
      for (;;) {
        const query = new URLSearchParams({ limit: String(PAGE) });
        if (this.after !== undefined) query.set('after', this.after);
        if (minPosition !== undefined) query.set('minPosition', minPosition);
        const page = await this.api.get<HistoryPayload>(`/api/programmes/${encodeURIComponent(this.programmeId)}/history?${query}`);
        this.events.push(...page.events);
        this.after = page.events.at(-1)?.position ?? this.after;
        if (page.next === undefined || page.events.length === 0) break;
        this.tell();
      }
      this.complete = true;
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

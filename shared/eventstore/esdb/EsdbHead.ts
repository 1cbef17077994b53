import type { Position as EsdbPosition } from '@eventstore/db-client';
import { esdbPosition } from './esdbPosition';

/** One event of a backwards $all page: where it sits, and whether it is one of our events. */
export interface HeadCandidate {
  position: EsdbPosition;
  own: boolean;
}

/** Up to `count` events of $all backwards from `from` (inclusive; the end when undefined), newest first. */
export type ReadBackwards = (from: EsdbPosition | undefined, count: number) => Promise<HeadCandidate[]>;

// Small: usually the head (or where the last scan stopped) is among the newest few events.
const FIRST_PAGE = 8;
const MAX_PAGE = 4096;

/**
 * The newest of our events in $all, found with a bounded amount of reading. Client 6.x cannot filter
 * a $all read on the server, and $all's tail may be other streams (idempotency records, server
 * events), so the head is partly tracked and partly scanned:
 * - `observe` takes positions this process learns for free (its appends, its subscription);
 * - `read` scans backwards from the end, but never past what an earlier scan already examined, and
 *   never more than `limit` events per call: an unfinished scan answers what is known and goes on
 *   from where it stopped at the next call.
 * So a health probe or a metrics scrape reads at most `limit` events, usually one short page.
 */
export class EsdbHead {
  /** The newest of our events known. */
  private known: EsdbPosition | undefined;
  /** No event of ours lies after `known` and at or before this position. */
  private examinedTop: EsdbPosition | undefined;
  /** An unfinished scan: examined from `top` down to just above `next`, nothing of ours there. */
  private partial: { top: EsdbPosition; next: EsdbPosition } | undefined;

  constructor(private readonly limit = 2048) {}

  observe(position: EsdbPosition): void {
    if (this.known === undefined || esdbPosition.order(position, this.known) > 0) this.known = position;
  }

  async read(readBackwards: ReadBackwards): Promise<EsdbPosition | undefined> {
    let budget = this.limit;
    let from = this.partial?.next;
    let top = this.partial?.top;
    let pageSize = FIRST_PAGE;
    for (;;) {
      const asked = Math.max(1, Math.min(pageSize, budget));
      const page = await readBackwards(from, asked);
      for (const item of page) {
        // A page read from a position starts with that position's own event, examined already.
        if (from !== undefined && esdbPosition.order(item.position, from) >= 0) continue;
        top ??= item.position;
        if (this.examinedTop !== undefined && esdbPosition.order(item.position, this.examinedTop) <= 0) return this.settle(top);
        if (item.own) {
          this.observe(item.position);
          return this.settle(top);
        }
      }
      budget -= page.length;
      const last = page[page.length - 1];
      if (page.length < asked || last === undefined) return this.settle(top); // the start of $all
      from = last.position;
      if (budget <= 0 && top !== undefined) {
        this.partial = { top, next: from };
        return this.known;
      }
      pageSize = Math.min(pageSize * 2, MAX_PAGE);
    }
  }

  private settle(top: EsdbPosition | undefined): EsdbPosition | undefined {
    this.partial = undefined;
    if (top !== undefined && (this.examinedTop === undefined || esdbPosition.order(top, this.examinedTop) > 0)) this.examinedTop = top;
    return this.known;
  }
}

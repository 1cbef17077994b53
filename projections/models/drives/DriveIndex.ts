import type { ModelCache } from '../../runner/ModelCache';
import { driveEnrollersModel, enrolmentsModel } from './driveModels';
import type { EnrollerRow, EnrolmentRow } from './DriveRows';

/** One model's row ids per drive, caught up from the ids the cache added since (ModelCache.addedIds). */
class IdsByDrive<R extends { id: string; driveId: string }> {
  private readonly ids = new Map<string, string[]>();
  /** Rows indexed so far: the first `seen` of the cache's added ids. */
  private seen = 0;
  /** Drives whose ids were appended out of `order` since they were last sorted. */
  private readonly unsorted = new Set<string>();

  constructor(private readonly order?: (row: R) => string) {}

  /** Indexes the rows added since the last call: the ids past the first `seen` of the cache's added ids. */
  catchUp(added: readonly string[], table: ReadonlyMap<string, R>): void {
    for (; this.seen < added.length; this.seen++) {
      const id = added[this.seen];
      const row = id === undefined ? undefined : table.get(id);
      if (row === undefined) continue;
      let ids = this.ids.get(row.driveId);
      if (!ids) this.ids.set(row.driveId, (ids = []));
      const last = ids.at(-1);
      const lastRow = last === undefined ? undefined : table.get(last);
      if (this.order && lastRow && this.order(lastRow) > this.order(row)) this.unsorted.add(row.driveId);
      ids.push(row.id);
    }
  }

  /** The drive's ids (in `order` when given). */
  of(driveId: string, table: ReadonlyMap<string, R>): readonly string[] {
    const ids = this.ids.get(driveId) ?? [];
    const order = this.order;
    if (order && this.unsorted.delete(driveId)) {
      // Rows loaded from the store come in id order; live ones come in order. Sorted once, when read.
      const key = (id: string) => {
        const row = table.get(id);
        return row === undefined ? '' : order(row);
      };
      ids.sort((a, b) => (key(a) < key(b) ? -1 : 1));
    }
    return ids;
  }
}

export interface EnrolmentPage {
  /** The `next` of the page before: rows after it. */
  after?: string | undefined;
  /** At most this many rows; all of them without. */
  limit?: number | undefined;
  /** Only rows this keeps (the units a reader may see). */
  keep?: ((row: EnrolmentRow) => boolean) | undefined;
}

/**
 * Per drive, its enrolment rows (in enrolment order) and its enrollers, kept beside a ModelCache
 * (which holds every drive's rows in one table): a drive's board and list read only that drive's rows
 * instead of scanning every drive's. Built again from scratch when the cache is another one (a reload).
 */
export class DriveIndex {
  private cache: ModelCache | undefined;
  private enrolments = new IdsByDrive<EnrolmentRow>((row) => row.order);
  private enrollers = new IdsByDrive<EnrollerRow>();

  private over(cache: ModelCache): void {
    if (this.cache === cache) return;
    this.cache = cache;
    this.enrolments = new IdsByDrive<EnrolmentRow>((row) => row.order);
    this.enrollers = new IdsByDrive<EnrollerRow>();
  }

  enrollersOf(cache: ModelCache, driveId: string): EnrollerRow[] {
    this.over(cache);
    const table = cache.table(driveEnrollersModel);
    this.enrollers.catchUp(cache.addedIds(driveEnrollersModel), table);
    return this.enrollers.of(driveId, table).flatMap((id) => table.get(id) ?? []);
  }

  /**
   * A page of the drive's enrolments in order, and the cursor of the next page when there is one.
   *
   * A late row is skipped by paging: one that arrives with a lower position (`order`) than a cursor
   * already handed out (on a store where a commit can become visible after a later one was projected)
   * sorts before that cursor, so the pages after it never show it. A list read from the start (no
   * `after`) has it; a client that must see every row reads again from the start.
   */
  enrolmentsOf(cache: ModelCache, driveId: string, page: EnrolmentPage = {}): { rows: EnrolmentRow[]; next?: string } {
    this.over(cache);
    const table = cache.table(enrolmentsModel);
    this.enrolments.catchUp(cache.addedIds(enrolmentsModel), table);
    const ids = this.enrolments.of(driveId, table);
    const { after, limit = Number.POSITIVE_INFINITY, keep } = page;
    let from = 0;
    if (after !== undefined) {
      // The cursor is a row's order, not an index: rows may have arrived (and been sorted in) since
      // the page before, so an index would shift. Bisect, as a demo-sized drive holds 23,000 rows.
      let high = ids.length;
      while (from < high) {
        const middle = (from + high) >>> 1;
        const order = table.get(ids[middle] ?? '')?.order ?? '';
        if (order <= after) from = middle + 1;
        else high = middle;
      }
    }
    const rows: EnrolmentRow[] = [];
    for (let i = from; i < ids.length; i++) {
      const row = table.get(ids[i] ?? '');
      if (row === undefined || (keep && !keep(row))) continue;
      if (rows.length === limit) return { rows, next: rows.at(-1)?.order ?? '' };
      rows.push(row);
    }
    return { rows };
  }
}

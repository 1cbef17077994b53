import type { Identified, RowModel } from './RowModel';

/**
 * Rows of several models, by model then id. What one batch changed, and what the cache holds, are
 * both kept this way; the model object is the key, so a read is typed by the model it names.
 */
export class RowTables {
  private readonly tables = new Map<RowModel, Map<string, Identified>>();

  get<R extends Identified>(model: RowModel<R>, id: string): R | undefined {
    // Only set() writes a table, always with rows of its own model.
    return this.tables.get(model)?.get(id) as R | undefined;
  }

  set<R extends Identified>(model: RowModel<R>, row: R): void {
    let table = this.tables.get(model);
    if (!table) this.tables.set(model, (table = new Map()));
    table.set(row.id, row);
  }

  /** The rows of one model, by id. */
  table<R extends Identified>(model: RowModel<R>): ReadonlyMap<string, R> {
    return (this.tables.get(model) as Map<string, R> | undefined) ?? new Map<string, R>();
  }

  /** The models with at least one row. */
  models(): Iterable<RowModel> {
    return this.tables.keys();
  }

  get size(): number {
    let size = 0;
    for (const table of this.tables.values()) size += table.size;
    return size;
  }
}

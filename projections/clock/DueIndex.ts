interface DueEntry {
  /** The first instant the task counts as overdue: 1 ms after its due time. */
  at: number;
  taskId: string;
  wing: string;
  /** The person it is given to, if any: their `mine` board changes too. */
  person?: string | undefined;
}

function before(a: DueEntry, b: DueEntry): boolean {
  return a.at < b.at || (a.at === b.at && a.taskId < b.taskId);
}

/**
 * One programme's tasks that can still fall overdue (live, not done, with a due time), sorted by the
 * instant they do: the board clock asks for the next one after a time by binary search, so planning
 * a programme does not walk its tasks.
 */
export class DueIndex {
  private readonly entries: DueEntry[] = [];
  private readonly byTask = new Map<string, DueEntry>();

  get size(): number {
    return this.entries.length;
  }

  /** Puts the task at `dueAt` (ISO), or takes it out when `dueAt` is undefined. */
  set(taskId: string, dueAt: string | undefined, wing: string, person?: string): void {
    const old = this.byTask.get(taskId);
    const at = dueAt === undefined ? undefined : Date.parse(dueAt) + 1;
    if (old && old.at === at && old.wing === wing && old.person === person) return;
    if (old) {
      this.entries.splice(this.indexOf(old), 1);
      this.byTask.delete(taskId);
    }
    if (at === undefined) return;
    const entry = { at, taskId, wing, person };
    this.entries.splice(this.indexOf(entry), 0, entry);
    this.byTask.set(taskId, entry);
  }

  /** The first instant after `after` at which a task falls overdue, and the wings (and people) of every task that does then. */
  nextAfter(after: number): { at: number; wings: Set<string>; people: Set<string> } | undefined {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.entries[mid]?.at ?? Infinity) <= after) low = mid + 1;
      else high = mid;
    }
    const first = this.entries[low];
    if (first === undefined) return undefined;
    const wings = new Set<string>();
    const people = new Set<string>();
    for (let i = low; i < this.entries.length && this.entries[i]?.at === first.at; i++) {
      const entry = this.entries[i];
      if (entry === undefined) continue;
      wings.add(entry.wing);
      if (entry.person !== undefined) people.add(entry.person);
    }
    return { at: first.at, wings, people };
  }

  /** The tasks overdue at `now` (due before it), longest overdue first. */
  *fallenBy(now: number): Iterable<string> {
    for (const entry of this.entries) {
      if (entry.at > now) return;
      yield entry.taskId;
    }
  }

  /** Where `entry` is, or would go. */
  private indexOf(entry: DueEntry): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const current = this.entries[mid];
      if (current !== undefined && before(current, entry)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

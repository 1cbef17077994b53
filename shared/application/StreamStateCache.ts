/** A folded stream: its state, version and last position, as last read or written by this process. */
export interface CachedStream {
  state: unknown;
  version: number;
  /** Undefined while the stream is empty. */
  position?: string | undefined;
}

/**
 * Folded states of recently used streams, least recently used dropped first. A cached state may be
 * stale when another process appended: appends still carry the version it was decided on, so a
 * stale decision fails with a concurrency error and is decided again on a fresh read.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, CachedStream>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): CachedStream | undefined {
    const entry = this.entries.get(streamId);
    if (entry) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
    }
    return entry;
  }

  set(streamId: string, entry: CachedStream): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(streamId: string): void {
    this.entries.delete(streamId);
  }
}

import type { Aggregate } from './Aggregate';
import type { CommandBus } from './CommandBus';

/**
 * The newest copy of a catalogue stream whose entries are only ever added (wings, units: a code,
 * once registered, is never removed or reused). A code found in the copy is in the stream too, so
 * the stream is read again only when a command names a code the copy does not know yet; and no
 * append condition is needed on it (what a decision found cannot disappear).
 */
export class GrowingCatalogue<Entry, C, E, X> {
  private known: ReadonlyMap<string, Entry>;

  constructor(
    private readonly aggregate: Aggregate<C, E, ReadonlyMap<string, Entry>, X>,
    private readonly streamId: string,
  ) {
    this.known = aggregate.decider.initialState;
  }

  /** The catalogue, up to date for `codes` (a decider only asks whether a code is in it). */
  async knowing(bus: CommandBus, codes: readonly (string | undefined)[]): Promise<ReadonlyMap<string, Entry>> {
    if (codes.every((code) => code === undefined || this.known.has(code))) return this.known;
    const read = (await bus.load(this.aggregate, this.streamId)).state;
    // Two reads may finish out of order: keep the newer (larger) catalogue.
    if (read.size >= this.known.size) this.known = read;
    return read;
  }
}

import type { ProgrammeFacts } from '../common/programme';
import { meetingFacts } from '../meeting/decider';
import { meetingAggregate } from '../meeting/meetingAggregate';
import type { ResponsibilityState } from '../responsibility/decider';
import { responsibilityAggregate } from '../responsibility/responsibilityAggregate';
import { tourFacts } from '../tour/decider';
import { tourAggregate } from '../tour/tourAggregate';
import type { UnitsState } from '../units/decider';
import { UNITS_STREAM_ID, unitsAggregate } from '../units/unitsAggregate';
import type { WingsState } from '../wings/decider';
import { CATALOGUE_STREAM_ID, wingsAggregate } from '../wings/wingsAggregate';
import type { Aggregate } from './Aggregate';
import type { CommandBus, StreamReads } from './CommandBus';

/**
 * The newest catalogue read, starting from the default wings. Wings are only ever added (a code,
 * once registered, is never removed or reused), so a code found here is in the stream too: the
 * stream is read again only when a command names a code this copy does not know yet.
 */
class KnownWings {
  state: WingsState = wingsAggregate.decider.initialState;
  /** The unit catalogue, kept the same way: units, once registered, stay. */
  units: UnitsState = unitsAggregate.decider.initialState;
}

/**
 * Existence facts of the streams a command names: the only reads a decision makes beyond its own
 * stream. One instance serves every command of a process (it keeps the wing catalogue it has read);
 * `recording` gives a view that notes each stream's version for the command's append conditions.
 */
export class CommandFacts {
  constructor(
    private readonly bus: CommandBus,
    private readonly known = new KnownWings(),
    private readonly reads?: StreamReads,
  ) {}

  /** The same facts, noting in `reads` the version of every stream read (wings aside: they only grow). */
  recording(reads: StreamReads): CommandFacts {
    return new CommandFacts(this.bus, this.known, reads);
  }

  private async load<C, E, S, X>(aggregate: Aggregate<C, E, S, X>, streamId: string): Promise<{ state: S; version: number }> {
    const loaded = await this.bus.load(aggregate, streamId);
    this.reads?.set(streamId, loaded.version);
    return loaded;
  }

  /** The wing catalogue, up to date for `codes` (a decider only asks whether a code is in it). */
  async wingsKnowing(codes: readonly (string | undefined)[]): Promise<WingsState> {
    if (codes.every((code) => code === undefined || this.known.state.has(code))) return this.known.state;
    const read = (await this.bus.load(wingsAggregate, wingsAggregate.stream(CATALOGUE_STREAM_ID))).state;
    // Two reads may finish out of order: keep the newer (larger) catalogue.
    if (read.size >= this.known.state.size) this.known.state = read;
    return read;
  }

  /** The unit catalogue, up to date for `codes` (read again only when one is unknown here). */
  async unitsKnowing(codes: readonly (string | undefined)[]): Promise<UnitsState> {
    if (codes.every((code) => code === undefined || this.known.units.has(code))) return this.known.units;
    const read = (await this.bus.load(unitsAggregate, unitsAggregate.stream(UNITS_STREAM_ID))).state;
    if (read.size >= this.known.units.size) this.known.units = read;
    return read;
  }

  /** The programme (tour or meeting) of that id; undefined when neither exists. */
  async programme(programmeId: string): Promise<ProgrammeFacts | undefined> {
    const [tour, meeting] = await Promise.all([
      this.load(tourAggregate, tourAggregate.stream(programmeId)),
      this.load(meetingAggregate, meetingAggregate.stream(programmeId)),
    ]);
    return tourFacts(programmeId, tour.state) ?? meetingFacts(programmeId, meeting.state);
  }

  async tourExists(id: string): Promise<boolean> {
    return (await this.load(tourAggregate, tourAggregate.stream(id))).version > 0;
  }

  async meetingExists(id: string): Promise<boolean> {
    return (await this.load(meetingAggregate, meetingAggregate.stream(id))).version > 0;
  }

  async responsibility(id: string | undefined): Promise<ResponsibilityState | undefined> {
    return id === undefined ? undefined : (await this.load(responsibilityAggregate, responsibilityAggregate.stream(id))).state;
  }
}

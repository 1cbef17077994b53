import type { ProgrammeFacts } from '../common/programme';
import { meetingFacts } from '../meeting/decider';
import { meetingAggregate } from '../meeting/meetingAggregate';
import { peopleAggregate } from '../people/peopleAggregate';
import type { PersonFacts } from '../people/personFacts';
import type { ResponsibilityState } from '../responsibility/decider';
import { templateAggregate } from '../templates/templateAggregate';
import type { TemplateState } from '../templates/templateDecider';
import { responsibilityAggregate } from '../responsibility/responsibilityAggregate';
import { tourFacts } from '../tour/decider';
import { tourAggregate } from '../tour/tourAggregate';
import type { UnitsState } from '../units/decider';
import { UNITS_STREAM_ID, unitsAggregate } from '../units/unitsAggregate';
import type { WingsState } from '../wings/decider';
import { CATALOGUE_STREAM_ID, wingsAggregate } from '../wings/wingsAggregate';
import type { Aggregate } from './Aggregate';
import type { CommandBus, StreamReads } from './CommandBus';
import { GrowingCatalogue } from './GrowingCatalogue';

/** The catalogues one process keeps (shared by every command's facts). */
class Catalogues {
  readonly wings = new GrowingCatalogue(wingsAggregate, wingsAggregate.stream(CATALOGUE_STREAM_ID));
  readonly units = new GrowingCatalogue(unitsAggregate, unitsAggregate.stream(UNITS_STREAM_ID));
}

/**
 * Existence facts of the streams a command names: the only reads a decision makes beyond its own
 * stream. One instance serves every command of a process (it keeps the catalogues it has read);
 * `recording` gives a view that notes each stream's version for the command's append conditions.
 */
export class CommandFacts {
  constructor(
    private readonly bus: CommandBus,
    private readonly catalogues = new Catalogues(),
    private readonly reads?: StreamReads,
  ) {}

  /** The same facts, noting in `reads` the version of every stream read (wings aside: they only grow). */
  recording(reads: StreamReads): CommandFacts {
    return new CommandFacts(this.bus, this.catalogues, reads);
  }

  private async load<C, E, S, X>(aggregate: Aggregate<C, E, S, X>, streamId: string): Promise<{ state: S; version: number }> {
    const loaded = await this.bus.load(aggregate, streamId);
    this.reads?.set(streamId, loaded.version);
    return loaded;
  }

  /** The wing catalogue, up to date for `codes`. */
  wingsKnowing(codes: readonly (string | undefined)[]): Promise<WingsState> {
    return this.catalogues.wings.knowing(this.bus, codes);
  }

  /** The unit catalogue, up to date for `codes`. */
  unitsKnowing(codes: readonly (string | undefined)[]): Promise<UnitsState> {
    return this.catalogues.units.knowing(this.bus, codes);
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

  /** The person a command names (a task's assignee), recorded like every stream read; undefined: it names none. */
  async person(id: string | undefined): Promise<PersonFacts | undefined> {
    if (id === undefined) return undefined;
    const { state } = await this.load(peopleAggregate, peopleAggregate.stream(id));
    return state === undefined ? { exists: false } : { exists: true, name: state.name };
  }

  /** A checklist template as it stands now (undefined: none of that id). */
  async template(id: string): Promise<TemplateState> {
    return (await this.load(templateAggregate, templateAggregate.stream(id))).state;
  }

  async responsibility(id: string | undefined): Promise<ResponsibilityState | undefined> {
    return id === undefined ? undefined : (await this.load(responsibilityAggregate, responsibilityAggregate.stream(id))).state;
  }
}

import type { ProgrammeFacts } from '@tayari/shared/common/programme';
import { streams } from '@tayari/shared/common/streams';
import { meetingFacts } from '@tayari/shared/meeting/decider';
import type { ResponsibilityState } from '@tayari/shared/responsibility/decider';
import { tourFacts } from '@tayari/shared/tour/decider';
import type { WingsState } from '@tayari/shared/wings/decider';
import { aggregates } from './aggregates';
import type { CommandBus } from './CommandBus';

/**
 * Existence facts of the streams a command names: the only reads a decision makes beyond its own
 * stream. One instance serves every command of a process (it keeps the wing catalogue it has read).
 */
export class CommandFacts {
  /**
   * The newest catalogue read, starting from the default wings. Wings are only ever added (a code,
   * once registered, is never removed or reused), so a code found here is in the stream too: the
   * stream is read again only when a command names a code this copy does not know yet.
   */
  private catalogue: WingsState = aggregates.wings.decider.initialState;

  constructor(private readonly bus: CommandBus) {}

  /** The wing catalogue, up to date for `codes` (a decider only asks whether a code is in it). */
  async wingsKnowing(codes: readonly (string | undefined)[]): Promise<WingsState> {
    if (codes.every((code) => code === undefined || this.catalogue.has(code))) return this.catalogue;
    const read = (await this.bus.load(aggregates.wings, streams.wings())).state;
    // Two reads may finish out of order: keep the newer (larger) catalogue.
    if (read.size >= this.catalogue.size) this.catalogue = read;
    return read;
  }

  /** The programme (tour or meeting) of that id; undefined when neither exists. */
  async programme(programmeId: string): Promise<ProgrammeFacts | undefined> {
    const [tour, meeting] = await Promise.all([
      this.bus.load(aggregates.tour, streams.tour(programmeId)),
      this.bus.load(aggregates.meeting, streams.meeting(programmeId)),
    ]);
    return tourFacts(programmeId, tour.state) ?? meetingFacts(programmeId, meeting.state);
  }

  async tourExists(id: string): Promise<boolean> {
    return (await this.bus.load(aggregates.tour, streams.tour(id))).version > 0;
  }

  async meetingExists(id: string): Promise<boolean> {
    return (await this.bus.load(aggregates.meeting, streams.meeting(id))).version > 0;
  }

  async responsibility(id: string | undefined): Promise<ResponsibilityState | undefined> {
    return id === undefined ? undefined : (await this.bus.load(aggregates.responsibility, streams.responsibility(id))).state;
  }
}

import type { ProgrammeFacts } from '@tayari/shared/common/programme';
import { streams } from '@tayari/shared/common/streams';
import { meetingFacts } from '@tayari/shared/meeting/decider';
import type { ResponsibilityState } from '@tayari/shared/responsibility/decider';
import { tourFacts } from '@tayari/shared/tour/decider';
import type { WingsState } from '@tayari/shared/wings/decider';
import { aggregates } from './aggregates';
import type { CommandBus } from './CommandBus';

/** Existence facts of the streams a command names: the only reads a decision makes beyond its own stream. */
export async function loadWings(bus: CommandBus): Promise<WingsState> {
  return (await bus.load(aggregates.wings, streams.wings())).state;
}

export async function loadProgramme(bus: CommandBus, programmeId: string): Promise<ProgrammeFacts | undefined> {
  const [tour, meeting] = await Promise.all([
    bus.load(aggregates.tour, streams.tour(programmeId)),
    bus.load(aggregates.meeting, streams.meeting(programmeId)),
  ]);
  return tourFacts(programmeId, tour.state) ?? meetingFacts(programmeId, meeting.state);
}

export async function loadResponsibility(bus: CommandBus, id: string | undefined): Promise<ResponsibilityState | undefined> {
  return id === undefined ? undefined : (await bus.load(aggregates.responsibility, streams.responsibility(id))).state;
}

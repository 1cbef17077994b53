import type { ProgrammeFacts } from '../common/programme';
import type { CommandFacts } from './CommandFacts';

type Existing = { exists: false } | { exists: true; programmeId: string };

/** The programme an existing task or duty belongs to: its decider refuses once that is cancelled. */
export const programmeOf = async (facts: CommandFacts, state: Existing): Promise<ProgrammeFacts | undefined> =>
  state.exists ? facts.programme(state.programmeId) : undefined;

/** For task and duty commands whose only fact is the programme they hang off. */
export const ownProgramme = async ({ facts }: { facts: CommandFacts }, _target: unknown, state: Existing) => ({
  programme: await programmeOf(facts, state),
});

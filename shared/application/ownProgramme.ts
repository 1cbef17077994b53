import type { ProgrammeFacts } from '../common/programme';
import type { WingsState } from '../wings/decider';
import type { CommandFacts } from './CommandFacts';

type Existing = { exists: false } | { exists: true; programmeId: string };

/** For decisions that never look at the wing catalogue. */
export const noWings: WingsState = new Map();

/** The programme an existing task or duty belongs to: its decider refuses once that is cancelled. */
export const programmeOf = async (facts: CommandFacts, state: Existing): Promise<ProgrammeFacts | undefined> =>
  state.exists ? facts.programme(state.programmeId) : undefined;

/** For task and duty commands that need no wing catalogue: only the programme they hang off. */
export const ownProgramme = async ({ facts }: { facts: CommandFacts }, _target: unknown, state: Existing) => ({
  wings: noWings,
  programme: await programmeOf(facts, state),
});

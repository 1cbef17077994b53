import type { Decider } from '../common/decider';
import { fact } from '../common/fact';
import { NotFound, RuleViolation } from '../common/errors';
import { requireKnownWing, requireLiveProgramme, type ProgrammeFacts } from '../common/programme';
import type { WingsState } from '../wings/decider';
import type { ResponsibilityCommand } from './commands';
import type { ResponsibilityEvent } from './events';

export type ResponsibilityState =
  | { exists: false }
  | { exists: true; programmeId: string; stopId?: string | undefined; wing: string; acknowledged: boolean; cancelled: boolean };

export interface ResponsibilityContext {
  /** Assign and reassign: the wing catalogue. */
  wings?: WingsState;
  /**
   * The programme named by an assignment, or the one an existing duty belongs to (nothing more
   * changes on a cancelled programme or stop); undefined when it does not exist.
   */
  programme?: ProgrammeFacts | undefined;
}

function requireLive(state: ResponsibilityState, id: string, programme: ProgrammeFacts | undefined) {
  if (!state.exists) throw new NotFound('responsibility-not-found', `responsibility ${id} does not exist`);
  if (state.cancelled) throw new RuleViolation('responsibility-cancelled', `responsibility ${id} is cancelled`);
  requireLiveProgramme(state.programmeId, programme, state.stopId);
  return state;
}

export const responsibilityDecider: Decider<ResponsibilityCommand, ResponsibilityEvent, ResponsibilityState, ResponsibilityContext> = {
  initialState: { exists: false },

  decide(command, state, context) {
    switch (command.type) {
      case 'AssignResponsibility': {
        const programme = requireLiveProgramme(command.programmeId, context.programme, command.stopId);
        requireKnownWing(fact(context.wings, 'wings'), command.wing);
        if (state.exists) throw new RuleViolation('id-taken', `responsibility ${command.responsibilityId} exists`);
        const { type: _t, ...data } = command;
        return [{ type: 'ResponsibilityAssigned', data: { ...data, programmeKind: programme.kind } }];
      }
      case 'AcknowledgeResponsibility': {
        const current = requireLive(state, command.responsibilityId, context.programme);
        if (current.acknowledged) return [];
        const data = { responsibilityId: command.responsibilityId, programmeId: current.programmeId, wing: current.wing };
        return [{ type: 'ResponsibilityAcknowledged', data }];
      }
      case 'ReassignResponsibility': {
        const current = requireLive(state, command.responsibilityId, context.programme);
        requireKnownWing(fact(context.wings, 'wings'), command.wing);
        if (current.wing === command.wing) return [];
        const data = { responsibilityId: command.responsibilityId, programmeId: current.programmeId, from: current.wing, wing: command.wing };
        return [{ type: 'ResponsibilityReassigned', data }];
      }
      case 'CancelResponsibility': {
        const current = requireLive(state, command.responsibilityId, context.programme);
        const data = { responsibilityId: command.responsibilityId, programmeId: current.programmeId, wing: current.wing, reason: command.reason };
        return [{ type: 'ResponsibilityCancelled', data }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ResponsibilityAssigned':
        return { exists: true, programmeId: event.data.programmeId, stopId: event.data.stopId, wing: event.data.wing, acknowledged: false, cancelled: false };
      case 'ResponsibilityAcknowledged':
        return state.exists ? { ...state, acknowledged: true } : state;
      case 'ResponsibilityReassigned':
        // A new wing has not acknowledged the duty yet.
        return state.exists ? { ...state, wing: event.data.wing, acknowledged: false } : state;
      case 'ResponsibilityCancelled':
        return state.exists ? { ...state, cancelled: true } : state;
    }
  },
};

import type { Decider } from '../common/decider';
import { fact } from '../common/fact';
import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import { requireKnownUnit, type ProgrammeFacts } from '../common/programme';
import type { UnitsState } from '../units/decider';
import type { WingsState } from '../wings/decider';
import type { TourCommand } from './commands';
import type { TourEvent } from './events';

export interface Stop {
  startsAt: string;
  endsAt: string;
  cancelled: boolean;
}
export interface TourState {
  exists: boolean;
  cancelled: boolean;
  unit?: string | undefined;
  stops: ReadonlyMap<string, Stop>;
}
/** The facts of other streams a tour command may need; each command's context loads only its own. */
export interface TourContext {
  /** AddStop with a host wing: the wing catalogue. */
  wings?: WingsState;
  /** PlanTour: true when a meeting already uses this id (programme ids are shared by tours and meetings). */
  programmeIdTaken?: boolean;
  /** PlanTour naming a unit: the unit catalogue. */
  units?: UnitsState;
}

const overlaps = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

function requireLiveTour(state: TourState, tourId: string): void {
  if (!state.exists) throw new NotFound('tour-not-found', `tour ${tourId} does not exist`);
  if (state.cancelled) throw new RuleViolation('tour-cancelled', `tour ${tourId} is cancelled`);
}

function requireLiveStop(state: TourState, tourId: string, stopId: string): Stop {
  requireLiveTour(state, tourId);
  const stop = state.stops.get(stopId);
  if (!stop) throw new NotFound('stop-not-found', `stop ${stopId} is not on tour ${tourId}`);
  if (stop.cancelled) throw new RuleViolation('stop-cancelled', `stop ${stopId} is cancelled`);
  return stop;
}

function requireNoOverlap(state: TourState, window: { startsAt: string; endsAt: string }, except?: string): void {
  for (const [id, stop] of state.stops) {
    if (id !== except && !stop.cancelled && overlaps(stop, window)) {
      throw new RuleViolation('stop-overlaps', `the window overlaps stop ${id} (${stop.startsAt} – ${stop.endsAt})`);
    }
  }
}

export const tourDecider: Decider<TourCommand, TourEvent, TourState, TourContext> = {
  initialState: { exists: false, cancelled: false, stops: new Map() },

  decide(command, state, context) {
    switch (command.type) {
      case 'PlanTour': {
        if (state.exists || fact(context.programmeIdTaken, 'programmeIdTaken')) throw new RuleViolation('id-taken', `programme ${command.tourId} exists`);
        if (command.unit !== undefined) requireKnownUnit(fact(context.units, 'units'), command.unit);
        const { type: _t, ...data } = command;
        return [{ type: 'TourPlanned', data }];
      }
      case 'AddStop': {
        requireLiveTour(state, command.tourId);
        if (state.stops.has(command.stopId)) throw new RuleViolation('id-taken', `stop ${command.stopId} exists`);
        if (command.hostWing !== undefined && !fact(context.wings, 'wings').has(command.hostWing)) {
          throw new InvalidCommand('unknown-wing', `wing ${command.hostWing} is not in the catalogue`, ['hostWing']);
        }
        requireNoOverlap(state, command);
        const { type: _t, ...data } = command;
        return [{ type: 'StopAdded', data }];
      }
      case 'RescheduleStop': {
        const stop = requireLiveStop(state, command.tourId, command.stopId);
        if (stop.startsAt === command.startsAt && stop.endsAt === command.endsAt) return [];
        requireNoOverlap(state, command, command.stopId);
        const { type: _t, ...data } = command;
        return [{ type: 'StopRescheduled', data }];
      }
      case 'CancelStop': {
        requireLiveStop(state, command.tourId, command.stopId);
        const { type: _t, ...data } = command;
        return [{ type: 'StopCancelled', data }];
      }
      case 'CancelTour': {
        requireLiveTour(state, command.tourId);
        const { type: _t, ...data } = command;
        return [{ type: 'TourCancelled', data }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'TourPlanned':
        return { ...state, exists: true, unit: event.data.unit };
      case 'StopAdded':
      case 'StopRescheduled': {
        const previous = state.stops.get(event.data.stopId);
        const stop = { startsAt: event.data.startsAt, endsAt: event.data.endsAt, cancelled: previous?.cancelled ?? false };
        return { ...state, stops: new Map(state.stops).set(event.data.stopId, stop) };
      }
      case 'StopCancelled': {
        const stop = state.stops.get(event.data.stopId);
        if (!stop) return state;
        return { ...state, stops: new Map(state.stops).set(event.data.stopId, { ...stop, cancelled: true }) };
      }
      case 'TourCancelled':
        return { ...state, cancelled: true };
    }
  },
};

export function tourFacts(tourId: string, state: TourState): ProgrammeFacts | undefined {
  if (!state.exists) return undefined;
  return { kind: 'tour', id: tourId, cancelled: state.cancelled, unit: state.unit, stops: state.stops };
}

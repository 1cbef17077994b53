import type { Decider } from '../common/decider';
import { fact } from '../common/fact';
import { InvalidCommand, NotFound, RuleViolation } from '../common/errors';
import { requireKnownUnit, type ProgrammeFacts } from '../common/programme';
import { shiftInstant } from '../common/time';
import type { MeetingCommand } from './commands';
import { storedDecision } from './decisions';
import type { MeetingEvent } from './events';
import type { UnitsState } from '../units/decider';

export interface MeetingState {
  exists: boolean;
  cancelled: boolean;
  startsAt?: string | undefined;
  endsAt?: string | undefined;
  venue?: string | undefined;
  unit?: string | undefined;
  /** How many times minutes were recorded (decisions' task ids count them). */
  minutes: number;
}
/** The facts of other streams a meeting command may need; each command's context loads only its own. */
export interface MeetingContext {
  /** ScheduleMeeting: true when a tour already uses this id (programme ids are shared by tours and meetings). */
  programmeIdTaken?: boolean;
  /** ScheduleMeeting naming a unit: the unit catalogue. */
  units?: UnitsState;
  /** RecordMinutes: the wing catalogue and the people its decisions name (undefined: no such person). */
  wings?: ReadonlyMap<string, unknown>;
  people?: ReadonlyMap<string, { name: string } | undefined>;
}

function requireLiveMeeting(state: MeetingState, meetingId: string): void {
  if (!state.exists) throw new NotFound('meeting-not-found', `meeting ${meetingId} does not exist`);
  if (state.cancelled) throw new RuleViolation('meeting-cancelled', `meeting ${meetingId} is cancelled`);
}

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState, MeetingContext> = {
  initialState: { exists: false, cancelled: false, minutes: 0 },

  decide(command, state, context) {
    switch (command.type) {
      case 'ScheduleMeeting': {
        if (state.exists || fact(context.programmeIdTaken, 'programmeIdTaken')) throw new RuleViolation('id-taken', `programme ${command.meetingId} exists`);
        if (command.unit !== undefined) requireKnownUnit(fact(context.units, 'units'), command.unit);
        const { type: _t, agenda, ...data } = command;
        return [{ type: 'MeetingScheduled', data: { ...data, agenda: agenda ?? [] } }];
      }
      case 'RescheduleMeeting': {
        requireLiveMeeting(state, command.meetingId);
        const endsAt = command.endsAt ?? endKeepingLength(state, command.startsAt);
        const unchanged = command.startsAt === state.startsAt && endsAt === state.endsAt && (command.venue === undefined || command.venue === state.venue);
        if (unchanged) return [];
        // The event names the whole new window, so a reader never has to work the end out again.
        const { type: _t, endsAt: _asked, ...rest } = command;
        return [{ type: 'MeetingRescheduled', data: { ...rest, ...(endsAt === undefined ? {} : { endsAt }) } }];
      }
      case 'CancelMeeting': {
        requireLiveMeeting(state, command.meetingId);
        const { type: _t, ...data } = command;
        return [{ type: 'MeetingCancelled', data }];
      }
      case 'RecordMinutes': {
        requireLiveMeeting(state, command.meetingId);
        const { type: _t, decisions, ...data } = command;
        const stored = decisions.map((decision, index) => storedDecision(decision, index, command.meetingId, state.minutes + 1, context));
        return [{ type: 'MinutesRecorded', data: { ...data, decisions: stored } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'MeetingScheduled':
        return { ...state, exists: true, startsAt: event.data.startsAt, endsAt: event.data.endsAt, venue: event.data.venue, unit: event.data.unit };
      case 'MeetingRescheduled':
        // Events name the new end when the meeting has one. Events recorded before that rule had no
        // end when none was sent, and dropped it (the old end may precede the new start): so kept.
        return { ...state, startsAt: event.data.startsAt, endsAt: event.data.endsAt, venue: event.data.venue ?? state.venue };
      case 'MeetingCancelled':
        return { ...state, cancelled: true };
      case 'MinutesRecorded':
        return { ...state, minutes: state.minutes + 1 };
    }
  },
};

/** A reschedule that names only a start keeps the meeting's length: the end moves with the start. */
function endKeepingLength(state: MeetingState, startsAt: string): string | undefined {
  if (state.startsAt === undefined || state.endsAt === undefined) return undefined;
  const endsAt = shiftInstant(startsAt, Date.parse(state.endsAt) - Date.parse(state.startsAt));
  if (endsAt === undefined) {
    throw new InvalidCommand('time-out-of-range', 'the meeting would end after the year 9999 (UTC): give an endsAt', ['startsAt']);
  }
  return endsAt;
}

export function meetingFacts(meetingId: string, state: MeetingState): ProgrammeFacts | undefined {
  if (!state.exists) return undefined;
  return { kind: 'meeting', id: meetingId, cancelled: state.cancelled, startsAt: state.startsAt, unit: state.unit, stops: new Map() };
}

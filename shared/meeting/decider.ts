import type { Decider } from '../common/decider';
import { NotFound, RuleViolation } from '../common/errors';
import type { ProgrammeFacts } from '../common/programme';
import type { MeetingCommand } from './commands';
import type { MeetingEvent } from './events';

export interface MeetingState {
  exists: boolean;
  cancelled: boolean;
  startsAt?: string;
  endsAt?: string;
  venue?: string;
}
export interface MeetingContext {
  /** True when a tour already uses this id: programme ids are shared by tours and meetings. */
  programmeIdTaken: boolean;
}

function requireLiveMeeting(state: MeetingState, meetingId: string): void {
  if (!state.exists) throw new NotFound('meeting-not-found', `meeting ${meetingId} does not exist`);
  if (state.cancelled) throw new RuleViolation('meeting-cancelled', `meeting ${meetingId} is cancelled`);
}

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState, MeetingContext> = {
  initialState: { exists: false, cancelled: false },

  decide(command, state, context) {
    switch (command.type) {
      case 'ScheduleMeeting': {
        if (state.exists || context.programmeIdTaken) throw new RuleViolation('id-taken', `programme ${command.meetingId} exists`);
        const { type: _t, agenda, ...data } = command;
        return [{ type: 'MeetingScheduled', data: { ...data, agenda: agenda ?? [] } }];
      }
      case 'RescheduleMeeting': {
        requireLiveMeeting(state, command.meetingId);
        const unchanged =
          command.startsAt === state.startsAt &&
          command.endsAt === state.endsAt &&
          (command.venue === undefined || command.venue === state.venue);
        if (unchanged) return [];
        const { type: _t, ...data } = command;
        return [{ type: 'MeetingRescheduled', data }];
      }
      case 'CancelMeeting': {
        requireLiveMeeting(state, command.meetingId);
        const { type: _t, ...data } = command;
        return [{ type: 'MeetingCancelled', data }];
      }
      case 'RecordMinutes': {
        requireLiveMeeting(state, command.meetingId);
        const { type: _t, ...data } = command;
        return [{ type: 'MinutesRecorded', data }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'MeetingScheduled':
        return { ...state, exists: true, startsAt: event.data.startsAt, endsAt: event.data.endsAt, venue: event.data.venue };
      case 'MeetingRescheduled':
        // A reschedule without endsAt drops the old end: the old end may now precede the new start.
        return { ...state, startsAt: event.data.startsAt, endsAt: event.data.endsAt, venue: event.data.venue ?? state.venue };
      case 'MeetingCancelled':
        return { ...state, cancelled: true };
      case 'MinutesRecorded':
        return state;
    }
  },
};

export function meetingFacts(meetingId: string, state: MeetingState): ProgrammeFacts | undefined {
  if (!state.exists) return undefined;
  return { kind: 'meeting', id: meetingId, cancelled: state.cancelled, stops: new Map() };
}

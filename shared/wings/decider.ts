import { RuleViolation } from '../common/errors';
import type { Decider } from '../common/decider';
import { DEFAULT_WINGS } from './catalogue';
import type { WingCommand } from './commands';
import type { Wing, WingEvent } from './events';

/** The catalogue: the default wings plus every registered one, by code. */
export type WingsState = ReadonlyMap<string, Wing>;

export const wingsDecider: Decider<WingCommand, WingEvent, WingsState> = {
  initialState: new Map(DEFAULT_WINGS.map((w) => [w.code, w])),
  decide(command, state) {
    if (state.has(command.code)) throw new RuleViolation('wing-code-taken', `wing ${command.code} exists`);
    const { type: _type, ...wing } = command;
    return [{ type: 'WingRegistered', data: wing }];
  },
  evolve(state, event) {
    return new Map(state).set(event.data.code, event.data);
  },
};

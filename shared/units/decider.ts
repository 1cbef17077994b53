import type { Decider } from '../common/decider';
import { InvalidCommand, RuleViolation } from '../common/errors';
import { DEFAULT_UNITS } from './catalogue';
import type { UnitCommand } from './commands';
import type { Unit, UnitEvent, UnitKind } from './events';

/** The catalogue: the default units plus every registered one, by code. */
export type UnitsState = ReadonlyMap<string, Unit>;

/** What a unit of each kind sits under: a district under a state, a block or city under a district. */
const PARENT_KIND: Record<UnitKind, UnitKind | undefined> = { state: undefined, district: 'state', block: 'district', city: 'district' };

export const unitsDecider: Decider<UnitCommand, UnitEvent, UnitsState> = {
  initialState: new Map(DEFAULT_UNITS.map((unit) => [unit.code, unit])),
  decide(command, state) {
    if (state.has(command.code)) throw new RuleViolation('unit-code-taken', `unit ${command.code} exists`);
    const wanted = PARENT_KIND[command.kind];
    if (wanted === undefined) {
      if (command.parent !== undefined) throw new InvalidCommand('unit-parent', 'a state has no parent unit', ['parent']);
    } else {
      const parent = command.parent === undefined ? undefined : state.get(command.parent);
      if (parent === undefined) throw new InvalidCommand('unit-parent', `a ${command.kind} needs a parent ${wanted} that exists`, ['parent']);
      if (parent.kind !== wanted) throw new InvalidCommand('unit-parent', `a ${command.kind} sits under a ${wanted}, not a ${parent.kind}`, ['parent']);
    }
    const { type: _type, ...unit } = command;
    return [{ type: 'UnitRegistered', data: unit }];
  },
  evolve(state, event) {
    return new Map(state).set(event.data.code, event.data);
  },
};
